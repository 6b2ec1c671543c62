import { textLimit } from "../../clinical/field-limits";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";
import { requireId } from "../../platform/db/require-id";
import { AppError } from "../../platform/errors";
import { type FieldErrors, fieldErrorsOf, zRequiredText } from "../../present/forms/form-input";
import { refreshFlagSummaries } from "../episodes/refresh-episode-summary";
import { patientWhere } from "../patients/scope";

export const ACKNOWLEDGE_FIELDS = { note: textLimit(1000) };
const ZNote = zRequiredText(ACKNOWLEDGE_FIELDS.note);

/**
 * A clinician has seen an open flag and says what they did about it. The flag stays until its
 * condition goes, and re-opens if its severity rises (see sync-flags.ts).
 */
export async function acknowledgeFlag(
  db: Db,
  actor: Actor,
  flagId: string,
  note: unknown,
): Promise<{ status: "acknowledged" } | { status: "invalid"; fieldErrors: FieldErrors }> {
  assertCan(actor, "clinic-patients");
  const flag = await db.flag.findFirst({
    where: { id: requireId(flagId), clinicId: actor.clinicId, episode: { patient: patientWhere(actor) } },
  });
  if (!flag) throw new AppError("NOT_FOUND");
  if (flag.status !== "OPEN") throw new AppError("CONFLICT");
  const parsed = ZNote.safeParse(note);
  if (!parsed.success)
    return { status: "invalid", fieldErrors: { note: fieldErrorsOf(parsed.error).form ?? "required" } };
  await db.$transaction(async (tx) => {
    await tx.flag.update({
      where: { id: flag.id },
      data: {
        status: "ACKNOWLEDGED",
        events: { create: { type: "ACKNOWLEDGED", severity: flag.severity, note: parsed.data, actorId: actor.userId } },
      },
    });
    await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "Flag", entityId: flag.id });
    // The caseload counts open flags only.
    await refreshFlagSummaries(tx, [flag.episodeId]);
  });
  return { status: "acknowledged" };
}

/**
 * Takes an acknowledgement back (a wrong flag acknowledged, or the note was for another
 * patient): the flag is open again, and its history says who took it back and when.
 */
export async function undoAcknowledgement(db: Db, actor: Actor, flagId: string): Promise<void> {
  assertCan(actor, "clinic-patients");
  const flag = await db.flag.findFirst({
    where: { id: requireId(flagId), clinicId: actor.clinicId, episode: { patient: patientWhere(actor) } },
  });
  if (!flag) throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    // Only an acknowledged flag goes back; one the rules resolved meanwhile stays resolved.
    const { count } = await tx.flag.updateMany({
      where: { id: flag.id, status: "ACKNOWLEDGED" },
      data: { status: "OPEN" },
    });
    if (count === 0) throw new AppError("CONFLICT");
    await tx.flagEvent.create({
      data: { flagId: flag.id, type: "ACKNOWLEDGEMENT_UNDONE", severity: flag.severity, actorId: actor.userId },
    });
    await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "Flag", entityId: flag.id });
    await refreshFlagSummaries(tx, [flag.episodeId]);
  });
}
