// The daily sweep: derives every open episode's state again, so the time-based rules (no
// progress after 6–8 weeks, overdue follow-up) fire without anyone writing, and the program
// phase and the plan's status on the caseload move on with the days. The scheduler runs it per clinic early each morning;
// `npm run rules:sweep` runs it by hand. A second run on the same day changes nothing.
import type { Db } from "../../platform/db/client";
import { refreshEpisodeState } from "../episodes/episode-state";
import type { SyncCounts } from "../flags/sync-flags";
import { completeReevaluationsBefore } from "./reevaluation";

/** Episodes per transaction: large enough to batch the writes, small enough for a short lock. */
export const SWEEP_BATCH = 1000;

export type SweepResult = SyncCounts & { episodes: number };

/** The ids of the open episodes a sweep evaluates, of one clinic or of all. */
export async function sweptEpisodeIds(db: Db, clinicId?: string): Promise<string[]> {
  // A patient who asked to be erased is no longer evaluated (SPEC §9).
  const episodes = await db.episode.findMany({
    where: { status: { not: "DISCHARGED" }, patient: { processingStoppedAt: null }, ...(clinicId ? { clinicId } : {}) },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return episodes.map((e) => e.id);
}

/**
 * Sweeps the open episodes of one clinic (or of every clinic) as of `asOf`, in batches, each
 * in its own transaction. `beforeBatch` is awaited before each batch: the scheduler moves its
 * heartbeat there, and stops the run by throwing.
 */
export async function sweepEpisodes(
  db: Db,
  {
    clinicId,
    asOf,
    beforeBatch = async () => {},
  }: { clinicId?: string; asOf: Date; beforeBatch?: () => Promise<void> },
): Promise<SweepResult> {
  const startedAt = new Date();
  const ids = await sweptEpisodeIds(db, clinicId);
  const totals: SweepResult = { episodes: ids.length, opened: 0, changed: 0, reopened: 0, resolved: 0 };
  for (let i = 0; i < ids.length; i += SWEEP_BATCH) {
    await beforeBatch();
    const batch = ids.slice(i, i + SWEEP_BATCH);
    const counts = await db.$transaction(
      // The flags, the program phase and the plan's status move on with the date; the report's facts do not.
      (tx) => refreshEpisodeState(tx, batch, asOf, { reportFacts: false }),
      { timeout: 600_000 },
    );
    for (const key of ["opened", "changed", "reopened", "resolved"] as const) totals[key] += counts[key];
  }
  // Every open episode was evaluated: re-evaluations asked for before the sweep are done.
  await completeReevaluationsBefore(db, startedAt, clinicId);
  return totals;
}
