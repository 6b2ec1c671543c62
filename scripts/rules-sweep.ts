// npm run rules:sweep: re-evaluates every active or paused episode of every clinic for the
// time-based rules, by hand. The running app does this by itself each morning (the scheduler,
// lib/platform/jobs); a second run on the same day changes nothing.
// npm run rules:sweep -- --read-only: reads the same data without evaluating or writing, to
// compare the sweep's time with the time of its reads.
import { DEFAULT_TIME_ZONE, today } from "../lib/platform/dates";
import { createPrismaClient } from "../lib/platform/db/client";
import { databaseTargetFromEnv, openDatabase } from "../lib/platform/db/database";
import { env } from "../lib/platform/env";
import { loadEpisodeSnapshots } from "../lib/server/episodes/episode-snapshot";
import { SWEEP_BATCH, sweepEpisodes, sweptEpisodeIds } from "../lib/server/rules/sweep";
import { runCli } from "./cli";

runCli(async () => {
  const readOnly = process.argv.includes("--read-only");
  const db = await openDatabase(databaseTargetFromEnv(env()));
  const prisma = createPrismaClient(db);
  try {
    const started = performance.now();
    const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
    if (readOnly) {
      const ids = await sweptEpisodeIds(prisma);
      for (let i = 0; i < ids.length; i += SWEEP_BATCH) {
        const batch = ids.slice(i, i + SWEEP_BATCH);
        // The episodes' snapshots, their stored flags included, as the sweep reads them.
        await loadEpisodeSnapshots(prisma, batch);
      }
      console.log(`Read the data of ${ids.length} episodes in ${seconds()} s (no evaluation).`);
      return;
    }
    const totals = await sweepEpisodes(prisma, { asOf: today(DEFAULT_TIME_ZONE) });
    console.log(
      `Swept ${totals.episodes} episodes in ${seconds()} s: ${totals.opened} flags opened, ${totals.changed} changed, ${totals.reopened} re-opened, ${totals.resolved} resolved.`,
    );
  } finally {
    await prisma.$disconnect();
    await db.close();
  }
});
