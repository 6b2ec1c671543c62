import { describe, expect, it } from "vitest";

import { formatChange, formatNumber } from "./format";

describe("number formats", () => {
  it("writes a decimal comma in Danish and a point in English", () => {
    expect(formatNumber(71.5, "da")).toBe("71,5");
    expect(formatNumber(71.5, "en")).toBe("71.5");
  });

  it("signs a change with a plus or a typographic minus, and none for no change", () => {
    expect(formatChange(19, "da")).toBe("+19");
    expect(formatChange(-4.5, "da")).toBe("\u22124,5");
    expect(formatChange(-1.5, "en")).toBe("\u22121.5");
    expect(formatChange(0, "da")).toBe("0");
  });
});
