// A patient's whole record, for the exports of SPEC §9 (the FHIR bundle and the readable
// print): the person with the CPR number in full, every episode with its live records,
// programs, sessions and flags, the messages with the clinic, and the names of who recorded what. Clinicians export their
// clinic's patients; a patient exports their own record from the portal. Each export is
// audited as an EXPORT of the patient's record.
import type { Prisma } from "../../generated/prisma/client";
import { recordAuditEvent, recordCommandEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import { currentDataKey } from "../../platform/cpr/current-data-key";
import type { Db } from "../../platform/db/client";
import { requireId } from "../../platform/db/require-id";
import { AppError } from "../../platform/errors";
import { SIGNED_LETTER_SELECT } from "../letters/discharge-letters";
import { patientWhere } from "../patients/scope";

const LIVE = { where: { deletedAt: null }, orderBy: { date: "asc" } } as const;

/** What an export is audited as: the bundle or the print. */
const ENTITY = { fhir: "PatientRecordFhir", print: "PatientRecordPrint" } as const;
export type RecordFormat = keyof typeof ENTITY;

/** The record of the one patient `where` finds in the clinic, read through `reader`; `audit` records the export. */
async function loadRecord(
  reader: Db,
  clinicId: string,
  where: Prisma.PatientWhereInput,
  audit: (patientId: string) => Promise<unknown>,
) {
  const patient = await reader.patient.findFirst({
    where: { ...where, clinicId },
    include: {
      clinic: { select: { id: true, name: true, locationNumber: true } },
      clinician: { select: { name: true } },
      messages: {
        orderBy: [{ sentAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          fromPatient: true,
          body: true,
          sentAt: true,
          readAt: true,
          sender: { select: { name: true } },
        },
      },
      episodes: {
        orderBy: { treatmentStart: "asc" },
        include: {
          referral: true,
          assessments: LIVE,
          outcomes: LIVE,
          interventions: LIVE,
          assignments: {
            orderBy: { startDate: "asc" },
            include: { template: { select: { nameDa: true, nameEn: true, version: true } } },
          },
          sessionLogs: {
            orderBy: { date: "asc" },
            select: {
              id: true,
              date: true,
              kind: true,
              completed: true,
              sets: true,
              reps: true,
              loadKg: true,
              painDuring: true,
            },
          },
          flags: {
            orderBy: { openedAt: "asc" },
            select: { id: true, code: true, severity: true, status: true, openedAt: true, resolvedAt: true },
          },
          // The signed versions of the discharge letter (a draft is not yet part of the record).
          letters: {
            where: { signedAt: { not: null } },
            orderBy: { version: "asc" },
            select: SIGNED_LETTER_SELECT,
          },
        },
      },
    },
  });
  if (!patient) throw new AppError("NOT_FOUND");
  const recorders = await reader.user.findMany({
    where: {
      clinicId,
      id: {
        in: [
          ...new Set(
            patient.episodes.flatMap((e) =>
              [...e.assessments, ...e.outcomes, ...e.interventions].map((r) => r.recordedById),
            ),
          ),
        ],
      },
    },
    select: { id: true, name: true },
  });
  await audit(patient.id);
  // The record carries the number in clear for the export; the stored forms stay behind.
  const { cprEncrypted, clinic, ...person } = patient;
  return {
    ...person,
    cprHash: undefined,
    clinicName: clinic.name,
    clinic,
    /** The CPR number's ten digits, or null for a patient without one. */
    cpr: cprEncrypted ? currentDataKey().decrypt(cprEncrypted) : null,
    recorderNames: new Map(recorders.map((user) => [user.id, user.name])),
  };
}

export type PatientRecord = Awaited<ReturnType<typeof loadRecord>>;

const audited = (db: Db, actor: Actor, format: RecordFormat) => (patientId: string) =>
  recordAuditEvent(db, actor, { action: "EXPORT", entity: ENTITY[format], entityId: patientId });

/**
 * A patient of the clinic's record, for a clinician, read through `reader` (the replica's client
 * when the entry point chose it). NOT_FOUND outside the clinic. Audited through `db`.
 */
export async function exportPatientRecord(
  db: Db,
  actor: Actor,
  patientId: string,
  format: RecordFormat,
  reader: Db = db,
): Promise<PatientRecord> {
  assertCan(actor, "clinic-patients");
  return loadRecord(
    reader,
    actor.clinicId,
    { id: requireId(patientId), ...patientWhere(actor) },
    audited(db, actor, format),
  );
}

/** The signed-in patient's own record, for the portal. Audited. */
export async function exportOwnRecord(db: Db, actor: Actor, format: RecordFormat): Promise<PatientRecord> {
  assertCan(actor, "own-record");
  return loadRecord(db, actor.clinicId, patientWhere(actor), audited(db, actor, format));
}

/**
 * A patient's record for the command line (npm run fhir:export), which has no signed-in user:
 * whoever runs it has the server. Audited as an export by no user.
 */
export async function exportRecordForCommand(db: Db, clinicId: string, patientId: string): Promise<PatientRecord> {
  return loadRecord(db, clinicId, { id: patientId }, (id) =>
    recordCommandEvent(db, clinicId, { action: "EXPORT", entity: ENTITY.fhir, entityId: id }),
  );
}
