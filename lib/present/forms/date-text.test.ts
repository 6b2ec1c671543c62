import { describe, expect, it } from "vitest";

import { formatDateText, parseDateText, parseTimeText } from "./date-text";
import { zDate } from "./form-input";

describe("parseDateText", () => {
  it.each([
    ["2026-12-05", "2026-12-05"],
    ["05-12-2026", "2026-12-05"],
    ["5-12-2026", "2026-12-05"],
    ["5-1-2026", "2026-01-05"],
    ["05.12.2026", "2026-12-05"],
    ["05/12/2026", "2026-12-05"],
    [" 05-12-2026 ", "2026-12-05"],
    ["29-02-2028", "2028-02-29"],
    ["31-12-1999", "1999-12-31"],
    ["05122026", "2026-12-05"],
  ])("reads %j as %s", (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it.each([
    "31-02-2026",
    "29-02-2026",
    "2026-02-30",
    "32-01-2026",
    "00-01-2026",
    "01-13-2026",
    "01-00-2026",
    "05-12-26",
    "05-12.2026",
    "12/05",
    "5 december 2026",
    "2026-12-05T00:00",
    "",
    "0000-01-01",
    "20261205",
    "5122026",
  ])("refuses %j", (text) => {
    expect(parseDateText(text)).toBeNull();
  });
});

describe("zDate", () => {
  const latest = () => new Date("2026-12-06T00:00:00.000Z");
  it("takes the Danish form and the ISO form as the same day", () => {
    const schema = zDate({ latest });
    expect(schema.parse("05-12-2026")).toEqual(new Date("2026-12-05T00:00:00.000Z"));
    expect(schema.parse("2026-12-05")).toEqual(new Date("2026-12-05T00:00:00.000Z"));
  });
  it("answers a date that is not in the calendar, and a day after latest, with a field error code", () => {
    const schema = zDate({ latest });
    expect(schema.safeParse("31-02-2026").error?.issues.map((issue) => issue.message)).toEqual(["invalidDate"]);
    expect(schema.safeParse("07-12-2026").error?.issues.map((issue) => issue.message)).toEqual(["futureDate"]);
    expect(schema.safeParse(undefined).error?.issues.map((issue) => issue.message)).toEqual(["required"]);
  });
});

describe("formatDateText", () => {
  it("shows an ISO date day first", () => {
    expect(formatDateText("2026-12-05")).toBe("05-12-2026");
  });
  it("shows anything else as typed, and nothing as empty", () => {
    expect(formatDateText("31-02-2026")).toBe("31-02-2026");
    expect(formatDateText("i går")).toBe("i går");
    expect(formatDateText(undefined)).toBe("");
    expect(formatDateText("")).toBe("");
  });
  it("reads back what it shows", () => {
    expect(parseDateText(formatDateText("1968-09-14"))).toBe("1968-09-14");
  });
});

describe("parseTimeText", () => {
  it.each([
    ["07:00", "07:00"],
    ["7:00", "07:00"],
    ["18:30", "18:30"],
    ["18.30", "18:30"],
    ["0730", "07:30"],
    ["23:59", "23:59"],
    ["00:00", "00:00"],
  ])("reads %j as %s", (text, time) => {
    expect(parseTimeText(text)).toBe(time);
  });
  it.each(["24:00", "12:60", "7", "7:5", "06:30 PM", "", "ab:cd"])("refuses %j", (text) => {
    expect(parseTimeText(text)).toBeNull();
  });
});
