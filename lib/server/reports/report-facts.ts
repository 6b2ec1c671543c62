// Keeps each episode's report facts (episode-facts.ts) in the database: in the transaction of
// every write to the episode (with-episode-write.ts), and in the background for facts made
// with other settings or an older REPORT_FACTS_VERSION, or missing (episodes from before the
// report existed). See decision record 017.
import { programWeeks } from "../../clinical/programs/prescription";
import { episodeFacts, reportFactsKey, type ReportInput } from "../../clinical/reports/episode-facts";
import type { RuleCase } from "../../clinical/rules/case";
import { clinicRuleSettings } from "../../clinical/rules/settings";
import type { Prisma } from "../../generated/prisma/client";
import type { Db } from "../../platform/db/client";
import { type EpisodeSnapshot, loadEpisodeSnapshots } from "../episodes/episode-snapshot";

/** What the report reads of an episode: its measurements, and its first HSR program with that program's sessions. */
function reportInput(snapshot: RuleCase): ReportInput {
  const hsr = snapshot.programs.find((p) => p.kind === "HSR");
  return {
    treatmentStart: snapshot.episode.treatmentStart,
    dischargedAt: snapshot.episode.dischargedAt,
    outcomes: snapshot.outcomes,
    hsr: hsr
      ? {
          start: hsr.start,
          sessionsPerWeek: hsr.sessionsPerWeek,
          weeks: programWeeks(hsr.content),
          endedAt: hsr.endedAt,
          sessions: snapshot.sessions
            .filter((s) => s.programId === hsr.id)
            .map((s) => ({ date: s.date, completed: s.completed })),
        }
      : null,
  };
}

/** The facts of these episodes, worked out from their snapshots with their clinic's current settings, as rows to store. */
export function workOutReportFacts(snapshots: ReadonlyMap<string, EpisodeSnapshot>) {
  return [...snapshots].map(([episodeId, { snapshot, clinicId, settings }]) => {
    const facts = episodeFacts(reportInput(snapshot), settings);
    return {
      episodeId,
      clinicId,
      computedWith: reportFactsKey(settings),
      week6: facts.week6.improvement,
      week6Judged: facts.week6.judged,
      week6Improved: facts.week6.improved,
      week12: facts.week12.improvement,
      week12Judged: facts.week12.judged,
      week12Improved: facts.week12.improved,
      recoveryWeek: facts.recovery?.week ?? null,
      recovered: facts.recovery?.recovered ?? false,
      programStart: facts.program?.start ?? null,
      // Left out, not null, when there is no program: the column is then SQL NULL, not JSON null.
      ...(facts.program && { weeklyPain: facts.program.weeklyPain }),
      sessionsPerWeek: facts.program?.course.sessionsPerWeek ?? null,
      weeklyCompleted: facts.program?.course.weeklyCompleted ?? [],
    };
  });
}

/**
 * Stores the facts of these episodes' snapshots. Called in the transaction that changed the
 * rows, after the change (lib/server/episodes/episode-state.ts), so the report never disagrees with the record.
 * One statement whatever the number of episodes (the background refresh passes hundreds): the
 * rows travel as one JSON array and replace what is stored.
 */
