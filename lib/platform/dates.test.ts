import { describe, expect, it } from "vitest";

import { daysBetween } from "../clinical/calendar";
import { formatMoment } from "../present/i18n/format";
import { addDays, ageOn, today } from "./dates";

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

describe("moments in the clinic's time zone", () => {
  it("a flag opened at 00:30 in Copenhagen shows that day, although it is the day before in UTC", () => {
    const moment = new Date("2026-03-01T23:30:00.000Z"); // 00:30 on 2 March in Copenhagen (UTC+1)
    expect(formatMoment(moment, "da")).toBe("2. mar. 2026");
    expect(formatMoment(moment, "en", true)).toBe("2 Mar 2026, 00:30");
    const summer = new Date("2026-07-01T22:15:00.000Z"); // 00:15 on 2 July (UTC+2)
    expect(formatMoment(summer, "da", true)).toMatch(/^2\. jul\. 2026.*00[.:]15$/);
  });
});
