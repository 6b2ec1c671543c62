// "Forgot your password" on the sign-in page (SPEC §7, §8): anyone may ask for a link for an
// address. The answer is the same whether or not the address has an active account, so it
// tells no one who has one; only an active account gets a link.
import { z } from "zod";
import { recordRefusal } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { beginAttempt } from "../auth/throttle";
import type { Db } from "../db/client";
import { type FieldErrors, fieldErrorsOf } from "../forms/form-input";
import { createPasswordReset } from "./staff-admin";

const ZRequest = z.object({ email: z.string({ error: "required" }).trim().toLowerCase().min(1, "required").max(200, "tooLong").pipe(z.email("invalidEmail")) });

export type ResetRequestResult = { status: "sent" } | { status: "invalid"; fieldErrors: FieldErrors } | { status: "throttled"; retryAfterMs: number };

/** Every request counts against the throttle (never forgiven), so nobody floods an inbox. */
export async function requestPasswordReset(db: Db, raw: Record<string, unknown>, now: Date, appUrl: string, ip: string | null): Promise<ResetRequestResult> {
  const parsed = ZRequest.safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const start = await beginAttempt(db, "PASSWORD_RESET", parsed.data.email, ip, now);
  if (start.status === "wait") {
    await recordRefusal(db, { clinicId: null, actorId: null, ip }, "PasswordLink", start.subject);
    return { status: "throttled", retryAfterMs: start.retryAfterMs };
  }
  const user = await db.user.findFirst({ where: { email: parsed.data.email, active: true }, include: { clinic: { select: { name: true } } } });
  if (user) {
    // The user asks for their own link: they are the actor of its audit event.
    const self: Actor = { userId: user.id, clinicId: user.clinicId, role: user.role, name: user.name, email: user.email, locale: user.locale, ip };
    await createPasswordReset(db, self, user, now, appUrl);
  }
  return { status: "sent" };
}
