// Ending a course (SPEC §11): the final measurements of the episode's instruments and the
// reason, in one form; the result against the MCID shown before the clinician confirms; then the
// measurements and the discharge in one episode write. The result is the episode's derived state
// (lib/clinical/episode-state.ts) with the final measurements added, in the words of the patient
// page's progress tiles, so the discharge never says "improved" where the page would not.
import { z } from "zod";

import { deriveEpisodeState } from "../../clinical/episode-state";
import { type Improvement, improvementOf } from "../../clinical/rules/instrument-judgement";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import { isoDate } from "../../platform/dates";
import type { Db } from "../../platform/db/client";
import { idempotencyKeyOf, writeOnce } from "../../platform/db/idempotency";
import { requireId } from "../../platform/db/require-id";
import { AppError } from "../../platform/errors";
import { type FieldErrors, fieldErrorsOf, zChoice } from "../../present/forms/form-input";
import { type InstrumentProgress, instrumentProgress } from "../patients/progress-overview";
import { patientWhere } from "../patients/scope";
import { type MeasuredOutcome, parseMeasurements, type RawMeasurements } from "../records/kinds/measurements-input";
import { createMeasurements } from "../records/save-measurements";
import { DISCHARGE_REASONS } from "./episode-input";
import { type EpisodeSnapshot, loadEpisodeSnapshots } from "./episode-snapshot";
import { withEpisodeWrite } from "./with-episode-write";

export type RawDischarge = RawMeasurements & { reason?: unknown; idempotencyKey?: unknown };

/** What the clinician confirms: each instrument from its baseline to the discharge day, and the episode's improvement. */
export type DischargeResult = {
  date: string;
  /** Instruments measured on the discharge day itself (the final measurements given). */
  measuredOnDay: number;
  instruments: InstrumentProgress[];
  improvement: Improvement;
};

type Invalid = { status: "invalid"; fieldErrors: FieldErrors };

const ZReason = z.object({ reason: zChoice(DISCHARGE_REASONS) });

/** The episode of one of the actor's patients, not archived. */
async function findEpisode(db: Db, actor: Actor, episodeId: string) {
  const episode = await db.episode.findFirst({
    where: {
      id: requireId(episodeId),
      clinicId: actor.clinicId,
      patient: { ...patientWhere(actor), archivedAt: null },
    },
    select: { id: true, status: true, treatmentStart: true },
  });
  if (!episode) throw new AppError("NOT_FOUND");
  return episode;
}

/**
 * The reason and the final measurements (none is allowed: a patient who stopped coming cannot
 * be measured, and the result then stands on the last measurements). Every error at once.
 */
function parseDischarge(raw: RawDischarge, episode: { treatmentStart: Date }, today: () => Date) {
  const reason = ZReason.safeParse({ reason: raw.reason });
  const measured = parseMeasurements(raw, episode, today, { noneMeasured: "allowed" });
  if (!reason.success || measured.status === "invalid")
    return {
      status: "invalid" as const,
      fieldErrors: {
        ...(reason.success ? {} : fieldErrorsOf(reason.error)),
        ...(measured.status === "invalid" ? measured.fieldErrors : {}),
      },
    };
  return { status: "valid" as const, reason: reason.data.reason, date: measured.date, outcomes: measured.outcomes };
}

/** The result the discharge would have, worked out by the episode's own derivation; nothing is written. */
export async function previewDischarge(
  db: Db,
  actor: Actor,
  episodeId: string,
  raw: RawDischarge,
  today: () => Date,
): Promise<Invalid | { status: "preview"; result: DischargeResult }> {
  assertCan(actor, "clinic-patients");
  const episode = await findEpisode(db, actor, episodeId);
  if (episode.status === "DISCHARGED") throw new AppError("CONFLICT");
  const parsed = parseDischarge(raw, episode, today);
  if (parsed.status === "invalid") return parsed;
  const loaded = (await loadEpisodeSnapshots(db, [episode.id])).get(episode.id);
  if (!loaded) throw new AppError("NOT_FOUND");
  return { status: "preview", result: resultOf(loaded, parsed.date, parsed.outcomes) };
}

function resultOf(loaded: EpisodeSnapshot, date: Date, outcomes: MeasuredOutcome[]): DischargeResult {
  const day = isoDate(date);
  const finals = outcomes.map((outcome) => ({
    date: day,
    instrument: outcome.instrument,
    value: outcome.value,
    recordedBy: "CLINICIAN" as const,
  }));
  const snapshot = { ...loaded.snapshot, outcomes: [...loaded.snapshot.outcomes, ...finals] };
  const { judged } = deriveEpisodeState(snapshot, day, loaded.settings);
  return {
    date: day,
    measuredOnDay: new Set(finals.map((final) => final.instrument)).size,
    instruments: judged.map(instrumentProgress),
    improvement: improvementOf(judged),
  };
}

/**
 * Saves the final measurements and discharges the episode with its reason and the day, in one
 * episode write (flags, summary and report facts follow). Pressed twice, it discharges once.
 */
export async function dischargeEpisode(
  db: Db,
  actor: Actor,
  episodeId: string,
  raw: RawDischarge,
  today: () => Date,
): Promise<Invalid | { status: "discharged"; episodeId: string }> {
  assertCan(actor, "clinic-patients");
  const episode = await findEpisode(db, actor, episodeId);
  const parsed = parseDischarge(raw, episode, today);
  if (parsed.status === "invalid") return parsed;
  // A confirmation sent again after a lost answer finds its key and answers the first one's
  // discharge; any other discharge of a discharged episode is a CONFLICT, under the lock.
  await withEpisodeWrite(db, episode.id, (tx) =>
    writeOnce(tx, actor, idempotencyKeyOf(raw), "Episode", async () => {
      const { count } = await tx.episode.updateMany({
        where: { id: episode.id, status: { not: "DISCHARGED" } },
        data: { status: "DISCHARGED", dischargedAt: parsed.date, dischargeReason: parsed.reason, pauseReason: null },
      });
      if (count === 0) throw new AppError("CONFLICT");
      await createMeasurements(tx, actor, episode.id, parsed.outcomes);
      await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "Episode", entityId: episode.id });
      return episode.id;
    }),
  );
  return { status: "discharged", episodeId: episode.id };
}
