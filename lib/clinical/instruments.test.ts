import { describe, expect, it } from "vitest";

import { changeFromBaseline, INSTRUMENTS, isValidValue, mcidBand, mcidFrom } from "./instruments";

describe("instruments", () => {
  it("has the ranges and MCIDs of SPEC §4", () => {
    expect(INSTRUMENTS.LEFS).toMatchObject({ min: 0, max: 80, mcidPoints: 9, better: "higher" });
    expect(INSTRUMENTS.FFI).toMatchObject({ max: 100, mcidPoints: 7, better: "lower" });
    expect(INSTRUMENTS.FHSQ_PAIN.mcidPoints).toBe(13);
  });

  it("takes 2 points or 30 % of the baseline for NRS, whichever is smaller", () => {
    expect(mcidFrom("NRS_FIRST_STEP", 8)).toBe(2);
    expect(mcidFrom("NRS_FIRST_STEP", 5)).toBe(1.5);
    expect(mcidFrom("NRS_FIRST_STEP", 0)).toBe(2);
    expect(mcidFrom("FAAM_ADL", 50)).toBe(8);
  });

  it("clips the band to the range", () => {
    expect(mcidBand("NRS_FIRST_STEP", 9)).toEqual({ low: 7, high: 10 });
    expect(mcidBand("FAAM_ADL", 4)).toEqual({ low: 0, high: 12 });
  });

  it("checks range and precision", () => {
    expect(isValidValue("NRS_FIRST_STEP", 10)).toBe(true);
    expect(isValidValue("NRS_FIRST_STEP", 11)).toBe(false);
    expect(isValidValue("NRS_FIRST_STEP", 4.5)).toBe(false);
    expect(isValidValue("FAAM_ADL", 72.5)).toBe(true);
    expect(isValidValue("LEFS", -1)).toBe(false);
  });

  it("measures change in each instrument's better direction against its MCID", () => {
    expect(changeFromBaseline("NRS_FIRST_STEP", 7, 3)).toEqual({ change: -4, gain: 4, mcid: 2, improved: true });
    expect(changeFromBaseline("FFI", 40, 34)).toEqual({ change: -6, gain: 6, mcid: 7, improved: false });
    expect(changeFromBaseline("FAAM_ADL", 60, 52)).toEqual({ change: -8, gain: -8, mcid: 8, improved: false });
    // 30 % of 5 is 1.5: a drop of exactly 1.5 counts despite binary fractions.
    expect(changeFromBaseline("NRS_ACTIVITY", 5, 3.5).improved).toBe(true);
  });
});
