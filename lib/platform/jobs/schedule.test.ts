import { describe, expect, it } from "vitest";

import {
  type LastRun,
  latestDailyMoment,
  LEASE_MS,
  MAX_ATTEMPTS,
  nextDailyMoment,
  RETRY_AFTER_MS,
  startDecision,
} from "./schedule";

const CPH = "Europe/Copenhagen";
const at = (iso: string) => new Date(iso);

describe("latestDailyMoment", () => {
  it("is today's 04:00 in Copenhagen once it has passed, yesterday's before", () => {
    // Winter: Copenhagen is UTC+1, so 04:00 there is 03:00 UTC.
    expect(latestDailyMoment(at("2026-11-25T03:00:00Z"), CPH, 4).toISOString()).toBe("2026-11-25T03:00:00.000Z");
    expect(latestDailyMoment(at("2026-11-25T15:26:00Z"), CPH, 4).toISOString()).toBe("2026-11-25T03:00:00.000Z");
    expect(latestDailyMoment(at("2026-11-25T02:59:59Z"), CPH, 4).toISOString()).toBe("2026-11-24T03:00:00.000Z");
  });

  it("follows summer time and the nights the clocks change", () => {
    // Summer: UTC+2.
    expect(latestDailyMoment(at("2026-07-01T12:00:00Z"), CPH, 4).toISOString()).toBe("2026-07-01T02:00:00.000Z");
    // 29 March 2026 the clocks go from 02:00 to 03:00: 04:00 that day is 02:00 UTC.
    expect(latestDailyMoment(at("2026-03-29T06:00:00Z"), CPH, 4).toISOString()).toBe("2026-03-29T02:00:00.000Z");
    // 25 October 2026 they go back from 03:00 to 02:00: 04:00 that day is 03:00 UTC.
    expect(latestDailyMoment(at("2026-10-25T06:00:00Z"), CPH, 4).toISOString()).toBe("2026-10-25T03:00:00.000Z");
    // Just after midnight on the first of a month, the moment is the last day of the month before.
    expect(latestDailyMoment(at("2026-12-01T00:30:00Z"), CPH, 4).toISOString()).toBe("2026-11-30T03:00:00.000Z");
  });

  it("has a next moment: later today, or tomorrow once today's has passed", () => {
    expect(nextDailyMoment(at("2026-11-25T02:59:59Z"), CPH, 4).toISOString()).toBe("2026-11-25T03:00:00.000Z");
    expect(nextDailyMoment(at("2026-11-25T03:00:00Z"), CPH, 4).toISOString()).toBe("2026-11-26T03:00:00.000Z");
    // Across the night summer time ends: 04:00 on 25 October is 03:00 UTC, 25 hours after the day before's.
    expect(nextDailyMoment(at("2026-10-24T12:00:00Z"), CPH, 4).toISOString()).toBe("2026-10-25T03:00:00.000Z");
  });

  it("works in another time zone", () => {
    expect(latestDailyMoment(at("2026-11-25T12:00:00Z"), "America/New_York", 4).toISOString()).toBe(
      "2026-11-25T09:00:00.000Z",
    );
  });
});

describe("startDecision", () => {
  const due = at("2026-11-25T03:00:00Z");
  const now = at("2026-11-25T03:01:00Z");
  const run = (patch: Partial<LastRun>): LastRun => ({
    dueAt: due,
    status: "SUCCEEDED",
    attempts: 1,
    heartbeatAt: due,
    finishedAt: due,
    ...patch,
  });

  it("starts a first run, and a run for a later due moment", () => {
    expect(startDecision(null, due, now)).toEqual({ start: true, attempt: 1 });
    expect(startDecision(run({ dueAt: at("2026-11-24T03:00:00Z"), attempts: 3, status: "FAILED" }), due, now)).toEqual({
      start: true,
      attempt: 1,
    });
  });

  it("does not run a due moment twice once it succeeded", () => {
    expect(startDecision(run({}), due, at("2026-11-25T23:00:00Z"))).toEqual({ start: false });
  });

  it("leaves a live run alone and takes over one whose server stopped beating", () => {
    expect(
      startDecision(run({ status: "RUNNING", heartbeatAt: now }), due, new Date(now.getTime() + LEASE_MS)),
    ).toEqual({ start: false });
    expect(
      startDecision(run({ status: "RUNNING", heartbeatAt: now }), due, new Date(now.getTime() + LEASE_MS + 1)),
    ).toEqual({ start: true, attempt: 2 });
  });

  it("tries a failed run again after a pause, a limited number of times", () => {
    const failed = run({ status: "FAILED", finishedAt: now });
    expect(startDecision(failed, due, new Date(now.getTime() + RETRY_AFTER_MS - 1))).toEqual({ start: false });
    expect(startDecision(failed, due, new Date(now.getTime() + RETRY_AFTER_MS))).toEqual({ start: true, attempt: 2 });
    expect(startDecision({ ...failed, attempts: MAX_ATTEMPTS }, due, at("2026-11-25T23:00:00Z"))).toEqual({
      start: false,
    });
  });
});
