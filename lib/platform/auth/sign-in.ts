// Signing in with an e-mail and a password, throttled (throttle.ts): a throttled attempt is not
// checked at all, is audited as refused, and the caller learns how long to wait. An address
// with no failures for the account is not held by the account's delay (security review F-5).
import { recordRefusal } from "../audit/record-audit-event";
import type { Db } from "../db/client";
import { authenticate, type AuthenticatedUser } from "./authenticate";
import { attemptSucceeded, beginAttempt } from "./throttle";

export type SignInResult =
  { status: "ok"; user: AuthenticatedUser } | { status: "failed" } | { status: "throttled"; retryAfterMs: number };

export async function signInWithPassword(db: Db, input: unknown, ip: string | null, now: Date): Promise<SignInResult> {
  const email =
    typeof (input as { email?: unknown } | null)?.email === "string"
      ? (input as { email: string }).email.trim().toLowerCase()
      : "";
  const start = await beginAttempt(db, "SIGN_IN", email, ip, now, { cleanAddressSkipsAccountDelay: true });
  if (start.status === "wait") {
    const account = await db.user.findUnique({ where: { email }, select: { id: true, clinicId: true } });
    await recordRefusal(
      db,
      { clinicId: account?.clinicId ?? null, actorId: null, ip },
      "SignIn",
      account?.id ?? start.subject,
    );
    return { status: "throttled", retryAfterMs: start.retryAfterMs };
  }
  const user = await authenticate(db, input);
  if (!user) return { status: "failed" };
  await attemptSucceeded(db, start.attempt, now);
  return { status: "ok", user };
}
