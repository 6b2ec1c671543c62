import { today } from "../dates";
import type { Db } from "../db/client";
import { syncEpisodeFlags } from "../flags/sync-flags";
import type { Prisma } from "../generated/prisma/client";
import { assertProcessing } from "../retention/processing-stopped";
import { refreshEpisodeSummaries } from "./refresh-episode-summary";

/**
 * The one way to change an episode's clinical data: locks the episode's row, runs `write`,
 * re-evaluates the episode's flags with the rules and refreshes its summary, all in the same
 * transaction, so the flags and the caseload never disagree with the rows. The lock makes
 * concurrent writes to one episode take turns, so two of them never both open the same flag.
 * A patient who asked to be erased takes no more writes (PROCESSING_STOPPED): the patient's
 * row is share-locked, so a request (which locks it for update) waits for this write or
 * comes first and is seen.
 */
export function withEpisodeWrite<T>(
  db: Db,
  episodeId: string,
  write: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    const [patient] = await tx.$queryRaw<{ processingStoppedAt: Date | null }[]>`
      SELECT p."processingStoppedAt" FROM "Episode" e JOIN "Patient" p ON p.id = e."patientId" WHERE e.id = ${episodeId}::uuid FOR UPDATE OF e FOR SHARE OF p`;
    if (patient) assertProcessing(patient);
    const result = await write(tx);
    await syncEpisodeFlags(tx, [episodeId], today());
    await refreshEpisodeSummaries(tx, [episodeId]);
    return result;
  });
}
