// Saving the day's outcome measurements from one form (kinds/measurements-input.ts): every
// measurement, its audit event and the episode's derived state in one transaction, so the flags
// see the whole baseline at once. A PSFS measured on an episode whose weekly check-in has no
// activities yet gives the check-in its activities: the patient's words are typed once.
import type { Prisma } from "../../generated/prisma/client";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";
import { idempotencyKeyOf, writeOnce } from "../../platform/db/idempotency";
import { withEpisodeWrite } from "../episodes/with-episode-write";
import { findEpisode, savedResult, type SaveRecordResult } from "./clinical-records";
import { type MeasuredOutcome, parseMeasurements, type RawMeasurements } from "./kinds/measurements-input";

export async function saveMeasurements(
  db: Db,
  actor: Actor,
  episodeId: string,
  raw: RawMeasurements & { idempotencyKey?: unknown },
  today: () => Date,
): Promise<SaveRecordResult> {
  assertCan(actor, "clinic-patients");
  const episode = await findEpisode(db, actor, episodeId);
  const parsed = parseMeasurements(raw, episode, today);
  if (parsed.status === "invalid") return parsed;
  // Save pressed again after a lost answer: the first submit's rows, not a second set.
  const key = idempotencyKeyOf(raw);
  const saved = await withEpisodeWrite(db, episode.id, (tx) =>
    writeOnce(
      tx,
      actor,
      key,
      "OutcomeMeasurement",
      async () => (await createMeasurements(tx, actor, episode.id, parsed.outcomes))[0]!,
    ),
  );
  return savedResult(db, episode, saved.id);
}

/**
 * Stores one day's parsed measurements of an episode with their audit events, inside the
 * caller's episode write; answers their ids. A discharge's final measurements come through here too.
 */
export async function createMeasurements(
  tx: Prisma.TransactionClient,
  actor: Actor,
  episodeId: string,
  outcomes: MeasuredOutcome[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const outcome of outcomes) {
    const row = await tx.outcomeMeasurement.create({
      data: { ...outcome, recordedBy: "CLINICIAN", clinicId: actor.clinicId, episodeId, recordedById: actor.userId },
    });
    await recordAuditEvent(tx, actor, { action: "CREATE", entity: "OutcomeMeasurement", entityId: row.id });
    ids.push(row.id);
  }
  const psfs = outcomes.find((outcome) => outcome.instrument === "PSFS");
  if (psfs && Array.isArray(psfs.psfsItems))
    await tx.episode.updateMany({
      where: { id: episodeId, psfsActivities: { isEmpty: true } },
      data: { psfsActivities: psfs.psfsItems.map((item) => item.activity) },
    });
  return ids;
}
