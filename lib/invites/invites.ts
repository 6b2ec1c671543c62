// Portal invitations (SPEC §1, §7): a clinician creates a single-use link valid for 7 days; the
// patient opens it and chooses a password, which creates (or, for a patient who already has
// one, resets) the portal account linked to that patient only. Only a SHA-256 of the token is
// stored; the token itself exists only in the link. A new invite revokes any open one.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { hashPassword } from "../auth/password";
import { ZNewPassword } from "../auth/password-policy";
import { assertCan } from "../auth/permissions";
import type { Db } from "../db/client";
import { requireId } from "../db/require-id";
import { isUniqueViolation } from "../db/unique-violation";
import { AppError } from "../errors";
import { type FieldErrors, fieldErrorsOf } from "../forms/form-input";
import type { Locale } from "../generated/prisma/enums";

export const INVITE_DAYS = 7;
const DAY_MS = 86_400_000;

export type InviteStatus = "PENDING" | "USED" | "EXPIRED" | "REVOKED";

/** A token as createInvite makes them (32 random bytes, base64url); anything else is no invitation. */
export const ZInviteToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "missingReference").describe("token");

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

function statusOf(invite: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InviteStatus {
  if (invite.usedAt) return "USED";
  if (invite.revokedAt) return "REVOKED";
  return invite.expiresAt <= now ? "EXPIRED" : "PENDING";
}

async function findPatient(db: Db, actor: Actor, patientId: string) {
  assertCan(actor, "clinic-patients");
  const patient = await db.patient.findFirst({ where: { id: requireId(patientId), clinicId: actor.clinicId, archivedAt: null } });
  if (!patient) throw new AppError("NOT_FOUND");
  return patient;
}

/**
 * Creates an invite for the patient and revokes any open one. Answers the token, once. The
 * database holds one pending invite per patient (Invite_one_pending_per_patient): of two
 * created at the same moment, the second is a CONFLICT rather than a second live link.
 */
export async function createInvite(db: Db, actor: Actor, patientId: string, now: Date) {
  const patient = await findPatient(db, actor, patientId);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * DAY_MS);
  await db.$transaction(async (tx) => {
    await tx.invite.updateMany({ where: { patientId: patient.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const invite = await tx.invite.create({
      data: { clinicId: actor.clinicId, patientId: patient.id, createdById: actor.userId, tokenHash: hashToken(token), expiresAt },
    });
    await recordAuditEvent(tx, actor, { action: "CREATE", entity: "Invite", entityId: invite.id });
  }).catch((error: unknown) => {
    throw isUniqueViolation(error) ? new AppError("CONFLICT") : error;
  });
  return { token, expiresAt };
}

/** The patient's portal access as the clinician sees it: the account, and the latest invite. */
export async function getPortalAccess(db: Db, actor: Actor, patientId: string, now: Date) {
  const patient = await findPatient(db, actor, patientId);
  const [account, invite] = await Promise.all([
    patient.portalUserId ? db.user.findUnique({ where: { id: patient.portalUserId }, select: { email: true, active: true } }) : null,
    db.invite.findFirst({ where: { patientId: patient.id }, orderBy: { createdAt: "desc" } }),
  ]);
  return {
    account,
    invite: invite && { status: statusOf(invite, now), createdAt: invite.createdAt, expiresAt: invite.expiresAt, usedAt: invite.usedAt },
  };
}

export type InviteLookup =
  | { status: "VALID"; email: string | null; hasAccount: boolean }
  | { status: "USED" | "EXPIRED" | "INVALID" | "CLOSED" };

/** What the invite page shows for a token: usable (with the email to prefill), or why not. */
export async function lookupInvite(db: Db, token: string, now: Date): Promise<InviteLookup> {
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { patient: { select: { email: true, archivedAt: true, portalUser: { select: { email: true, active: true } } } } },
  });
  if (!invite || invite.patient.archivedAt) return { status: "INVALID" };
  const status = statusOf(invite, now);
  if (status === "REVOKED") return { status: "INVALID" };
  if (status !== "PENDING") return { status };
  const account = invite.patient.portalUser;
  // An account the clinic closed stays closed: an invitation only sets a password.
  if (account && !account.active) return { status: "CLOSED" };
  return { status: "VALID", email: account?.email ?? invite.patient.email, hasAccount: Boolean(account) };
}

export type AcceptResult =
  | { status: "ACCEPTED"; email: string }
  | { status: "INVALID_INPUT"; fieldErrors: FieldErrors }
  | { status: "USED" | "EXPIRED" | "INVALID" | "CLOSED" };

const zAccept = (needsEmail: boolean) =>
  ZNewPassword.and(
    z.object({
      email: needsEmail
        ? z.string({ error: "required" }).trim().toLowerCase().min(1, "required").pipe(z.email("invalidEmail"))
        : z.string().optional().transform(() => undefined),
    }),
  );

/**
 * Accepts an invite: checks the password, then in one transaction claims the invite (only if
 * it is still open, so a link works once even when submitted twice) and creates the portal
 * account, or sets a new password on the patient's existing one.
 */
export async function acceptInvite(db: Db, token: string, raw: Record<string, unknown>, locale: Locale, now: Date): Promise<AcceptResult> {
  const lookup = await lookupInvite(db, token, now);
  if (lookup.status !== "VALID") return { status: lookup.status };
  const parsed = zAccept(!lookup.hasAccount).safeParse(raw);
  if (!parsed.success) return { status: "INVALID_INPUT", fieldErrors: fieldErrorsOf(parsed.error) };
  const passwordHash = await hashPassword(parsed.data.password);
  try {
    return await db.$transaction(async (tx) => {
      const invite = await tx.invite.findUniqueOrThrow({ where: { tokenHash: hashToken(token) }, include: { patient: true } });
      const claimed = await tx.invite.updateMany({
        where: { id: invite.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count === 0) return { status: "USED" } as const;
      const patient = invite.patient;
      // Never re-activates: a closed account was refused above, and `active` is not written.
      const user = patient.portalUserId
        ? await tx.user.update({ where: { id: patient.portalUserId, active: true }, data: { passwordHash } })
        : await tx.user.create({
            data: { clinicId: patient.clinicId, role: "PATIENT", email: parsed.data.email!, name: patient.name, passwordHash, locale },
          });
      if (!patient.portalUserId) await tx.patient.update({ where: { id: patient.id }, data: { portalUserId: user.id } });
      const actor = { userId: user.id, clinicId: user.clinicId, role: user.role, name: user.name, email: user.email, locale: user.locale, ip: null };
      await recordAuditEvent(tx, actor, { action: patient.portalUserId ? "UPDATE" : "CREATE", entity: "User", entityId: user.id });
      return { status: "ACCEPTED", email: user.email } as const;
    });
  } catch (error) {
    // The email belongs to another account: say so on the field, claim nothing.
    if (isUniqueViolation(error)) return { status: "INVALID_INPUT", fieldErrors: { email: "emailTaken" } };
    throw error;
  }
}
