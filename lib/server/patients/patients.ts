import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";
import { earlierWrite, idempotencyKeyOf, writeOnce } from "../../platform/db/idempotency";
import { requireId } from "../../platform/db/require-id";
import { isUniqueViolation } from "../../platform/db/unique-violation";
import { AppError } from "../../platform/errors";
import { fieldErrorsOf } from "../../present/forms/form-input";
import { assertProcessing } from "../retention/processing-stopped";
import { patientData } from "./patient-data";
import { type PatientFieldErrors, zPatientInput } from "./patient-input";
import { patientWhere } from "./scope";

export type SavePatientResult =
  | { status: "saved"; patientId: string }
  | { status: "invalid"; fieldErrors: PatientFieldErrors }
  /** Another patient of the clinic has the same name and date of birth; ask before saving. */
  | { status: "duplicate"; existingPatientId: string };

type Options = { today: () => Date; confirmDuplicate: boolean };

/** Registers a patient. Nothing is written unless every field is valid. */
export function createPatient(db: Db, actor: Actor, raw: Record<string, unknown>, options: Options) {
  return savePatient(db, actor, null, raw, options);
}

/** Changes a patient's details. NOT_FOUND for a patient outside the actor's clinic. */
export function updatePatient(db: Db, actor: Actor, patientId: string, raw: Record<string, unknown>, options: Options) {
  return savePatient(db, actor, patientId, raw, options);
}

async function savePatient(
  db: Db,
  actor: Actor,
  patientId: string | null,
  raw: Record<string, unknown>,
  { today, confirmDuplicate }: Options,
): Promise<SavePatientResult> {
  assertCan(actor, "clinic-patients");
  if (patientId !== null) assertProcessing(await findPatientOrThrow(db, actor, patientId));
  // A clinician registering a patient is responsible for them unless they choose another.
  const parsed = zPatientInput(today).safeParse({
    clinicianId: actor.role === "CLINICIAN" ? actor.userId : undefined,
    ...raw,
  });
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const input = parsed.data;

  const clinician = await db.user.findFirst({
    where: { id: input.clinicianId, clinicId: actor.clinicId, role: "CLINICIAN", active: true },
  });
  if (!clinician) return { status: "invalid", fieldErrors: { clinicianId: "invalidChoice" } };

  // Save pressed again after a lost answer: the first submit's patient, not a second one
  // (nor a warning that the patient it registered already exists).
  const key = idempotencyKeyOf(raw);
  const earlier = await earlierWrite(db, actor, key, "Patient");
  if (earlier) return { status: "saved", patientId: earlier };

  if (!confirmDuplicate) {
    const duplicate = await db.patient.findFirst({
      where: {
        ...patientWhere(actor),
        archivedAt: null,
        name: { equals: input.name, mode: "insensitive" },
        dateOfBirth: input.dateOfBirth,
        ...(patientId ? { id: { not: patientId } } : {}),
      },
      select: { id: true },
    });
    if (duplicate) return { status: "duplicate", existingPatientId: duplicate.id };
  }

  const data = patientData(input);
  if (data.cprHash && (await cprTakenBy(db, actor.clinicId, data.cprHash, patientId)))
    return { status: "invalid", fieldErrors: { cpr: "cprTaken" } };

  return db
    .$transaction(async (tx) => {
      const saved = await writeOnce(tx, actor, key, "Patient", async () => {
        const row = patientId
          ? await tx.patient.update({ where: { id: patientId }, data })
          : await tx.patient.create({ data: { ...data, clinicId: actor.clinicId } });
        await recordAuditEvent(tx, actor, {
          action: patientId ? "UPDATE" : "CREATE",
          entity: "Patient",
          entityId: row.id,
        });
        return row.id;
      });
      return { status: "saved" as const, patientId: saved.id };
    })
    .catch((error: unknown) => {
      // Another registration of the same number won the race since the check above.
      if (isUniqueViolation(error) && data.cprHash)
        return { status: "invalid" as const, fieldErrors: { cpr: "cprTaken" as const } };
      throw error;
    });
}

/** Archives a patient: hidden from the caseload, every record kept. */
export async function archivePatient(db: Db, actor: Actor, patientId: string) {
  assertCan(actor, "clinic-patients");
  await findPatientOrThrow(db, actor, patientId);
  await db.$transaction(async (tx) => {
    await tx.patient.update({ where: { id: patientId }, data: { archivedAt: new Date() } });
    await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "Patient", entityId: patientId });
  });
}

/** Restores an archived patient to the caseload. Administrators only; audited. */
export async function restorePatient(db: Db, actor: Actor, patientId: string) {
  assertCan(actor, "clinic-admin");
  const patient = await db.patient.findFirst({
    where: { id: requireId(patientId), ...patientWhere(actor), archivedAt: { not: null } },
    select: { id: true },
  });
  if (!patient) throw new AppError("NOT_FOUND");
  await db.$transaction(async (tx) => {
    await tx.patient.update({ where: { id: patientId }, data: { archivedAt: null } });
    await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "Patient", entityId: patientId });
  });
}

async function findPatientOrThrow(db: Db, actor: Actor, patientId: string) {
  const patient = await db.patient.findFirst({
    where: { id: requireId(patientId), ...patientWhere(actor), archivedAt: null },
    select: { id: true, processingStoppedAt: true },
  });
  if (!patient) throw new AppError("NOT_FOUND");
  return patient;
}

/** Whether another patient of the clinic (archived ones included) holds this number. */
async function cprTakenBy(db: Db, clinicId: string, cprHash: string, patientId: string | null): Promise<boolean> {
  const other = await db.patient.findFirst({
    where: { clinicId, cprHash, ...(patientId ? { id: { not: patientId } } : {}) },
    select: { id: true },
  });
  return other !== null;
}
