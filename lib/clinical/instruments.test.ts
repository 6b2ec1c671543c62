import { describe, expect, it } from "vitest";
import { INSTRUMENTS, isValidValue, mcidBand, mcidFrom } from "./instruments";

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
});
