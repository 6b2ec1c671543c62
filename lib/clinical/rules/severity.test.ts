import { describe, expect, it } from "vitest";

import { SEVERITIES, severityOfRank, severityRank } from "./severity";

describe("severity order", () => {
  it("ranks urgent highest and maps every rank back to its severity", () => {
    expect(SEVERITIES.map(severityRank)).toEqual([4, 3, 2, 1]);
    for (const severity of SEVERITIES) expect(severityOfRank(severityRank(severity))).toBe(severity);
    expect(severityOfRank(0)).toBeNull();
  });
});
