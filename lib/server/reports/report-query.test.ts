import { describe, expect, it } from "vitest";

import { quickPeriods, reportSearch } from "./report-query";

describe("the report's quick periods", () => {
  it("are the last 3 and 12 months up to today, this year so far and the whole of last year", () => {
    expect(quickPeriods(new Date("2026-12-06T00:00:00Z"))).toEqual({
      last3Months: { from: "2026-09-07", to: "2026-12-06" },
      last12Months: { from: "2025-12-07", to: "2026-12-06" },
      thisYear: { from: "2026-01-01", to: "2026-12-06" },
      lastYear: { from: "2025-01-01", to: "2025-12-31" },
    });
  });

  it("keep the chosen clinician in their links", () => {
    const { lastYear } = quickPeriods(new Date("2026-03-31T00:00:00Z"));
    expect(reportSearch({ ...lastYear, clinician: "c" })).toBe("?from=2025-01-01&to=2025-12-31&clinician=c");
  });
});
