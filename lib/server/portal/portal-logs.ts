// What a patient writes from the portal (SPEC §6, §7): the morning first-step pain and the
// sessions of their program. Both go through withEpisodeWrite, so the clinic's caseload and
// flags (a painful session raises LOAD_RESPONSE) change in the same transaction.
import { z } from "zod";

import { numberLimit } from "../../clinical/field-limits";
import { EXERCISES, ZProgramContent } from "../../clinical/programs/default-templates";
import { doseKind, mainExercise } from "../../clinical/programs/exercise-dose";
import { scheduledPhase } from "../../clinical/programs/prescription";
import { programWeek } from "../../clinical/programs/program-week";
import { EFFORTS } from "../../clinical/rules/case";
import type { Prisma } from "../../generated/prisma/client";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import { addDays, isoDate } from "../../platform/dates";
import type { Db } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import {
  type FieldErrors,
  fieldErrorsOf,
  zChoice,
  zDate,
  zOptionalNumber,
  zRequiredNumber,
} from "../../present/forms/form-input";
import { withEpisodeWrite } from "../episodes/with-episode-write";
import { LOGGED_SESSION_SELECT, type LoggedSession, loggedSession } from "../programs/logged-session";

type Invalid = { status: "invalid"; fieldErrors: FieldErrors };
/** "updated": the day's morning pain was already logged and now has the new value. */
export type MorningPainResult = { status: "saved" | "updated" | "kept"; id: string; value: number } | Invalid;
/** The stored session: the one just made, or the one an earlier send of the same clientId made. */
export type SessionResult = { status: "saved"; session: LoggedSession } | Invalid;

/** What each portal log field accepts; the schemas and the error texts read it. */
export const PORTAL_LOG_FIELDS = {
  value: numberLimit(0, 10),
  sets: numberLimit(1, 20),
  reps: numberLimit(0, 100),
  loadKg: numberLimit(0, 200, 1),
  painDuring: numberLimit(0, 10),
};

/**
 * The patient's own open episode, found and locked for a write in one statement (the scope of
 * lib/server/patients/scope.ts patientWhere, written in SQL for the lock), or NOT_FOUND.
 */
const ownOpenEpisodeLocked = (actor: Actor) => async (tx: Prisma.TransactionClient) => {
  const [episode] = await tx.$queryRaw<{ id: string }[]>`
    SELECT e.id::text FROM "Patient" p JOIN "Episode" e ON e.id = p."currentEpisodeId"
    WHERE p."clinicId" = ${actor.clinicId}::uuid AND p."portalUserId" = ${actor.userId}::uuid
      AND p."archivedAt" IS NULL AND e.status <> 'DISCHARGED'
    FOR UPDATE OF e`;
  if (!episode) throw new AppError("NOT_FOUND");
  return episode.id;
};

/**
 * How many days late the portal takes an entry: one made offline keeps the date it was made on
 * the phone and is sent when the connection returns (SPEC §10).
 */
export const LATE_ENTRY_DAYS = 3;

/** The date an entry was made on the phone: today or up to LATE_ENTRY_DAYS before. */
const zEntryDate = (today: Date) =>
  zDate({ latest: () => today, earliest: addDays(today, -LATE_ENTRY_DAYS), earliestCode: "tooEarly" });

/**
 * When the entry was made on the phone, as an ISO time; now when the phone does not say. A
 * phone whose clock runs ahead cannot make its entry outlast the day's later ones: a time
 * after now counts as now.
 */
const zMadeAt = (now: Date) =>
  z.iso
    .datetime({ offset: true, error: "invalidDate" })
    .optional()
    .transform((value) => (value === undefined ? now : new Date(Math.min(Date.parse(value), now.getTime()))));

/**
 * A day's first-step pain, 0–10, from the patient's diary: one value per day (a partial unique
 * index), the value of the entry made last on the phone. Each entry carries the phone's id and
 * the moment it was made, so the write is one INSERT … ON CONFLICT DO UPDATE that changes the
 * day's value only for a later entry: five taps at once leave one row, an entry sent again
 * after a lost answer changes nothing, and an offline entry that arrives after a newer one
 * does not undo it. The caller learns what the day's value now is:
 *   saved   the day's first value          updated  a later entry replaced the day's value
 *   kept    this entry was already stored, or a later one was, and the day's value stands
 */
