// What every user changes about themselves (SPEC §7): their name, language and password.
import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { hashPassword, verifyPassword } from "../auth/password";
import { ZNewPassword } from "../auth/password-policy";
import { endUserSessions } from "../auth/sessions";
import { assertCan } from "../auth/permissions";
import type { Db } from "../db/client";
import { type FieldErrors, fieldErrorsOf, zChoice, zRequiredText } from "../forms/form-input";
import { textLimit } from "../forms/field-limits";
import type { Locale } from "../generated/prisma/enums";
import { LOCALES } from "../i18n";

export const ACCOUNT_FIELDS = { name: textLimit(200) };
const ZProfile = z.object({ name: zRequiredText(ACCOUNT_FIELDS.name), locale: zChoice(LOCALES) });
const ZPasswordChange = ZNewPassword.and(z.object({ currentPassword: z.string({ error: "required" }).min(1, "required") }));

type Result = { status: "saved" } | { status: "invalid"; fieldErrors: FieldErrors };
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

/** A new password, given the current one. */
export async function changeOwnPassword(db: Db, actor: Actor, raw: Record<string, unknown>): Promise<Result> {
  assertCan(actor, "own-account");
  const parsed = ZPasswordChange.safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, parsed.data.currentPassword))) return { status: "invalid", fieldErrors: { currentPassword: "wrongPassword" } };
  const passwordHash = await hashPassword(parsed.data.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash } });
    // Other devices sign in again; this browser, which just gave the password, stays.
    await endUserSessions(tx, actor.userId, actor.sessionId ?? null);
    await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "User", entityId: actor.userId });
  });
  return { status: "saved" };
}
