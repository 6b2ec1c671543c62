import { describe, expect, it } from "vitest";

import { programWeek } from "./program-week";

const d = (ymd: string) => new Date(`${ymd}T00:00:00.000Z`);

describe("program week", () => {
  it("counts weeks from the start day", () => {
    expect(programWeek(d("2026-03-02"), d("2026-03-01"))).toBeNull();
    expect(programWeek(d("2026-03-02"), d("2026-03-02"))).toBe(1);
    expect(programWeek(d("2026-03-02"), d("2026-03-08"))).toBe(1);
    expect(programWeek(d("2026-03-02"), d("2026-03-09"))).toBe(2);
  });
});
