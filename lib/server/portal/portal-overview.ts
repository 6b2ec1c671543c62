import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import { addDays, isoDate } from "../../platform/dates";
import type { Db } from "../../platform/db/client";
import { CLINIC_CONTACT_SELECT } from "../clinics/clinic-profile";
import { patientWhere } from "../patients/scope";
import { getCurrentPlan } from "../programs/current-plan";

/**
 * Everything the portal's home page shows a patient, from their own record only: the open
 * episode's plan (its status, and each program with today's prescription, from the episode's
 * derived state), the first-step pain series and today's value as the patient logged it, and
 * whether yesterday's session waits for this morning's pain. Null when the account is not
 * linked to a patient. Audited.
 */
export async function getPortalOverview(db: Db, actor: Actor, on: Date) {
  assertCan(actor, "own-record");
  const patient = await db.patient.findFirst({
    where: { ...patientWhere(actor), archivedAt: null },
    select: {
      id: true,
      name: true,
      comorbidities: true,
      clinician: { select: { name: true } },
      clinic: { select: CLINIC_CONTACT_SELECT },
      currentEpisode: { select: { id: true, status: true } },
    },
  });
  if (!patient) return null;
  await recordAuditEvent(db, actor, { action: "READ", entity: "Patient", entityId: patient.id });
  const episode = patient.currentEpisode?.status === "DISCHARGED" ? null : patient.currentEpisode;
  if (!episode)
    return {
      patient,
      episodeId: null,
      plan: null,
      programs: [],
      painLimit: 0,
      morningPain: [],
      todayPain: null,
      trainedYesterday: false,
    };
  const [current, pain] = await Promise.all([
    getCurrentPlan(db, actor, episode.id, on),
    db.outcomeMeasurement.findMany({
      where: { episodeId: episode.id, instrument: "NRS_FIRST_STEP", deletedAt: null },
      select: { date: true, value: true, recordedBy: true },
      orderBy: { date: "asc" },
    }),
  ]);
  const morningPain = pain.map((row) => ({
    date: row.date,
    value: Number(row.value),
    recordedBy: row.recordedBy,
    instrument: "NRS_FIRST_STEP" as const,
  }));
  const todayPain =
    morningPain.find((row) => row.recordedBy === "PATIENT" && isoDate(row.date) === isoDate(on))?.value ?? null;
  const yesterday = isoDate(addDays(on, -1));
  const trainedYesterday = current.programs.some((program) =>
    program.sessions.some((s) => s.date === yesterday && s.completed),
  );
  return {
    patient,
    episodeId: episode.id,
    plan: current.plan,
    programs: current.programs,
    painLimit: current.painLimit,
    morningPain,
    todayPain,
    trainedYesterday,
  };
}
