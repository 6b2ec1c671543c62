// npm run rules:sweep: re-evaluates every active or paused episode for the time-based rules
// (safe to run daily from cron; a second run on the same day changes nothing).
// npm run rules:sweep -- --read-only: reads the same data without evaluating or writing, to
// compare the sweep's time with the time of its reads.
import { today } from "../lib/dates";
import { createPrismaClient } from "../lib/db/client";
import { databaseTargetFromEnv, openDatabase } from "../lib/db/database";
import { refreshEpisodeSummaries } from "../lib/episodes/refresh-episode-summary";
import { readEnv } from "../lib/env";
import { syncEpisodeFlags, type SyncCounts } from "../lib/flags/sync-flags";
import { RULE_CODES } from "../lib/rules/case";
import { loadRuleCases } from "../lib/rules/load-rule-cases";
import { completeReevaluationsBefore } from "../lib/rules/reevaluation";
import { runCli } from "./cli";

const BATCH = 1000;

runCli(async () => {
  const readOnly = process.argv.includes("--read-only");
  const db = await openDatabase(databaseTargetFromEnv(readEnv()));
  const prisma = createPrismaClient(db);
  try {
    const started = performance.now();
    const startedAt = new Date();
    const episodes = await prisma.episode.findMany({ where: { status: { not: "DISCHARGED" } }, select: { id: true }, orderBy: { id: "asc" } });
    const totals: SyncCounts = { opened: 0, changed: 0, reopened: 0, resolved: 0 };
    const day = today();
    for (let i = 0; i < episodes.length; i += BATCH) {
      const ids = episodes.slice(i, i + BATCH).map((e) => e.id);
      if (readOnly) {
        await Promise.all([
          loadRuleCases(prisma, ids),
          prisma.episode.findMany({ where: { id: { in: ids } }, select: { id: true, clinic: { select: { ruleSettings: true } } } }),
          prisma.flag.findMany({ where: { episodeId: { in: ids }, status: { not: "RESOLVED" }, code: { in: [...RULE_CODES] } } }),
        ]);
        continue;
      }
      const counts = await prisma.$transaction(
        async (tx) => {
          const result = await syncEpisodeFlags(tx, ids, day);
          // Always: besides the flags, the program phase moves on with the weeks.
          await refreshEpisodeSummaries(tx, ids);
          return result;
        },
        { timeout: 600_000, maxWait: 10_000 },
      );
      for (const key of Object.keys(totals) as (keyof SyncCounts)[]) totals[key] += counts[key];
    }
    // Every open episode was evaluated: re-evaluations asked for before the sweep are done.
    if (!readOnly) await completeReevaluationsBefore(prisma, startedAt);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      readOnly
        ? `Read the data of ${episodes.length} episodes in ${seconds} s (no evaluation).`
        : `Swept ${episodes.length} episodes in ${seconds} s: ${totals.opened} flags opened, ${totals.changed} changed, ${totals.reopened} re-opened, ${totals.resolved} resolved.`,
    );
  } finally {
    await prisma.$disconnect();
    await db.close();
  }
});
