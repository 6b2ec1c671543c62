// Derives and stores each episode's clinical state (lib/clinical/episode-state.ts) from one
// snapshot of its data (episode-snapshot.ts): the flags, the caseload's summary, the plan's
// status (and the notice to a patient whose plan has just gone on hold) and the report facts,
// in the caller's transaction. The write funnel (with-episode-write.ts), the nightly sweep and a
// re-evaluation after a settings change all come through here; a page that shows a patient's
// state derives it from the same snapshot with readEpisodeState. Decision record 023.
import { deriveEpisodeState, type EpisodeState } from "../../clinical/episode-state";
import type { Prisma } from "../../generated/prisma/client";
import { isoDate } from "../../platform/dates";
import { NO_CHANGES, type SyncCounts, syncEpisodeFlags } from "../flags/sync-flags";
import { noticePlansOnHold } from "../notices/patient-notices";
import { storeReportFacts } from "../reports/report-facts";
import { type EpisodeSnapshot, loadEpisodeSnapshots } from "./episode-snapshot";
import { derivedSummary, storeSummaries } from "./refresh-episode-summary";

export type RefreshOptions = {
  /** Store the clinic report's facts too (not the nightly sweep's job: they do not move with the date). */
  reportFacts?: boolean;
  /** Tell patients whose plan has just gone on hold (not the demo seed's job). */
  notify?: boolean;
  /** The caller holds the episodes' row locks already (the write funnel). */
  locked?: boolean;
};

/**
 * Brings the stored state of these episodes up to date as of `asOf`. Locks their rows (in id
 * order, so two batches cannot deadlock): a sweep and a patient's write may reach one episode
 * at once, and the second then waits for the first's flags. Answers what changed in the flags.
 */
export async function refreshEpisodeState(
  tx: Prisma.TransactionClient,
  episodeIds: string[],
  asOf: Date,
  { reportFacts = true, notify = true, locked = false }: RefreshOptions = {},
): Promise<SyncCounts> {
  if (episodeIds.length === 0) return NO_CHANGES;
  if (!locked)
    await tx.$executeRaw`SELECT 1 FROM "Episode" WHERE id = ANY(${episodeIds}::uuid[]) ORDER BY id FOR UPDATE`;
  // After the lock: the snapshot (its stored flags included) is what the last write left.
  const loaded = await loadEpisodeSnapshots(tx, episodeIds);
  const day = isoDate(asOf);
  const states = new Map(
    [...loaded].map(([id, episode]) => [id, deriveEpisodeState(episode.snapshot, day, episode.settings)]),
  );
  const counts = await syncEpisodeFlags(tx, loaded, states);
  await storeSummaries(tx, states);
  if (notify) await noticePlansOnHold(tx, newlyOnHold(loaded, states));
  if (reportFacts) await storeReportFacts(tx, loaded);
  return counts;
}

/** The patients whose plan is on hold now and was not before. */
function newlyOnHold(loaded: ReadonlyMap<string, EpisodeSnapshot>, states: ReadonlyMap<string, EpisodeState>) {
  return [...loaded].flatMap(([id, episode]) =>
    episode.stored.planStatus !== "ON_HOLD" && derivedSummary(states.get(id)!).planStatus === "ON_HOLD"
      ? [{ clinicId: episode.clinicId, patientId: episode.patientId }]
      : [],
  );
}

export type ReadState = { snapshot: EpisodeSnapshot; state: EpisodeState };

/**
 * One episode's state on `on`, for a page that shows it: the same snapshot and derivation the
 * write funnel stores. Not scoped: the caller has checked the actor may read the episode.
 */
export async function readEpisodeState(
  db: Prisma.TransactionClient,
  episodeId: string,
  on: Date,
): Promise<ReadState | null> {
  const snapshot = (await loadEpisodeSnapshots(db, [episodeId])).get(episodeId);
  return snapshot ? { snapshot, state: deriveEpisodeState(snapshot.snapshot, isoDate(on), snapshot.settings) } : null;
}
