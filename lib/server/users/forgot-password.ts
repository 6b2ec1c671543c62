// "Forgot your password" on the sign-in page (SPEC §7, §8): anyone may ask for a link for an
// address. The answer is the same, and as quick, whether or not the address has an active
// account, so it tells no one who has one; only an active account gets a link, at most one a
// quarter hour.
import { z } from "zod";

import { recordRefusal } from "../../platform/audit/record-audit-event";
import { actorFor } from "../../platform/auth/actor";
import { beginAttempt } from "../../platform/auth/throttle";
import type { Db } from "../../platform/db/client";
import { type FieldErrors, fieldErrorsOf } from "../../present/forms/form-input";
import { CLINIC_CONTACT_SELECT } from "../clinics/clinic-profile";
import { createPasswordReset } from "../invites/password-links";

const ZRequest = z.object({
  email: z
    .string({ error: "required" })
    .trim()
    .toLowerCase()
    .min(1, "required")
    .max(200, "tooLong")
    .pipe(z.email("invalidEmail")),
});

/** How often one account gets a link by asking: strangers cannot flood its inbox or revoke its fresh link (review F-5). */
export const RESET_EMAIL_INTERVAL_MS = 15 * 60_000;

export type ResetRequestResult =
  /** `send`: the work for an account, if the address has one; run after the answer (review F-4). */
  | { status: "sent"; send: () => Promise<void> }
  | { status: "invalid"; fieldErrors: FieldErrors }
  | { status: "throttled"; retryAfterMs: number };

/**
 * Every request counts against the throttle (never forgiven), so nobody floods an inbox. The
 * answer is made before the address is looked up: whatever an account costs (a link, an e-mail
 * in a transaction) is done by `send` after it, so the answer takes as long for every address.
 */
export async function requestPasswordReset(
  db: Db,
  raw: Record<string, unknown>,
  now: Date,
  appUrl: string,
  ip: string | null,
): Promise<ResetRequestResult> {
  const parsed = ZRequest.safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const start = await beginAttempt(db, "PASSWORD_RESET", parsed.data.email, ip, now);
  if (start.status === "wait") {
    await recordRefusal(db, { clinicId: null, actorId: null, ip }, "PasswordLink", start.subject);
    return { status: "throttled", retryAfterMs: start.retryAfterMs };
  }
  return { status: "sent", send: () => sendResetLink(db, parsed.data.email, now, appUrl, ip) };
}

/** A link for an active account that has had none in the last quarter hour. */
async function sendResetLink(db: Db, email: string, now: Date, appUrl: string, ip: string | null) {
  const user = await db.user.findFirst({
    where: { email, active: true },
    include: { clinic: { select: { ...CLINIC_CONTACT_SELECT, timeZone: true } } },
  });
  if (!user) return;
  // The user asks for their own link: they are the actor of its audit event.
  await createPasswordReset(db, actorFor(user, ip), user, now, appUrl, {
    unlessSentSince: new Date(now.getTime() - RESET_EMAIL_INTERVAL_MS),
  });
}
