import { today } from "../dates";
import type { Db } from "../db/client";
import { syncEpisodeFlags } from "../flags/sync-flags";
import type { Prisma } from "../generated/prisma/client";
import { refreshEpisodeSummaries } from "./refresh-episode-summary";

/**
 * The one way to change an episode's clinical data: locks the episode's row, runs `write`,
 * re-evaluates the episode's flags with the rules and refreshes its summary, all in the same
 * transaction, so the flags and the caseload never disagree with the rows. The lock makes
 * concurrent writes to one episode take turns, so two of them never both open the same flag.
 */
export function withEpisodeWrite<T>(
  db: Db,
  episodeId: string,
  write: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Episode" WHERE id = ${episodeId}::uuid FOR UPDATE`;
    const result = await write(tx);
    await syncEpisodeFlags(tx, [episodeId], today());
    await refreshEpisodeSummaries(tx, [episodeId]);
    return result;
  });
}
