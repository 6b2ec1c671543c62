import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import type { Db } from "../db/client";
import { requireId } from "../db/require-id";
import { AppError } from "../errors";
import { formatCpr } from "../identity/cpr";
import { currentDataKey } from "../identity/current-data-key";
import { patientWhere } from "./scope";

/**
 * A patient's CPR number in full (DDMMYY-SSSS), decrypted on request and audited as its own
 * read: lists and exports show it masked. NOT_FOUND for a patient out of reach or without one.
 */
export async function revealCpr(db: Db, actor: Actor, patientId: string): Promise<string> {
  assertCan(actor, "clinic-patients");
  const patient = await db.patient.findFirst({
    where: { id: requireId(patientId), ...patientWhere(actor) },
    select: { id: true, cprEncrypted: true },
  });
  if (!patient?.cprEncrypted) throw new AppError("NOT_FOUND");
  const cpr = formatCpr(currentDataKey().decrypt(patient.cprEncrypted));
  await recordAuditEvent(db, actor, { action: "READ", entity: "PatientCpr", entityId: patient.id });
  return cpr;
}
