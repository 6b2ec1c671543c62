import { isoDate } from "../dates";
import type { Prisma } from "../generated/prisma/client";
import { clinicRuleSettings } from "../rules/settings";
import { ZProgramContent } from "./default-templates";
import { prescriptionFor } from "./progression";
import { OVERRIDE_ORDER, progressionInput } from "./progression-input";

type SessionRow = { assignmentId: string; date: Date; completed: boolean; sets: number | null; reps: number | null; painDuring: number | null; loadKg: number | null };
type PainRow = { episodeId: string; date: Date; value: number };

/**
 * Stores, for each episode, the progression engine's phase on `on` of the program its summary
 * shows (programKind and programStart, set by refreshEpisodeSummaries), so the caseload shows
 * the phase the patient page and the portal show. A few queries for any number of episodes
 * and one UPDATE for all that changed.
 */
export async function refreshProgramPhases(db: Prisma.TransactionClient, episodeIds: string[], on: Date): Promise<void> {
  if (episodeIds.length === 0) return;
  const { episodes, shown, sessionsOf, painOf } = await readProgramPhaseInputs(db, episodeIds);
  const ids: string[] = [];
  const phases: (number | null)[] = [];
  const completed: boolean[] = [];
  for (const episode of episodes) {
    const assignment = shown.get(episode.id);
    // Content not in the current shape (e.g. hand-made rows) has no phase rather than failing the write.
    const prescription = assignment && ZProgramContent.safeParse(assignment.content).success
      ? prescriptionFor(
          progressionInput(
            assignment,
            sessionsOf.get(assignment.id) ?? [],
            painOf.get(episode.id) ?? [],
            assignment.overrides,
            clinicRuleSettings(episode.clinic.ruleSettings).morningRise,
          ),
          isoDate(on),
        )
      : null;
    const phase = prescription?.phase ?? null;
    const done = prescription?.completed ?? false;
    if (phase !== episode.programPhase || done !== episode.programCompleted) {
      ids.push(episode.id);
      phases.push(phase);
      completed.push(done);
    }
  }
  if (ids.length === 0) return;
  await db.$executeRaw`
    UPDATE "Episode" AS e SET "programPhase" = v.phase, "programCompleted" = v.completed
    FROM unnest(${ids}::uuid[], ${phases}::int[], ${completed}::boolean[]) AS v(id, phase, completed)
    WHERE e.id = v.id`;
}

/** What the phases of these episodes are computed from (also timed by `npm run rules:sweep -- --read-only`). */
export async function readProgramPhaseInputs(db: Prisma.TransactionClient, episodeIds: string[]) {
  const episodes = await db.episode.findMany({
    where: { id: { in: episodeIds } },
    select: { id: true, programKind: true, programStart: true, programPhase: true, programCompleted: true, clinic: { select: { ruleSettings: true } } },
  });
  const assignments = await db.programAssignment.findMany({
    where: { episodeId: { in: episodeIds }, status: "ACTIVE" },
    include: { overrides: { orderBy: OVERRIDE_ORDER } },
  });
  const byId = new Map(episodes.map((e) => [e.id, e]));
  const shown = new Map(
    assignments
      .filter((a) => {
        const episode = byId.get(a.episodeId);
        return episode?.programKind === a.kind && episode.programStart?.getTime() === a.startDate.getTime();
      })
      .map((a) => [a.episodeId, a]),
  );
  // Plain SQL with the decimals as numbers: the daily sweep reads every open episode's logs
  // here (about 900,000 rows in the benchmark clinic), and Prisma's findMany spent twice as
  // long building its objects, a Decimal per value, as these queries take in all.
  const [sessions, pain] = await Promise.all([
    db.$queryRaw<SessionRow[]>`
      SELECT "assignmentId", date, completed, sets, reps, "painDuring", "loadKg"::float8 AS "loadKg"
      FROM "SessionLog" WHERE "assignmentId" = ANY(${[...shown.values()].map((a) => a.id)}::uuid[])`,
    db.$queryRaw<PainRow[]>`
      SELECT "episodeId", date, value::float8 AS value
      FROM "OutcomeMeasurement"
      WHERE "episodeId" = ANY(${[...shown.keys()]}::uuid[]) AND instrument = 'NRS_FIRST_STEP' AND "deletedAt" IS NULL`,
  ]);
  return { episodes, shown, sessionsOf: groupBy(sessions, (s) => s.assignmentId), painOf: groupBy(pain, (p) => p.episodeId) };
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
