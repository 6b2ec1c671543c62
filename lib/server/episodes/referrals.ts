// The referral an episode started from (SPEC §11): added, corrected or removed on an existing
// episode. Opening an episode with its referral is openEpisode's (episodes.ts). Every change is
// audited; the discharge letter and the FHIR export read the row as it stands.
import type { Prisma } from "../../generated/prisma/client";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";
import { requireId } from "../../platform/db/require-id";
import { isUniqueViolation } from "../../platform/db/unique-violation";
import { AppError } from "../../platform/errors";
import { fieldErrorsOf } from "../../present/forms/form-input";
import { patientWhere } from "../patients/scope";
import { assertProcessing } from "../retention/processing-stopped";
import { type ReferralFieldErrors, type TReferralInput, zReferralInput } from "./referral-input";

export type SaveReferralResult = { status: "saved" } | { status: "invalid"; fieldErrors: ReferralFieldErrors };

/** The patient's episode the actor may write to, with its referral's id; NOT_FOUND otherwise. */
async function writableEpisode(db: Db, actor: Actor, patientId: string, episodeId: string) {
  assertCan(actor, "clinic-patients");
  const episode = await db.episode.findFirst({
    where: {
      id: requireId(episodeId),
      patientId: requireId(patientId),
      clinicId: actor.clinicId,
      patient: { ...patientWhere(actor), archivedAt: null },
    },
    select: {
      id: true,
      treatmentStart: true,
      referral: { select: { id: true } },
      patient: { select: { processingStoppedAt: true } },
    },
  });
  if (!episode) throw new AppError("NOT_FOUND");
  assertProcessing(episode.patient);
  return episode;
}

/** Writes a checked referral on a new episode, in the transaction that opens it. Audited. */
export async function createReferral(
  tx: Prisma.TransactionClient,
  actor: Actor,
  episodeId: string,
  input: TReferralInput,
) {
  const created = await tx.referral.create({ data: { ...input, clinicId: actor.clinicId, episodeId } });
  await recordAuditEvent(tx, actor, { action: "CREATE", entity: "Referral", entityId: created.id });
}

/** Adds the episode's referral, or corrects the one it has. */
export async function saveReferral(
  db: Db,
  actor: Actor,
  patientId: string,
  episodeId: string,
  raw: Record<string, unknown>,
  today: () => Date,
): Promise<SaveReferralResult> {
  const episode = await writableEpisode(db, actor, patientId, episodeId);
  const parsed = zReferralInput(today, episode.treatmentStart).safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  // Two clinicians adding a referral at once: the second is told the episode changed meanwhile.
  await db
    .$transaction(async (tx) => {
      if (!episode.referral) return createReferral(tx, actor, episode.id, parsed.data);
      await tx.referral.update({ where: { id: episode.referral.id }, data: parsed.data });
      await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "Referral", entityId: episode.referral.id });
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? new AppError("CONFLICT") : error;
    });
  return { status: "saved" };
}

/** Removes the episode's referral (entered on the wrong episode, say). CONFLICT when it has none. */
export async function removeReferral(db: Db, actor: Actor, patientId: string, episodeId: string): Promise<void> {
  const episode = await writableEpisode(db, actor, patientId, episodeId);
  if (!episode.referral) throw new AppError("CONFLICT");
  const referralId = episode.referral.id;
  await db.$transaction(async (tx) => {
    await tx.referral.delete({ where: { id: referralId } });
    await recordAuditEvent(tx, actor, { action: "DELETE", entity: "Referral", entityId: referralId });
  });
}
