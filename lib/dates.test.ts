import { describe, expect, it } from "vitest";
import { addDays, ageOn, daysBetween, today } from "./dates";

const d = (ymd: string) => new Date(`${ymd}T00:00:00.000Z`);

describe("dates", () => {
  it("takes today's date in Copenhagen, not in UTC", () => {
    // 23:30 UTC on 31 March is already 1 April in Copenhagen (UTC+2 in summer time).
    expect(today("Europe/Copenhagen", new Date("2026-03-31T23:30:00Z"))).toEqual(d("2026-04-01"));
    expect(today("UTC", new Date("2026-03-31T23:30:00Z"))).toEqual(d("2026-03-31"));
  });

  it("adds and counts whole days", () => {
    expect(addDays(d("2026-02-27"), 2)).toEqual(d("2026-03-01"));
    expect(daysBetween(d("2025-12-01"), d("2026-03-01"))).toBe(90);
    expect(daysBetween(d("2026-03-01"), d("2025-12-01"))).toBe(-90);
  });

  it("gives the age in whole years, turning on the birthday", () => {
    expect(ageOn(d("1980-06-15"), d("2026-06-14"))).toBe(45);
    expect(ageOn(d("1980-06-15"), d("2026-06-15"))).toBe(46);
  });
});
