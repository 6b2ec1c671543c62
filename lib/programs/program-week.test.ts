import { describe, expect, it } from "vitest";
import { phaseOfWeek, programWeek } from "./program-week";

const d = (ymd: string) => new Date(`${ymd}T00:00:00.000Z`);

describe("program week and phase", () => {
  it("counts weeks from the start day", () => {
    expect(programWeek(d("2026-03-02"), d("2026-03-01"))).toBeNull();
    expect(programWeek(d("2026-03-02"), d("2026-03-02"))).toBe(1);
    expect(programWeek(d("2026-03-02"), d("2026-03-08"))).toBe(1);
    expect(programWeek(d("2026-03-02"), d("2026-03-09"))).toBe(2);
  });

  it("maps HSR weeks to the four phases of SPEC §6", () => {
    expect([1, 3, 4, 6, 7, 9, 10, 12, 13].map((week) => phaseOfWeek("HSR", week))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 4]);
  });
});
