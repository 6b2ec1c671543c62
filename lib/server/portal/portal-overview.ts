import type { RecordedBy } from "../../generated/prisma/enums";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import { addDays, isoDate } from "../../platform/dates";
import type { Db } from "../../platform/db/client";
import { CLINIC_CONTACT_SELECT } from "../clinics/clinic-profile";
import { readEpisodeState } from "../episodes/episode-state";
import { progressOverview } from "../patients/progress-overview";
import { patientWhere } from "../patients/scope";
import { getCurrentPlan } from "../programs/current-plan";

/**
 * Everything the portal's home page shows a patient, from their own record only: the open
 * episode's plan (its status, and each program with today's prescription, from the episode's
 * derived state), the first-step pain series and today's value as the patient logged it, and
 * whether yesterday's session waits for this morning's pain; for a course that has ended, its
 * result at discharge. Null when the account is not linked to a patient. Audited.
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
      currentEpisode: { select: { id: true, status: true, dischargedAt: true } },
    },
  });
  if (!patient) return null;
  await recordAuditEvent(db, actor, { action: "READ", entity: "Patient", entityId: patient.id });
  const episode = patient.currentEpisode;
  const none = {
    patient,
    episodeId: null,
    plan: null,
    programs: [],
    painLimit: 0,
    morningPain: [] as MorningPain[],
    todayPain: null,
    trainedYesterday: false,
    ended: null,
  };
  if (!episode) return none;
  // A course that has ended: its pain as it went, and its result as the clinic saw it at discharge.
  if (episode.status === "DISCHARGED" && episode.dischargedAt) {
    const [read, morningPain] = await Promise.all([
      readEpisodeState(db, episode.id, episode.dischargedAt),
      morningPainOf(db, episode.id),
    ]);
    const ended = { dischargedAt: episode.dischargedAt, progress: progressOverview(read?.state.judged ?? []) };
    return { ...none, morningPain, ended };
  }
  const [current, morningPain] = await Promise.all([
    getCurrentPlan(db, actor, episode.id, on),
    morningPainOf(db, episode.id),
  ]);
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
    ended: null,
  };
}

type MorningPain = { date: Date; value: number; recordedBy: RecordedBy; instrument: "NRS_FIRST_STEP" };

/** The episode's first-step pain, the diary's and the clinic's, in date order. */
async function morningPainOf(db: Db, episodeId: string): Promise<MorningPain[]> {
  const rows = await db.outcomeMeasurement.findMany({
    where: { episodeId, instrument: "NRS_FIRST_STEP", deletedAt: null },
    select: { date: true, value: true, recordedBy: true },
    orderBy: { date: "asc" },
  });
  return rows.map((row) => ({ ...row, value: Number(row.value), instrument: "NRS_FIRST_STEP" }));
}
