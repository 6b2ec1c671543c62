// Opening a single-use link (SPEC §7): a portal invitation creates the portal account linked
// to that patient only (a patient who has one gets a password link instead); a staff invitation creates
// the clinician's or admin's account; a password link sets a new password. Each claims the
// link in the same transaction as its write, so a link works once even when submitted twice.
import { randomBytes } from "node:crypto";

import { z } from "zod";

import { textLimit } from "../../clinical/field-limits";
import type { Prisma } from "../../generated/prisma/client";
import type { Locale } from "../../generated/prisma/enums";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import { recordRefusal } from "../../platform/audit/record-audit-event";
import { ACTOR_USER_INCLUDE, actorFor } from "../../platform/auth/actor";
import { hashPassword } from "../../platform/auth/password";
import { ZNewPassword } from "../../platform/auth/password-policy";
import { endUserSessions } from "../../platform/auth/sessions";
import { attemptSucceeded, beginAttempt } from "../../platform/auth/throttle";
import type { Db } from "../../platform/db/client";
import { isUniqueViolation } from "../../platform/db/unique-violation";
import { type FieldErrors, fieldErrorsOf, zRequiredText } from "../../present/forms/form-input";
import { CLINIC_CONTACT_SELECT, type ClinicContact } from "../clinics/clinic-profile";
import { revokePasswordLinks } from "./password-links";
import { hashToken, statusOf } from "./tokens";

/** A usable link names its clinic: the page says whose portal or account it opens. */
export type InviteLookup =
  /** `mitid`: the patient has a CPR number, so the invitation can be accepted with MitID (SPEC §12). */
  | { status: "VALID"; purpose: "PORTAL"; email: string; clinic: ClinicContact; mitid: boolean }
  | { status: "VALID"; purpose: "STAFF"; email: string; name: string; clinic: ClinicContact }
  | { status: "VALID"; purpose: "PASSWORD_RESET"; email: string; clinic: ClinicContact }
  | { status: "USED" | "EXPIRED" | "INVALID" | "CLOSED" };

const findByToken = (db: Pick<Db, "invite">, token: string) =>
  db.invite.findUnique({
    where: { tokenHash: hashToken(token) },
    include: {
      clinic: { select: CLINIC_CONTACT_SELECT },
      patient: {
        select: {
          id: true,
          name: true,
          email: true,
          clinicId: true,
          cprHash: true,
          archivedAt: true,
          processingStoppedAt: true,
          portalUserId: true,
          portalUser: { select: { email: true, active: true } },
        },
      },
      user: { select: { id: true, email: true, active: true } },
    },
  });

/** What the invitation page shows for a token: usable (with what to prefill), or why not. */
export async function lookupInvite(db: Db, token: string, now: Date): Promise<InviteLookup> {
  const invite = await findByToken(db, token);
  if (!invite || invite.patient?.archivedAt) return { status: "INVALID" };
  // A patient who asked to be erased has no portal, whatever link is left (SPEC §9).
  if (invite.patient?.processingStoppedAt) return { status: "CLOSED" };
  const status = statusOf(invite, now);
  if (status === "REVOKED") return { status: "INVALID" };
  if (status !== "PENDING") return { status };
  if (invite.purpose === "STAFF")
    return {
      status: "VALID",
      purpose: "STAFF",
      email: invite.email!,
      name: invite.name!,
      clinic: invite.clinic,
    };
  // An account the clinic closed stays closed: a link only sets a password.
  if (invite.purpose === "PASSWORD_RESET")
    return invite.user!.active
      ? { status: "VALID", purpose: "PASSWORD_RESET", email: invite.user!.email, clinic: invite.clinic }
      : { status: "CLOSED" };
  // A portal invitation only makes an account: a patient who has one gets a password link
  // instead (invites.ts), so an older invitation cannot set their password (security review I-1).
  const account = invite.patient!.portalUser;
  if (account) return account.active ? { status: "INVALID" } : { status: "CLOSED" };
  return {
    status: "VALID",
    purpose: "PORTAL",
    email: invite.email!,
    clinic: invite.clinic,
    mitid: invite.patient!.cprHash !== null,
  };
}

export type AcceptResult =
  | { status: "ACCEPTED"; email: string }
  | { status: "INVALID_INPUT"; fieldErrors: FieldErrors }
  | { status: "USED" | "EXPIRED" | "INVALID" | "CLOSED" };

export const ACCEPT_FIELDS = { name: textLimit(200) };

/** What each kind of link asks for besides the password (twice). */
function schemaFor(lookup: Extract<InviteLookup, { status: "VALID" }>) {
  return lookup.purpose === "STAFF"
    ? ZNewPassword.and(z.object({ name: zRequiredText(ACCEPT_FIELDS.name) }))
    : ZNewPassword;
}

export async function acceptInvite(
  db: Db,
  token: string,
  raw: Record<string, unknown>,
  locale: Locale,
  now: Date,
): Promise<AcceptResult> {
  const lookup = await lookupInvite(db, token, now);
  if (lookup.status !== "VALID") return { status: lookup.status };
  const parsed = schemaFor(lookup).safeParse(raw);
  if (!parsed.success) return { status: "INVALID_INPUT", fieldErrors: fieldErrorsOf(parsed.error) };
  const input = parsed.data as { password: string; name?: string };
  const accepted = await claimInvite(db, token, input, await hashPassword(input.password), locale, now);
  return accepted.status === "ACCEPTED" ? { status: "ACCEPTED", email: accepted.email } : accepted;
}

