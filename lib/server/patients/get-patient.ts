import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import type { Db } from "../../platform/db/client";
import { requireId } from "../../platform/db/require-id";
import { AppError } from "../../platform/errors";
import { patientWhere } from "./scope";

/** One patient record the actor may see, or NOT_FOUND. The read is audited. */
export async function getPatient(db: Db, actor: Actor, patientId: string) {
  const patient = await db.patient.findFirst({
    where: { id: requireId(patientId), ...patientWhere(actor) },
    include: {
      episodes: { orderBy: { createdAt: "desc" }, include: { referral: true } },
      clinician: { select: { name: true } },
    },
  });
  if (!patient) throw new AppError("NOT_FOUND");
  await recordAuditEvent(db, actor, { action: "READ", entity: "Patient", entityId: patient.id });
  return patient;
}
