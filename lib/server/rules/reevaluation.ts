// Re-evaluating every open episode of a clinic: after its rule settings change and once after
// an upgrade brings a new RULE_VERSION. The request is recorded first (in the transaction of
// the change), then worked through in batches; each batch moves a cursor in its own
// transaction, so an interrupted run resumes where it stopped, and the daily sweep, which
// evaluates everything anyway, completes whatever is still pending.
import { RULE_VERSION } from "../../clinical/rules/evaluate";
import type { Prisma } from "../../generated/prisma/client";
import { today } from "../../platform/dates";
import type { Db } from "../../platform/db/client";
import { refreshEpisodeState } from "../episodes/episode-state";

const BATCH = 500;
/** The episodes the rules evaluate: open ones, of patients who have not asked to be erased. */
const OPEN = { status: { not: "DISCHARGED" as const }, patient: { processingStoppedAt: null } };

/** Records that the clinic's open episodes must be evaluated again, from the first. */
export async function requestReevaluation(tx: Prisma.TransactionClient, clinicId: string) {
  const total = await tx.episode.count({ where: { clinicId, ...OPEN } });
  await tx.clinic.update({
    where: { id: clinicId },
    data: {
      reevaluationRequestedAt: new Date(),
      reevaluationCursor: null,
      reevaluationDone: 0,
      reevaluationTotal: total,
      rulesVersion: RULE_VERSION,
    },
  });
}

/** Asks for a re-evaluation of every clinic whose flags an older RULE_VERSION made. */
export async function requestForOutdatedRules(db: Db): Promise<string[]> {
  const outdated = await db.clinic.findMany({ where: { rulesVersion: { lt: RULE_VERSION } }, select: { id: true } });
  for (const clinic of outdated) await db.$transaction((tx) => requestReevaluation(tx, clinic.id));
  return outdated.map((clinic) => clinic.id);
}

/** Clinics with a re-evaluation still to do. */
export async function pendingReevaluations(db: Db): Promise<string[]> {
  const clinics = await db.clinic.findMany({ where: { reevaluationRequestedAt: { not: null } }, select: { id: true } });
  return clinics.map((clinic) => clinic.id);
}

/**
 * Works through the clinic's pending re-evaluation. Stops when it is done, or when another
 * runner (another server, or a newer request) moved the cursor first: that one goes on.
 */
export async function runReevaluation(
  db: Db,
  clinicId: string,
  {
    asOf, // the clinic's today unless given
    batchSize = BATCH,
    stopBefore = () => false,
  }: { asOf?: Date; batchSize?: number; stopBefore?: () => boolean } = {},
): Promise<void> {
  // stopBefore: asked before each batch; a server shutting down stops cleanly between batches.
  while (!stopBefore()) {
    const clinic = await db.clinic.findUnique({
      where: { id: clinicId },
      select: { reevaluationRequestedAt: true, reevaluationCursor: true, timeZone: true },
    });
    if (!clinic?.reevaluationRequestedAt) return;
    const { reevaluationRequestedAt: requestedAt, reevaluationCursor: cursor } = clinic;
    const ids = (
      await db.episode.findMany({
        where: { clinicId, ...OPEN, ...(cursor ? { id: { gt: cursor } } : {}) },
        orderBy: { id: "asc" },
        take: batchSize,
        select: { id: true },
      })
    ).map((e) => e.id);
    const finished = ids.length < batchSize;
    const moved = await db.$transaction(
      async (tx) => {
        // New settings can move the report's facts too (judgeable days, recovered pain).
        await refreshEpisodeState(tx, ids, asOf ?? today(clinic.timeZone));
        const { count } = await tx.clinic.updateMany({
          where: { id: clinicId, reevaluationRequestedAt: requestedAt, reevaluationCursor: cursor },
          data: finished
            ? { reevaluationRequestedAt: null, reevaluationCursor: null, reevaluationDone: { increment: ids.length } }
            : { reevaluationCursor: ids.at(-1)!, reevaluationDone: { increment: ids.length } },
        });
        return count === 1;
      },
      { timeout: 300_000 },
    );
    if (!moved || finished) return;
  }
}

/** The daily sweep evaluated every episode (of one clinic, or all): requests made before it started are done. */
export async function completeReevaluationsBefore(db: Db, sweepStarted: Date, clinicId?: string) {
  await db.clinic.updateMany({
    where: { reevaluationRequestedAt: { lte: sweepStarted }, ...(clinicId ? { id: clinicId } : {}) },
    data: { reevaluationRequestedAt: null, reevaluationCursor: null, reevaluationDone: 0, reevaluationTotal: 0 },
  });
}

export type ReevaluationProgress = { pending: boolean; done: number; total: number };

export async function reevaluationProgress(db: Db, clinicId: string): Promise<ReevaluationProgress> {
  const clinic = await db.clinic.findUniqueOrThrow({
    where: { id: clinicId },
    select: { reevaluationRequestedAt: true, reevaluationDone: true, reevaluationTotal: true },
  });
  return {
    pending: clinic.reevaluationRequestedAt !== null,
    done: Math.min(clinic.reevaluationDone, clinic.reevaluationTotal),
    total: clinic.reevaluationTotal,
  };
}
