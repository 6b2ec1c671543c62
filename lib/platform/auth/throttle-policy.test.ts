import { describe, expect, it } from "vitest";

import { accountDelayMs, THROTTLE, throttleWaitMs } from "./throttle-policy";

const MIN = 60_000;
const now = Date.parse("2026-11-25T12:00:00Z");
const ago = (...ms: number[]) => ms.map((m) => now - m);
const none = { accountAndAddress: [], address: [], account: [] };

describe("the throttling policy (SPEC §8)", () => {
  it("lets a first attempt through", () => {
    expect(throttleWaitMs(none, now)).toBe(0);
  });

  it("per account and address: the fifth failure within 15 minutes means 15 minutes' wait from it", () => {
    const five = ago(0, 1000, 2000, 3000, 14 * MIN);
    expect(throttleWaitMs({ ...none, accountAndAddress: five }, now)).toBe(15 * MIN);
    // Four in the window, the fifth older than 15 minutes before the latest: no wait.
    expect(throttleWaitMs({ ...none, accountAndAddress: ago(0, 1000, 2000, 3000, 16 * MIN) }, now)).toBe(0);
    // The wait is over 15 minutes after the latest.
    expect(
      throttleWaitMs(
        { ...none, accountAndAddress: ago(15 * MIN, 15 * MIN + 1, 15 * MIN + 2, 15 * MIN + 3, 15 * MIN + 4) },
        now,
      ),
    ).toBe(0);
  });

  it("per address: 50 failures within an hour mean an hour's wait", () => {
    const fifty = Array.from({ length: 50 }, (_, i) => now - i * MIN);
    expect(throttleWaitMs({ ...none, address: fifty }, now)).toBe(60 * MIN);
    expect(throttleWaitMs({ ...none, address: fifty.slice(0, 49) }, now)).toBe(0);
  });

  it("per account from any address: a delay that doubles up to 30 s, never a lock", () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(accountDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(throttleWaitMs({ ...none, account: ago(0, 1, 2) }, now)).toBe(4000);
    expect(throttleWaitMs({ ...none, account: ago(5000, 5001, 5002) }, now)).toBe(0);
    // Failures older than the window no longer count.
    expect(throttleWaitMs({ ...none, account: ago(0, THROTTLE.account.windowMs + 1) }, now)).toBe(1000);
  });

  it("waits for the longest of the rules", () => {
    expect(
      throttleWaitMs({ accountAndAddress: ago(0, 1, 2, 3, 4), address: ago(0), account: ago(0, 1, 2, 3, 4) }, now),
    ).toBe(15 * MIN);
  });
});
