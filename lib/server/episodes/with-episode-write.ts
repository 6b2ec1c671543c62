import type { Prisma } from "../../generated/prisma/client";
import { today } from "../../platform/dates";
import type { Db } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { assertProcessing } from "../retention/processing-stopped";
import { refreshEpisodeState } from "./episode-state";

/**
 * The one way to change an episode's clinical data: locks the episode's row, runs `write`,
 * then derives the episode's clinical state once and stores it (flags, summary, plan status,
 * report facts: episode-state.ts), all in the same transaction, so the flags, the caseload, the
 * reminders and the clinic report never disagree with the rows. The lock makes
 * concurrent writes to one episode take turns, so two of them never both open the same flag.
 * A patient who asked to be erased takes no more writes (PROCESSING_STOPPED). An erasure
 * request locks the patient's episodes too, so it waits for a write in progress (which then
 * counts in the last entry), or a write waits for it and sees the stop. The patient's row is
 * not locked here: opening an episode updates it, and the race for "one open episode" must
 * end in a unique violation, not a deadlock.
 */
export function withEpisodeWrite<T>(
  db: Db,
  episode: EpisodeToWrite,
  write: (tx: Prisma.TransactionClient, episodeId: string) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    const episodeId = typeof episode === "string" ? await lockById(tx, episode) : await episode(tx);
    // A statement of its own after the lock: it sees an erasure request that committed while this write waited.
    // With it, the clinic's time zone: the state is derived as of the clinic's today.
    const [patient] = await tx.$queryRaw<{ processingStoppedAt: Date | null; timeZone: string }[]>`
      SELECT p."processingStoppedAt", c."timeZone" FROM "Episode" e JOIN "Patient" p ON p.id = e."patientId"
        JOIN "Clinic" c ON c.id = e."clinicId" WHERE e.id = ${episodeId}::uuid`;
    if (!patient) throw new AppError("NOT_FOUND");
    assertProcessing(patient);
    const result = await write(tx, episodeId);
    await refreshEpisodeState(tx, [episodeId], today(patient.timeZone), { locked: true });
    return result;
  });
}

/**
 * The episode a write changes: its id, or a statement that finds the episode and locks its row
 * (FOR UPDATE) in one go, answering its id (the portal finds the patient's own open episode so).
 */
export type EpisodeToWrite = string | ((tx: Prisma.TransactionClient) => Promise<string>);

async function lockById(tx: Prisma.TransactionClient, episodeId: string) {
  await tx.$executeRaw`SELECT 1 FROM "Episode" WHERE id = ${episodeId}::uuid FOR UPDATE`;
  return episodeId;
}
