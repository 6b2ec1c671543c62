// Throttling of everything that checks a secret (SPEC §8): sign-in, requests for a password
// link, and invitation links. The failures live in the database, so every app server on one
// PostgreSQL counts them together; the policy is lib/platform/auth/throttle-policy.ts.
//
// An attempt is counted as a failure *before* its secret is checked, under an advisory lock
// on its account and its address, and forgiven only when it succeeds. So 50 guesses sent at
// once are counted one after another, and none slips through while another is being checked.
import { createHash } from "node:crypto";

import { DAY_MS } from "../../clinical/calendar";
import type { AuthAttemptKind } from "../../generated/prisma/enums";
import type { Db } from "../db/client";
import { THROTTLE, throttleWaitMs } from "./throttle-policy";

export type Attempt = { id: string; kind: AuthAttemptKind; subject: string; ip: string };
export type AttemptStart =
  { status: "go"; attempt: Attempt } | { status: "wait"; retryAfterMs: number; subject: string };

/** The stored key of an account: a hash, so unknown e-mails are kept exactly like known ones. */
export const throttleSubject = (value: string) => createHash("sha256").update(value.trim().toLowerCase()).digest("hex");

/**
 * `cleanAddressSkipsAccountDelay`: an address with no failures for this account goes ahead
 * through the account's delay (the other rules still hold), while the account has had fewer
 * than `cleanAddressCeiling` failures in the window. Failures sent from a handful of addresses
 * then cannot keep the owner out (security review F-5), and each of those addresses meets the
 * delay from its first failure on; an attacker with many addresses (an IPv6 prefix) gets at
 * most the ceiling's guesses a window before every address waits again. Sign-in only: a
 * password link or an invitation has no owner whose own address this would let through.
 */
export async function beginAttempt(
  db: Db,
  kind: AuthAttemptKind,
  account: string,
  ip: string | null,
  now: Date,
  { cleanAddressSkipsAccountDelay = false } = {},
): Promise<AttemptStart> {
  const subject = throttleSubject(account);
  const address = ip ?? "unknown";
  const since = (ms: number) => new Date(now.getTime() - ms);
  const times = (rows: { at: Date }[]) => rows.map((row) => row.at.getTime());
  return db.$transaction(
    async (tx) => {
      // Always in this order (account, then address), so two attempts cannot wait on each other.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`throttle:${kind}:${subject}`}))`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`throttle:${kind}:ip:${address}`}))`;
      // The newest failures that can still matter: a rule's wait runs from its latest failure,
      // and the failures before that count within the rule's window.
      const newest = (where: object, take: number, sinceMs: number) =>
        tx.authFailure.findMany({
          where: { kind, ...where, at: { gt: since(sinceMs) } },
          orderBy: { at: "desc" },
          take,
          select: { at: true },
        });
      const { accountAndAddress: pair, address: perAddress, account: perAccount } = THROTTLE;
      const [accountAndAddress, byAddress, account] = await Promise.all([
        newest({ subject, ip: address }, pair.failures, pair.windowMs + pair.waitMs),
        newest({ ip: address }, perAddress.failures, perAddress.windowMs + perAddress.waitMs),
        newest({ subject }, Math.max(perAccount.countedFailures, perAccount.cleanAddressCeiling), perAccount.windowMs),
      ]);
      const skipAccountDelay =
        cleanAddressSkipsAccountDelay &&
        accountAndAddress.length === 0 &&
        account.length < perAccount.cleanAddressCeiling;
      const retryAfterMs = throttleWaitMs(
        {
          accountAndAddress: times(accountAndAddress),
          address: times(byAddress),
          account: skipAccountDelay ? [] : times(account),
        },
        now.getTime(),
      );
      if (retryAfterMs > 0) return { status: "wait", retryAfterMs, subject } as const;
      const row = await tx.authFailure.create({ data: { kind, subject, ip: address, at: now }, select: { id: true } });
      return { status: "go", attempt: { id: row.id, kind, subject, ip: address } } as const;
      // A burst queues on the lock: let it wait its turn rather than fail after Prisma's 2 s.
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}

/**
 * The secret was right: the attempt and the account's earlier failures from this address are
 * forgiven. Failures from other addresses stay: the owner signing in does not reset a guesser's
 * counters (security review F-5).
 */
export async function attemptSucceeded(db: Db, attempt: Attempt, now: Date) {
  await db.authFailure.deleteMany({
    where: {
      OR: [
        { id: attempt.id },
        { kind: attempt.kind, subject: attempt.subject, ip: attempt.ip },
        { at: { lt: new Date(now.getTime() - DAY_MS) } },
      ],
    },
  });
}