export async function logMorningPain(
  db: Db,
  actor: Actor,
  raw: Record<string, unknown>,
  today: Date,
  now = new Date(),
): Promise<MorningPainResult> {
  assertCan(actor, "own-record");
  const parsed = z
    .object({
      clientId: z.uuid("required"),
      date: zEntryDate(today),
      madeAt: zMadeAt(now),
      value: zRequiredNumber(PORTAL_LOG_FIELDS.value),
    })
    .safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const { clientId, date, madeAt, value } = parsed.data;
  return withEpisodeWrite(db, ownOpenEpisodeLocked(actor), async (tx, episodeId) => {
    // xmax is 0 for a row this statement inserted, and set for one it updated; no row when the
    // day's stored entry is this one or was made later.
    const [row] = await tx.$queryRaw<{ id: string; inserted: boolean }[]>`
      INSERT INTO "OutcomeMeasurement" (id, "clinicId", "episodeId", "recordedById", "recordedBy", date, instrument, value, "clientId", "madeAt", "updatedAt")
      VALUES (gen_random_uuid(), ${actor.clinicId}::uuid, ${episodeId}::uuid, ${actor.userId}::uuid, 'PATIENT', ${isoDate(date)}::date, 'NRS_FIRST_STEP', ${value}, ${clientId}::uuid, ${madeAt}, now())
      ON CONFLICT ("episodeId", date) WHERE "recordedBy" = 'PATIENT' AND instrument = 'NRS_FIRST_STEP' AND "deletedAt" IS NULL
      DO UPDATE SET value = EXCLUDED.value, "clientId" = EXCLUDED."clientId", "madeAt" = EXCLUDED."madeAt", "updatedAt" = now()
      WHERE "OutcomeMeasurement"."clientId" IS DISTINCT FROM EXCLUDED."clientId"
        AND ("OutcomeMeasurement"."madeAt" IS NULL OR "OutcomeMeasurement"."madeAt" <= EXCLUDED."madeAt")
      RETURNING id::text, (xmax = 0) AS inserted`;
    if (!row) {
      const stored = await tx.outcomeMeasurement.findFirstOrThrow({
        where: { episodeId, date, recordedBy: "PATIENT", instrument: "NRS_FIRST_STEP", deletedAt: null },
        select: { id: true, value: true },
      });
      return { status: "kept", id: stored.id, value: Number(stored.value) } as const;
    }
    await recordAuditEvent(tx, actor, {
      action: row.inserted ? "CREATE" : "UPDATE",
      entity: "OutcomeMeasurement",
      entityId: row.id,
    });
    return { status: row.inserted ? "saved" : "updated", id: row.id, value } as const;
  });
}

const zSession = (today: Date) =>
  z
    .object({
      clientId: z.uuid("required"),
      assignmentId: z.uuid({ error: (issue) => (issue.input === undefined ? "required" : "invalidChoice") }),
      date: zEntryDate(today),
      completed: zChoice(["yes", "no"]).transform((value) => value === "yes"),
      sets: zOptionalNumber(PORTAL_LOG_FIELDS.sets),
      reps: zOptionalNumber(PORTAL_LOG_FIELDS.reps),
      loadKg: zOptionalNumber(PORTAL_LOG_FIELDS.loadKg),
      painDuring: zOptionalNumber(PORTAL_LOG_FIELDS.painDuring),
      effort: zChoice(EFFORTS).optional(),
      // The exercises done, one checkbox each ("exercise.TOWEL_CURLS": "yes"): the form's fields are one value per name.
      ...Object.fromEntries(
        EXERCISES.map((code) => [`exercise.${code}`, z.literal("yes", "invalidChoice").optional()]),
      ),
    })
    // The pain rule needs the pain of every session that was done.
    .refine((v) => !v.completed || v.painDuring !== undefined, { path: ["painDuring"], message: "required" });

/** The exercises a session names as done. */
const namedExercises = (input: Record<string, unknown>) =>
  EXERCISES.filter((code) => input[`exercise.${code}`] === "yes");

/**
 * What a done session of a sets-and-reps exercise must say (SPEC §10): the sets and reps actually
 * done and how heavy the last reps felt, since the load rule reads them. No load is body weight.
 */
function setsAndRepsMissing(input: z.output<ReturnType<typeof zSession>>): FieldErrors {
  if (!input.completed) return {};
  const missing: FieldErrors = {};
  if (input.sets === undefined) missing.sets = "required";
  if (input.reps === undefined) missing.reps = "required";
  if (input.effort === undefined) missing.effort = "required";
  return missing;
}

