import type { Prisma } from "../../generated/prisma/client";
import type { Actor } from "../../platform/auth/actor";
import type { RecordKind } from "./clinical-records";

/** Keeps the version of a record that a correction or deletion replaces, with who, when and why. */
export async function keepRevision(
  tx: Prisma.TransactionClient,
  actor: Actor,
  kind: RecordKind,
  row: { id: string } & Record<string, unknown>,
  action: "UPDATE" | "DELETE",
  reason: string | null,
) {
  await tx.recordRevision.create({
    data: {
      clinicId: actor.clinicId,
      entity: kind,
      entityId: row.id,
      action,
      // Dates and decimals become strings; the snapshot is for reading, not for restoring by code.
      snapshot: JSON.parse(JSON.stringify(row)) as Prisma.InputJsonValue,
      changedById: actor.userId,
      reason,
    },
  });
}
