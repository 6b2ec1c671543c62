import { describe, expect, it } from "vitest";

import { parseNumber } from "./parse-number";

describe("parseNumber", () => {
  it("takes a decimal comma or point, and spaces around", () => {
    expect(parseNumber("2,5", 1)).toEqual({ ok: true, value: 2.5 });
    expect(parseNumber("2.5", 1)).toEqual({ ok: true, value: 2.5 });
    expect(parseNumber(" 7 ", 0)).toEqual({ ok: true, value: 7 });
    expect(parseNumber("-5", 0)).toEqual({ ok: true, value: -5 });
  });

  it.each(["1e1", "0x10", "Infinity", "NaN", "1 000", "1.000,5", "", "2,", ",5", "+3", "٣"])("refuses %j", (text) => {
    expect(parseNumber(text, 2)).toEqual({ ok: false, error: "notANumber" });
  });

  it("refuses more decimals than the field keeps", () => {
    expect(parseNumber("2,5", 0)).toEqual({ ok: false, error: "wholeNumber" });
    expect(parseNumber("2,55", 1)).toEqual({ ok: false, error: "tooManyDecimals" });
    expect(parseNumber("2,50", 2)).toEqual({ ok: true, value: 2.5 });
  });
});
