// What every user changes about themselves (SPEC §7): their name, language and password.
import { z } from "zod";

import { textLimit } from "../../clinical/field-limits";
import type { Locale } from "../../generated/prisma/enums";
import { recordAuditEvent, recordRefusal } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { hashPassword, verifyPassword } from "../../platform/auth/password";
import { ZNewPassword } from "../../platform/auth/password-policy";
import { assertCan } from "../../platform/auth/permissions";
import { endUserSessions } from "../../platform/auth/sessions";
import { attemptSucceeded, beginAttempt } from "../../platform/auth/throttle";
import type { Db } from "../../platform/db/client";
import { type FieldErrors, fieldErrorsOf, zChoice, zRequiredText } from "../../present/forms/form-input";
import { LOCALES } from "../../present/i18n";
import { revokePasswordLinks } from "../invites/password-links";

export const ACCOUNT_FIELDS = { name: textLimit(200) };
const ZProfile = z.object({ name: zRequiredText(ACCOUNT_FIELDS.name), locale: zChoice(LOCALES) });
const ZPasswordChange = ZNewPassword.and(
  z.object({ currentPassword: z.string({ error: "required" }).min(1, "required") }),
);

type PasswordResult =
  { status: "saved" } | { status: "invalid"; fieldErrors: FieldErrors } | { status: "throttled"; retryAfterMs: number };
type ProfileResult = { status: "saved"; locale: Locale } | { status: "invalid"; fieldErrors: FieldErrors };

export async function getOwnAccount(db: Db, actor: Actor) {
  assertCan(actor, "own-account");
  return db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, email: true, locale: true } });
}

export async function updateOwnProfile(db: Db, actor: Actor, raw: Record<string, unknown>): Promise<ProfileResult> {
  assertCan(actor, "own-account");
  const parsed = ZProfile.safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: parsed.data });
    await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "User", entityId: actor.userId });
  });
  return { status: "saved", locale: parsed.data.locale };
}

/**
 * A new password, given the current one. The check of the current password counts as a
 * sign-in attempt of the account, throttled alike: a borrowed session is no password oracle
 * (security review F-11). The new password revokes every open password link (F-9).
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  raw: Record<string, unknown>,
  now: Date,
): Promise<PasswordResult> {
  assertCan(actor, "own-account");
  const parsed = ZPasswordChange.safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const start = await beginAttempt(db, "SIGN_IN", actor.email, actor.ip, now, { cleanAddressSkipsAccountDelay: true });
  if (start.status === "wait") {
    await recordRefusal(db, { clinicId: actor.clinicId, actorId: actor.userId, ip: actor.ip }, "SignIn", actor.userId);
    return { status: "throttled", retryAfterMs: start.retryAfterMs };
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, parsed.data.currentPassword)))
    return { status: "invalid", fieldErrors: { currentPassword: "wrongPassword" } };
  await attemptSucceeded(db, start.attempt, now);
  const passwordHash = await hashPassword(parsed.data.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash } });
    await revokePasswordLinks(tx, actor.userId, now);
    // Other devices sign in again; this browser, which just gave the password, stays.
    await endUserSessions(tx, actor.userId, actor.sessionId ?? null);
    await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "User", entityId: actor.userId });
  });
  return { status: "saved" };
}