/**
 * What a session did, from the patient's ticks and the program (SPEC §10): the exercises done
 * and, for a session that did the heel raise, its dose.
 */
function sessionDone(
  input: z.output<ReturnType<typeof zSession>>,
  assignment: { startDate: Date; content: Prisma.JsonValue },
): { status: "done"; exercises: string[]; dose: SessionDose } | Invalid {
  // The exercises done: those the patient ticked, each one of the program's. A session done that
  // names none did the main exercise of the phase the program schedules then (the heel raise):
  // a day of one exercise has nothing to tick.
  const content = ZProgramContent.parse(assignment.content);
  const named = namedExercises(input);
  if (named.some((code) => !content.phases.some((phase) => phase.exercises.some((e) => e.exercise === code)))) {
    return { status: "invalid", fieldErrors: { exercises: "invalidChoice" } };
  }
  const phase = content.phases[scheduledPhase(content, programWeek(assignment.startDate, input.date) ?? 1) - 1]!;
  const exercises = !input.completed ? [] : named.length > 0 ? named : [mainExercise(phase).exercise];
  // Sets, reps, load and effort are the heel raise's: kept only for a session that did it.
  const heelRaise = exercises.some((code) => doseKind(code) === "SETS_REPS");
  if (heelRaise) {
    const missing = setsAndRepsMissing(input);
    if (Object.keys(missing).length > 0) return { status: "invalid", fieldErrors: missing };
  }
  const dose = heelRaise
    ? { sets: input.sets ?? null, reps: input.reps ?? null, loadKg: input.loadKg ?? null, effort: input.effort ?? null }
    : { sets: null, reps: null, loadKg: null, effort: null };
  return { status: "done", exercises, dose };
}

type SessionDose = {
  sets: number | null;
  reps: number | null;
  loadKg: number | null;
  effort: (typeof EFFORTS)[number] | null;
};

/**
 * Logs a session of one of the patient's active programs. Idempotent on `clientId`, which the
 * form generates: a double tap or a retry after a lost answer stores one row and answers the
 * same id. An assignment that is not the patient's (or not active) is a field error.
 */
export async function logSession(
  db: Db,
  actor: Actor,
  raw: Record<string, unknown>,
  today: Date,
): Promise<SessionResult> {
  assertCan(actor, "own-record");
  const parsed = zSession(today).safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const input = parsed.data;
  // The episode is found and locked first, as every portal write does. A refused session leaves
  // the transaction by throwing, so nothing is written or derived: it changes nothing at all.
  return withEpisodeWrite(db, ownOpenEpisodeLocked(actor), async (tx, episodeId): Promise<SessionResult> => {
    const assignment = await tx.programAssignment.findFirst({
      where: { id: input.assignmentId, episodeId, status: "ACTIVE" },
      select: { id: true, kind: true, startDate: true, content: true },
    });
    if (!assignment) throw new RefusedSession({ assignmentId: "invalidChoice" });
    if (input.date < assignment.startDate) throw new RefusedSession({ date: "beforeProgram" });
    const done = sessionDone(input, assignment);
    if (done.status === "invalid") throw new RefusedSession(done.fieldErrors);
    // ON CONFLICT DO NOTHING: a repeated clientId leaves the transaction usable.
    const inserted = await tx.sessionLog.createMany({
      data: [
        {
          clientId: input.clientId,
          clinicId: actor.clinicId,
          episodeId,
          assignmentId: assignment.id,
          kind: assignment.kind,
          date: input.date,
          exercises: done.exercises,
          ...done.dose,
          painDuring: input.painDuring ?? null,
          completed: input.completed,
        },
      ],
      skipDuplicates: true,
    });
    const row = await tx.sessionLog.findUniqueOrThrow({
      where: { clientId: input.clientId },
      select: { ...LOGGED_SESSION_SELECT, episodeId: true },
    });
    // A clientId already used for another episode is not this patient's retry.
    if (row.episodeId !== episodeId) throw new AppError("NOT_FOUND");
    if (inserted.count === 1)
      await recordAuditEvent(tx, actor, { action: "CREATE", entity: "SessionLog", entityId: row.id });
    return { status: "saved", session: loggedSession(row) };
  }).catch((error: unknown) => {
    if (error instanceof RefusedSession) return { status: "invalid", fieldErrors: error.fieldErrors } as const;
    throw error;
  });
}

/** A session refused inside its write's transaction, which it rolls back; logSession answers the field errors. */
class RefusedSession extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super("session refused");
  }
}
