// Sign-in throttling as SPEC §8 sets it, as pure arithmetic over the times of earlier failures.
// The same policy guards password-link requests and invitation links (throttle.ts).

const MINUTE = 60_000;

export const THROTTLE = {
  /** Per account and address: this many failures within the window → wait this long. */
  accountAndAddress: { failures: 5, windowMs: 15 * MINUTE, waitMs: 15 * MINUTE },
  /** Per address, over all accounts. */
  address: { failures: 50, windowMs: 60 * MINUTE, waitMs: 60 * MINUTE },
  /** Per account from every address: a delay that doubles with each failure, never a lock. */
  account: {
    windowMs: 15 * MINUTE,
    firstDelayMs: 1_000,
    maxDelayMs: 30_000,
    countedFailures: 6,
    /** Past this many failures in the window, an address with none waits the delay too (throttle.ts). */
    cleanAddressCeiling: 20,
  },
} as const;

type Rule = { failures: number; windowMs: number; waitMs: number };

/**
 * The end of a rule's wait: once `failures` failures fall within `windowMs` of the latest,
 * nothing more is tried until `waitMs` after it. `times` are newest first.
 */
function waitUntil(times: number[], rule: Rule): number {
  const latest = times[0];
  if (latest === undefined) return 0;
  const inWindow = times.filter((at) => at > latest - rule.windowMs).length;
  return inWindow >= rule.failures ? latest + rule.waitMs : 0;
}

/**
 * The account's delay after its latest failure, by its failures in the last 15 minutes:
 * 1 s, 2 s, 4 s, 8 s, 16 s, then 30 s (so more than `countedFailures` never need counting).
 */
export function accountDelayMs(failuresInWindow: number): number {
  if (failuresInWindow === 0) return 0;
  return Math.min(
    THROTTLE.account.maxDelayMs,
    THROTTLE.account.firstDelayMs * 2 ** (Math.min(failuresInWindow, THROTTLE.account.countedFailures) - 1),
  );
}

export type FailureTimes = {
  /** This account from this address, newest first. */
  accountAndAddress: number[];
  /** This address, any account, newest first (the latest 50 are enough). */
  address: number[];
  /** This account, any address, within the last 15 minutes, newest first (the latest 6 are enough). */
  account: number[];
};

/** How many milliseconds an attempt must wait at `now`; 0 when it may go ahead. */
export function throttleWaitMs(failures: FailureTimes, now: number): number {
  const accountLatest = failures.account[0];
  const until = Math.max(
    waitUntil(failures.accountAndAddress, THROTTLE.accountAndAddress),
    waitUntil(failures.address, THROTTLE.address),
    accountLatest === undefined
      ? 0
      : accountLatest + accountDelayMs(failures.account.filter((at) => at > now - THROTTLE.account.windowMs).length),
  );
  return Math.max(0, until - now);
}
