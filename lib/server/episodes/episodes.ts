import type { EpisodeStatus } from "../../generated/prisma/enums";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";
import { requireId } from "../../platform/db/require-id";
import { isUniqueViolation } from "../../platform/db/unique-violation";
import { AppError } from "../../platform/errors";
import { fieldErrorsOf } from "../../present/forms/form-input";
import { patientWhere } from "../patients/scope";
import { refreshReportFacts } from "../reports/report-facts";
import { assertProcessing } from "../retention/processing-stopped";
import { type EpisodeFieldErrors, type TEpisodeTransition, zEpisodeInput, ZEpisodeTransition } from "./episode-input";
import { type ReferralFieldErrors, REFERRED_FIELD, zReferralInput } from "./referral-input";
import { createReferral } from "./referrals";
import { withEpisodeWrite } from "./with-episode-write";

export type OpenEpisodeResult =
  | { status: "opened"; episodeId: string }
  | { status: "invalid"; fieldErrors: EpisodeFieldErrors & ReferralFieldErrors }
  /** The patient already has an episode that is not discharged. */
  | { status: "alreadyOpen" };

/**
 * Opens a new episode of care, with the doctor's referral it starts from when the form gives one,
 * and makes it the one the caseload shows. The database holds one
 * episode per patient that is not discharged (Episode_one_open_per_patient): of two clinicians
 * opening one at once, the second is told the patient already has one.
 */
export async function openEpisode(
  db: Db,
  actor: Actor,
  patientId: string,
  raw: Record<string, unknown>,
  today: () => Date,
): Promise<OpenEpisodeResult> {
  assertCan(actor, "clinic-patients");
  const patient = await db.patient.findFirst({
    where: { id: requireId(patientId), ...patientWhere(actor), archivedAt: null },
  });
  if (!patient) throw new AppError("NOT_FOUND");
  assertProcessing(patient);
  const parsed = zEpisodeInput(today).safeParse(raw);
  // The referral's fields count only when the form says the patient was referred; their errors
  // are shown beside the episode's own, all at once.
  const referral =
    raw[REFERRED_FIELD] === "on"
      ? zReferralInput(today, parsed.success ? parsed.data.treatmentStart : null).safeParse(raw)
      : null;
  if (!parsed.success || (referral && !referral.success))
    return {
      status: "invalid",
      fieldErrors: {
        ...(referral?.error ? fieldErrorsOf(referral.error) : {}),
        ...(parsed.error ? fieldErrorsOf(parsed.error) : {}),
      },
    };
  const open = await db.episode.count({ where: { patientId, status: { not: "DISCHARGED" } } });
  if (open > 0) return { status: "alreadyOpen" };

  try {
    const episode = await db.$transaction(async (tx) => {
      const created = await tx.episode.create({ data: { ...parsed.data, clinicId: actor.clinicId, patientId } });
      await tx.patient.update({ where: { id: patientId }, data: { currentEpisodeId: created.id } });
      if (referral?.data) await createReferral(tx, actor, created.id, referral.data);
      await refreshReportFacts(tx, [created.id]);
      await recordAuditEvent(tx, actor, { action: "CREATE", entity: "Episode", entityId: created.id });
      return created;
    });
    return { status: "opened", episodeId: episode.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { status: "alreadyOpen" };
    throw error;
  }
}

const ALLOWED: Record<TEpisodeTransition["action"], { from: EpisodeStatus[]; to: EpisodeStatus }> = {
  pause: { from: ["ACTIVE"], to: "PAUSED" },
  resume: { from: ["PAUSED"], to: "ACTIVE" },
  reopen: { from: ["DISCHARGED"], to: "ACTIVE" },
};

/**
 * Pauses (with a reason), resumes or reopens an episode; discharging is discharge-episode.ts's,
 * with the final measurements. A transition the
 * episode's status does not allow, or reopening an episode that is no longer the patient's
 * latest, is a CONFLICT.
 */
export async function changeEpisodeStatus(db: Db, actor: Actor, episodeId: string, raw: Record<string, unknown>) {
  assertCan(actor, "clinic-patients");
  const parsed = ZEpisodeTransition.safeParse(raw);
  if (!parsed.success) return { status: "invalid" as const, fieldErrors: fieldErrorsOf(parsed.error) };
  const transition = parsed.data;
  const episode = await db.episode.findFirst({
    where: {
      id: requireId(episodeId),
      clinicId: actor.clinicId,
      patient: { ...patientWhere(actor), archivedAt: null },
    },
    include: { patient: { select: { currentEpisodeId: true } } },
  });
  if (!episode) throw new AppError("NOT_FOUND");
  const rule = ALLOWED[transition.action];
  if (!rule.from.includes(episode.status)) throw new AppError("CONFLICT");
  if (transition.action === "reopen" && episode.patient.currentEpisodeId !== episode.id) throw new AppError("CONFLICT");

  // Reopening while another episode was opened meanwhile breaks "one open episode": a CONFLICT.
  await withEpisodeWrite(db, episode.id, async (tx) => {
    await tx.episode.update({
      where: { id: episode.id },
      data: {
        status: rule.to,
        ...(transition.action === "pause" ? { pauseReason: transition.reason } : {}),
        ...(transition.action === "resume" ? { pauseReason: null } : {}),
        ...(transition.action === "reopen" ? { dischargedAt: null, dischargeReason: null } : {}),
      },
    });
    await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "Episode", entityId: episode.id });
  }).catch((error: unknown) => {
    throw isUniqueViolation(error) ? new AppError("CONFLICT") : error;
  });
  return { status: "changed" as const };
}