export type MitidAcceptResult =
  { status: "ACCEPTED"; userId: string } | { status: "CPR_MISMATCH" | "USED" | "EXPIRED" | "INVALID" | "CLOSED" };

/**
 * A portal invitation accepted with MitID (SPEC §12): the CPR number the broker vouched for must
 * be the invitation's patient's. The account gets no password the patient knows (a hash of
 * random bytes nobody keeps): they sign in with MitID, or ask the clinic for a password link.
 */
export async function acceptInviteWithMitid(
  db: Db,
  token: string,
  cprHash: string,
  locale: Locale,
  now: Date,
): Promise<MitidAcceptResult> {
  const lookup = await lookupInvite(db, token, now);
  if (lookup.status !== "VALID") return { status: lookup.status };
  if (lookup.purpose !== "PORTAL") return { status: "INVALID" };
  const invite = (await findByToken(db, token))!;
  if (invite.patient!.cprHash !== cprHash) return { status: "CPR_MISMATCH" };
  const accepted = await claimInvite(
    db,
    token,
    {},
    await hashPassword(randomBytes(32).toString("base64url")),
    locale,
    now,
  );
  return accepted.status === "ACCEPTED" ? { status: "ACCEPTED", userId: accepted.userId } : accepted;
}

/** Claims the link and writes its account in one transaction, so a link works once even when submitted twice. */
async function claimInvite(
  db: Db,
  token: string,
  input: { name?: string },
  passwordHash: string,
  locale: Locale,
  now: Date,
): Promise<{ status: "ACCEPTED"; email: string; userId: string } | { status: "USED" | "INVALID" }> {
  try {
    return await db.$transaction(async (tx) => {
      const invite = (await findByToken(tx, token))!;
      const claimed = await tx.invite.updateMany({
        where: { id: invite.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count === 0) return { status: "USED" } as const;
      // The patient got an account since the page was opened: this invitation makes none.
      if (invite.purpose === "PORTAL" && invite.patient!.portalUserId) return { status: "INVALID" } as const;
      const { user, created } = await writeAccount(tx, invite, input, passwordHash, locale, now);
      const actor = actorFor(user, null);
      await recordAuditEvent(tx, actor, { action: created ? "CREATE" : "UPDATE", entity: "User", entityId: user.id });
      return { status: "ACCEPTED", email: user.email, userId: user.id } as const;
    });
  } catch (error) {
    // The address got an account of its own after the invitation was made: the link cannot
    // make a second one. Said like any link that does not work, so it tells nobody about the address.
    if (isUniqueViolation(error)) return { status: "INVALID" };
    throw error;
  }
}

type Invite = NonNullable<Awaited<ReturnType<typeof findByToken>>>;

/** The account a link creates or gives a new password. Never re-activates a closed account. */
async function writeAccount(
  tx: Prisma.TransactionClient,
  invite: Invite,
  input: { name?: string },
  passwordHash: string,
  locale: Locale,
  now: Date,
) {
  // A new password ends every session of the account, on every device.
  const setPassword = async (id: string) => {
    await endUserSessions(tx, id);
    await revokePasswordLinks(tx, id, now);
    return tx.user.update({ where: { id, active: true }, data: { passwordHash }, include: ACTOR_USER_INCLUDE });
  };
  if (invite.purpose === "PASSWORD_RESET") return { user: await setPassword(invite.userId!), created: false };
  if (invite.purpose === "STAFF") {
    const user = await tx.user.create({
      data: {
        clinicId: invite.clinicId,
        role: invite.role!,
        email: invite.email!,
        name: input.name!,
        passwordHash,
        locale: invite.locale ?? locale,
      },
      include: ACTOR_USER_INCLUDE,
    });
    return { user, created: true };
  }
  const patient = invite.patient!;
  const user = await tx.user.create({
    data: {
      clinicId: patient.clinicId,
      role: "PATIENT",
      email: invite.email!,
      name: patient.name,
      passwordHash,
      locale,
    },
    include: ACTOR_USER_INCLUDE,
  });
  await tx.patient.update({ where: { id: patient.id }, data: { portalUserId: user.id } });
  return { user, created: true };
}

/**
 * acceptInvite behind the throttle (SPEC §8), as the invitation page calls it: a link that does
 * not work counts as a failed attempt; a link that works (even with a password to correct)
 * forgives the link's failures.
 */
export async function acceptInviteThrottled(
  db: Db,
  token: string,
  raw: Record<string, unknown>,
  locale: Locale,
  now: Date,
  ip: string | null,
): Promise<AcceptResult | { status: "THROTTLED"; retryAfterMs: number }> {
  const start = await beginAttempt(db, "INVITE", hashToken(token), ip, now);
  if (start.status === "wait") {
    await recordRefusal(db, { clinicId: null, actorId: null, ip }, "InviteLink", start.subject);
    return { status: "THROTTLED", retryAfterMs: start.retryAfterMs };
  }
  const result = await acceptInvite(db, token, raw, locale, now);
  if (result.status === "ACCEPTED" || result.status === "INVALID_INPUT") await attemptSucceeded(db, start.attempt, now);
  return result;
}
