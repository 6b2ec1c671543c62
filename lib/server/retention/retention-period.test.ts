import { describe, expect, it } from "vitest";

import { pastRetention, retainUntil } from "./retention-period";

const ZONE = "Europe/Copenhagen";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("the retention period", () => {
  it("ends 5 years after the day of the last entry, by the clinic's calendar", () => {
    expect(retainUntil(new Date("2021-03-14T10:00:00Z"), ZONE)).toEqual(day("2026-03-14"));
    // 23:30 UTC on 31 December is already 1 January in Copenhagen.
    expect(retainUntil(new Date("2020-12-31T23:30:00Z"), ZONE)).toEqual(day("2026-01-01"));
    // A leap day's fifth anniversary falls on the day after 28 February.
    expect(retainUntil(new Date("2024-02-29T12:00:00Z"), ZONE)).toEqual(day("2029-03-01"));
  });

  it("lets a record go on that day, not the day before", () => {
    const last = new Date("2021-03-14T10:00:00Z");
    expect(pastRetention(last, day("2026-03-13"), ZONE)).toBe(false);
    expect(pastRetention(last, day("2026-03-14"), ZONE)).toBe(true);
  });
});
