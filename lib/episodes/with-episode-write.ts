import { today } from "../dates";
import type { Db } from "../db/client";
import { syncEpisodeFlags } from "../flags/sync-flags";
import type { Prisma } from "../generated/prisma/client";
import { refreshEpisodeSummaries } from "./refresh-episode-summary";

/**
 * The one way to change an episode's clinical data: runs `write`, re-evaluates the episode's
 * flags with the rules and refreshes its summary, all in the same transaction, so the flags
 * and the caseload never disagree with the rows.
 */
export function withEpisodeWrite<T>(
  db: Db,
  episodeId: string,
  write: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    const result = await write(tx);
    await syncEpisodeFlags(tx, [episodeId], today());
    await refreshEpisodeSummaries(tx, [episodeId]);
    return result;
  });
}