export async function storeReportFacts(
  db: Prisma.TransactionClient,
  snapshots: ReadonlyMap<string, EpisodeSnapshot>,
): Promise<void> {
  if (snapshots.size === 0) return;
  await db.$executeRaw`
    INSERT INTO "EpisodeReportFacts" ("episodeId", "clinicId", "computedWith", week6, "week6Judged", "week6Improved",
      week12, "week12Judged", "week12Improved", "recoveryWeek", recovered, "programStart", "weeklyPain",
      "sessionsPerWeek", "weeklyCompleted", "updatedAt")
    SELECT v."episodeId", v."clinicId", v."computedWith", v.week6::"Improvement", v."week6Judged"::"Instrument"[],
      v."week6Improved"::"Instrument"[], v.week12::"Improvement", v."week12Judged"::"Instrument"[],
      v."week12Improved"::"Instrument"[], v."recoveryWeek", v.recovered, v."programStart", v."weeklyPain",
      v."sessionsPerWeek", v."weeklyCompleted", now()
    FROM jsonb_to_recordset(${JSON.stringify(workOutReportFacts(snapshots))}::jsonb) AS v(
      "episodeId" uuid, "clinicId" uuid, "computedWith" text, week6 text, "week6Judged" text[], "week6Improved" text[],
      week12 text, "week12Judged" text[], "week12Improved" text[], "recoveryWeek" int, recovered boolean,
      "programStart" date, "weeklyPain" jsonb, "sessionsPerWeek" int, "weeklyCompleted" int[])
    ON CONFLICT ("episodeId") DO UPDATE SET
      "clinicId" = EXCLUDED."clinicId", "computedWith" = EXCLUDED."computedWith",
      week6 = EXCLUDED.week6, "week6Judged" = EXCLUDED."week6Judged", "week6Improved" = EXCLUDED."week6Improved",
      week12 = EXCLUDED.week12, "week12Judged" = EXCLUDED."week12Judged", "week12Improved" = EXCLUDED."week12Improved",
      "recoveryWeek" = EXCLUDED."recoveryWeek", recovered = EXCLUDED.recovered, "programStart" = EXCLUDED."programStart",
      "weeklyPain" = EXCLUDED."weeklyPain", "sessionsPerWeek" = EXCLUDED."sessionsPerWeek",
      "weeklyCompleted" = EXCLUDED."weeklyCompleted", "updatedAt" = EXCLUDED."updatedAt"`;
}

/** Works out and stores the facts of the given episodes from their rows. */
export async function refreshReportFacts(db: Prisma.TransactionClient, episodeIds: string[]): Promise<void> {
  await storeReportFacts(db, await loadEpisodeSnapshots(db, episodeIds));
}

/** Episodes per transaction in the background refresh. */
const BATCH = 500;

/** The ids of up to `limit` episodes of the clinic whose facts are missing or were made with other settings. */
async function outdatedEpisodes(db: Db, clinicId: string, key: string, limit: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT e.id::text FROM "Episode" e
    JOIN "Patient" p ON p.id = e."patientId"
    LEFT JOIN "EpisodeReportFacts" f ON f."episodeId" = e.id
    WHERE e."clinicId" = ${clinicId}::uuid AND p."processingStoppedAt" IS NULL
      AND (f."episodeId" IS NULL OR f."computedWith" <> ${key})
    ORDER BY e.id LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

/** How many of the clinic's episodes have facts not made with its current settings. */
export async function outdatedReportFacts(db: Db, clinicId: string): Promise<number> {
  const key = reportFactsKey(await clinicSettings(db, clinicId));
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM "Episode" e
    JOIN "Patient" p ON p.id = e."patientId"
    LEFT JOIN "EpisodeReportFacts" f ON f."episodeId" = e.id
    WHERE e."clinicId" = ${clinicId}::uuid AND p."processingStoppedAt" IS NULL
      AND (f."episodeId" IS NULL OR f."computedWith" <> ${key})`;
  return row?.count ?? 0;
}

async function clinicSettings(db: Db, clinicId: string) {
  const clinic = await db.clinic.findUniqueOrThrow({ where: { id: clinicId }, select: { ruleSettings: true } });
  return clinicRuleSettings(clinic.ruleSettings);
}

/**
 * Works out again, in batches, every episode of the clinic whose facts are out of date, until
 * none is. Each batch locks its episodes first, so a write in progress finishes before its
 * episode is worked out (and then with the settings read after the lock). Safe to run on
 * several servers at once: they work out the same facts. Patients who asked to be erased are
 * left out, as the report leaves them out (SPEC §9). Returns the number of episodes worked out.
 */
export async function refreshOutdatedReportFacts(
  db: Db,
  clinicId: string,
  { batchSize = BATCH, stopBefore = () => false } = {},
): Promise<number> {
  let done = 0;
  let previous = "";
  while (!stopBefore()) {
    const ids = await outdatedEpisodes(db, clinicId, reportFactsKey(await clinicSettings(db, clinicId)), batchSize);
    // The same batch twice would mean the refresh cannot store them: stop rather than spin.
    if (ids.length === 0 || ids.join() === previous) return done;
    previous = ids.join();
    await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT 1 FROM "Episode" WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
        await refreshReportFacts(tx, ids);
      },
      { timeout: 300_000 },
    );
    done += ids.length;
  }
  return done;
}
