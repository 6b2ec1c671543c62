// The weekly check-in (SPEC §10): once a week the portal asks the patient for their pain during
// activity (NRS_ACTIVITY), for a score of each of their own PSFS activities, which their
// clinician set in the patient's words, and for their global rating of change since the start
// (GLOBAL_CHANGE, clinical review N37). The answers are patient-recorded measurements like the
// diary's, so the charts, the rules (withEpisodeWrite evaluates them in the same transaction)
// and the clinic report read them as they read the clinic's.
import { z } from "zod";

import { numberLimit } from "../../clinical/field-limits";
import { INSTRUMENTS } from "../../clinical/instruments";
import type { Instrument } from "../../generated/prisma/enums";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import { addDays } from "../../platform/dates";
import type { Db } from "../../platform/db/client";
import { requireId } from "../../platform/db/require-id";
import { AppError } from "../../platform/errors";
import { type FieldErrors, fieldErrorsOf, zOptionalText, zRequiredNumber } from "../../present/forms/form-input";
import { withEpisodeWrite } from "../episodes/with-episode-write";
import { patientWhere } from "../patients/scope";
import { PSFS_ACTIVITY, PSFS_MAX_ITEMS } from "../records/kinds/outcome-input";
import { assertProcessing } from "../retention/processing-stopped";

/** A check-in is due when the last one is this many days old, or there is none. */
export const CHECK_IN_INTERVAL_DAYS = 7;

/** The check-in's fields: the activity pain and one score per PSFS activity (psfs.0, psfs.1, …). */
export const CHECK_IN_FIELDS = {
  activityPain: numberLimit(0, 10),
  psfs: numberLimit(0, 10),
  globalChange: numberLimit(INSTRUMENTS.GLOBAL_CHANGE.min, INSTRUMENTS.GLOBAL_CHANGE.max),
};

/** The clinician's form: each activity in the patient's own words (activity.0, activity.1, …). */
export const PSFS_ACTIVITY_FIELDS = { activity: PSFS_ACTIVITY };

export type WeeklyCheckIn = {
  /** The patient's PSFS activities, in order; the check-in asks a score for each. */
  activities: string[];
  /** The date of the last check-in, or null. */
  lastDate: Date | null;
  /** Whether the portal asks for one today. */
  due: boolean;
  /** When the next is due, once this week's is done. */
  nextDate: Date | null;
};

type Invalid = { status: "invalid"; fieldErrors: FieldErrors };

/** The date of the episode's latest check-in: its patient-recorded activity pain. */
async function lastCheckIn(db: Pick<Db, "outcomeMeasurement">, episodeId: string): Promise<Date | null> {
  const last = await db.outcomeMeasurement.findFirst({
    where: { episodeId, recordedBy: "PATIENT", instrument: "NRS_ACTIVITY", deletedAt: null },
    orderBy: { date: "desc" },
    select: { date: true },
  });
  return last?.date ?? null;
}

/**
 * Whether a check-in is due on `today`: a week after the last one, and the first a week after
 * treatment started (the clinic measured the baseline then; asking again on day 0 repeats it).
 */
function checkInDue(lastDate: Date | null, treatmentStart: Date, today: Date): { due: boolean; nextDate: Date } {
  const nextDate = addDays(lastDate ?? treatmentStart, CHECK_IN_INTERVAL_DAYS);
  return { due: today >= nextDate, nextDate };
}

/** The patient's own open episode with its PSFS activities, or null when there is none to check in to. */
async function ownCheckInEpisode(db: Db, actor: Actor) {
  assertCan(actor, "own-record");
  const patient = await db.patient.findFirst({
    where: { ...patientWhere(actor), archivedAt: null },
    select: { currentEpisode: { select: { id: true, status: true, psfsActivities: true, treatmentStart: true } } },
  });
  const episode = patient?.currentEpisode;
  if (!episode || episode.status === "DISCHARGED") return null;
  return episode;
}

/** The signed-in patient's check-in as of `today`; null without an open episode. */
export async function getWeeklyCheckIn(db: Db, actor: Actor, today: Date): Promise<WeeklyCheckIn | null> {
  const episode = await ownCheckInEpisode(db, actor);
  if (!episode) return null;
  const lastDate = await lastCheckIn(db, episode.id);
  return { activities: episode.psfsActivities, lastDate, ...checkInDue(lastDate, episode.treatmentStart, today) };
}

export type CheckInResult = { status: "saved"; nextDate: Date } | { status: "notYet"; nextDate: Date } | Invalid;

/**
 * Stores today's check-in: the activity pain, and the PSFS as the mean of the activities'
 * scores with each activity and score kept (as the FHIR export gives them). A second check-in
 * the same day replaces the first: one value per instrument per day from the patient.
 */
