import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { refreshEpisodeSummaries } from "./refresh-episode-summary";

/**
 * The one way to change an episode's clinical data: runs `write` and refreshes the episode's
 * summary in the same transaction, so the caseload never shows a summary that disagrees
 * with the rows. (The rules engine will re-evaluate flags here too.)
 */
export function withEpisodeWrite<T>(
  db: Db,
  episodeId: string,
  write: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    const result = await write(tx);
    await refreshEpisodeSummaries(tx, [episodeId]);
    return result;
  });
}
