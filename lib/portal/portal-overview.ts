import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import type { Db } from "../db/client";
import { isoDate } from "../dates";
import { patientWhere } from "../patients/scope";
import { listActivePrograms } from "../programs/active-programs";

/**
 * Everything the portal's home page shows a patient, from their own record only: the open
 * episode's programs with today's prescription, the first-step pain series and today's
 * value as the patient logged it. Null when the account is not linked to a patient. Audited.
 */
export async function getPortalOverview(db: Db, actor: Actor, on: Date) {
  assertCan(actor, "own-record");
  const patient = await db.patient.findFirst({
    where: { ...patientWhere(actor), archivedAt: null },
    select: { id: true, name: true, comorbidities: true, clinician: { select: { name: true } }, currentEpisode: { select: { id: true, status: true } } },
  });
  if (!patient) return null;
  await recordAuditEvent(db, actor, { action: "READ", entity: "Patient", entityId: patient.id });
  const episode = patient.currentEpisode?.status === "DISCHARGED" ? null : patient.currentEpisode;
  if (!episode) return { patient, episodeId: null, programs: [], morningPain: [], todayPain: null };
  const [programs, pain] = await Promise.all([
    listActivePrograms(db, actor, episode.id, on),
    db.outcomeMeasurement.findMany({
      where: { episodeId: episode.id, instrument: "NRS_FIRST_STEP", deletedAt: null },
      select: { date: true, value: true, recordedBy: true },
      orderBy: { date: "asc" },
    }),
  ]);
  const morningPain = pain.map((row) => ({ date: row.date, value: Number(row.value), recordedBy: row.recordedBy, instrument: "NRS_FIRST_STEP" as const }));
  const todayPain = morningPain.find((row) => row.recordedBy === "PATIENT" && isoDate(row.date) === isoDate(on))?.value ?? null;
  return { patient, episodeId: episode.id, programs, morningPain, todayPain };
}