export async function saveWeeklyCheckIn(
  db: Db,
  actor: Actor,
  raw: Record<string, unknown>,
  today: Date,
): Promise<CheckInResult> {
  // withEpisodeWrite refuses a patient whose processing stopped.
  const episode = await ownCheckInEpisode(db, actor);
  if (!episode) throw new AppError("NOT_FOUND");
  // No check-in in the first week, as the page shows none: the clinic measured the baseline then.
  // Once there is one, a second the same day replaces it, and a later one is taken whenever sent.
  const first = checkInDue(null, episode.treatmentStart, today);
  if (!first.due && (await lastCheckIn(db, episode.id)) === null) return { status: "notYet", nextDate: first.nextDate };
  const activities = episode.psfsActivities;
  const parsed = z
    .object({
      activityPain: zRequiredNumber(CHECK_IN_FIELDS.activityPain),
      globalChange: zRequiredNumber(CHECK_IN_FIELDS.globalChange),
      psfs: z.object(Object.fromEntries(activities.map((_, i) => [String(i), zRequiredNumber(CHECK_IN_FIELDS.psfs)]))),
    })
    .safeParse({
      activityPain: raw.activityPain,
      globalChange: raw.globalChange,
      psfs: Object.fromEntries(activities.map((_, i) => [String(i), raw[`psfs.${i}`]])),
    });
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const scores = activities.map((_, i) => parsed.data.psfs[String(i)] as number);
  const values: { instrument: Instrument; value: number; psfsItems?: { activity: string; score: number }[] }[] = [
    { instrument: "NRS_ACTIVITY", value: parsed.data.activityPain },
    { instrument: "GLOBAL_CHANGE", value: parsed.data.globalChange },
  ];
  if (activities.length > 0) {
    const mean = Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 10) / 10;
    values.push({
      instrument: "PSFS",
      value: mean,
      psfsItems: activities.map((activity, i) => ({ activity, score: scores[i]! })),
    });
  }
  await withEpisodeWrite(db, episode.id, async (tx) => {
    for (const { instrument, value, psfsItems } of values) {
      const sameDay = await tx.outcomeMeasurement.findFirst({
        where: { episodeId: episode.id, date: today, instrument, recordedBy: "PATIENT", deletedAt: null },
        select: { id: true },
      });
      const data = { value, ...(psfsItems && { psfsItems }) };
      const row = sameDay
        ? await tx.outcomeMeasurement.update({ where: { id: sameDay.id }, data, select: { id: true } })
        : await tx.outcomeMeasurement.create({
            data: {
              clinicId: actor.clinicId,
              episodeId: episode.id,
              recordedById: actor.userId,
              recordedBy: "PATIENT",
              date: today,
              instrument,
              ...data,
            },
            select: { id: true },
          });
      await recordAuditEvent(tx, actor, {
        action: sameDay ? "UPDATE" : "CREATE",
        entity: "OutcomeMeasurement",
        entityId: row.id,
      });
    }
  });
  return { status: "saved", nextDate: addDays(today, CHECK_IN_INTERVAL_DAYS) };
}

const ZActivities = z.object(
  Object.fromEntries(
    Array.from({ length: PSFS_MAX_ITEMS }, (_, i) => [String(i), zOptionalText(PSFS_ACTIVITY_FIELDS.activity)]),
  ),
);

export type PsfsActivitiesResult = { status: "saved"; activities: string[] } | Invalid;

/**
 * Sets an episode's PSFS activities, in the patient's own words, as the clinician writes them
 * down with the patient (activity.0 … activity.4; empty fields are left out). The next check-in
 * asks about these.
 */
export async function savePsfsActivities(
  db: Db,
  actor: Actor,
  episodeId: string,
  raw: Record<string, unknown>,
): Promise<PsfsActivitiesResult> {
  assertCan(actor, "clinic-patients");
  const episode = await db.episode.findFirst({
    where: { id: requireId(episodeId), clinicId: actor.clinicId, patient: patientWhere(actor) },
    select: { id: true, patient: { select: { processingStoppedAt: true } } },
  });
  if (!episode) throw new AppError("NOT_FOUND");
  assertProcessing(episode.patient);
  const parsed = ZActivities.safeParse(
    Object.fromEntries(Array.from({ length: PSFS_MAX_ITEMS }, (_, i) => [String(i), raw[`activity.${i}`]])),
  );
  if (!parsed.success) {
    // The fields are named as the form names them.
    const errors = fieldErrorsOf(parsed.error);
    return {
      status: "invalid",
      fieldErrors: Object.fromEntries(Object.entries(errors).map(([key, code]) => [`activity.${key}`, code])),
    };
  }
  const activities = Object.values(parsed.data).filter((activity): activity is string => Boolean(activity));
  await db.$transaction(async (tx) => {
    await tx.episode.update({ where: { id: episode.id }, data: { psfsActivities: activities } });
    await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "Episode", entityId: episode.id });
  });
  return { status: "saved", activities };
}
