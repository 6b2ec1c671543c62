import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import { formatCpr } from "../../platform/cpr/cpr";
import { currentDataKey } from "../../platform/cpr/current-data-key";
import type { Db } from "../../platform/db/client";
import { requireId } from "../../platform/db/require-id";
import { AppError } from "../../platform/errors";
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
