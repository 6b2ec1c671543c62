import { describe, expect, it } from "vitest";

import { countValues, median, quantile, quantileOfCounts } from "./statistics";

describe("quantiles", () => {
  it("the median of an odd count is the middle value, of an even count the mean of the middle two", () => {
    expect(median([7, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("quartiles interpolate between ranks (type 7): 1,2,3,4,5 → 2 and 4; 1,2,3,4 → 1.75 and 3.25", () => {
    expect(quantile([5, 4, 3, 2, 1], 0.25)).toBe(2);
    expect(quantile([5, 4, 3, 2, 1], 0.75)).toBe(4);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
  });

  it("a frequency table gives what the expanded list gives", () => {
    const values = [6, 6, 6, 2, 2, 9, 0.5, 6, 2];
    const table = countValues(values);
    expect(table).toHaveLength(4);
    for (const p of [0, 0.25, 0.5, 0.75, 1]) expect(quantileOfCounts(table, p)).toBe(quantile(values, p));
    // 0.5, 2, 2, 2, 6, 6, 6, 6, 9: the fifth of nine
    expect(quantileOfCounts(table, 0.5)).toBe(6);
    expect(quantileOfCounts([{ value: 3, count: 0 }], 0.5)).toBeNull();
  });
});
