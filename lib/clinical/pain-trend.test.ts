import { describe, expect, it } from "vitest";
import { painTrend } from "./pain-trend";

describe("painTrend", () => {
  it.each([
    [7, 5, "IMPROVING"], // a 2-point drop
    [7, 6, "STABLE"], // a 1-point drop
    [3, 2, "IMPROVING"], // 1 point is 33 % of 3
    [4, 3, "STABLE"], // 1 point is 25 % of 4
    [5, 7, "WORSENING"],
    [5, 6, "STABLE"],
    [0, 0, "STABLE"],
    [0, 1, "STABLE"],
  ] as const)("from %d to %d is %s", (baseline, latest, trend) => {
    expect(painTrend(baseline, latest)).toBe(trend);
  });

  it("is unknown without both values", () => {
    expect(painTrend(null, 4)).toBeNull();
    expect(painTrend(4, null)).toBeNull();
  });
});
