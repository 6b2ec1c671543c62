import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import type { Db } from "../db/client";
import { patientWhere } from "./scope";

/** The patient record linked to a portal user's account, or null if none is. Audited. */
export async function getOwnPatient(db: Db, actor: Actor) {
  assertCan(actor, "own-record");
  const patient = await db.patient.findFirst({
    where: patientWhere(actor),
    select: { id: true, name: true, clinician: { select: { name: true } } },
  });
  if (patient) {
    await recordAuditEvent(db, actor, { action: "READ", entity: "Patient", entityId: patient.id });
  }
  return patient;
}
