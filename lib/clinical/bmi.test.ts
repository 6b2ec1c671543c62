import { describe, expect, it } from "vitest";

import { bmi } from "./bmi";

describe("bmi", () => {
  it("derives kg/m² from height and weight", () => {
    expect(bmi(180, 81)).toBe(25);
    expect(bmi(165, 72.5)).toBe(26.6);
  });
  it("is unknown without both", () => {
    expect(bmi(null, 80)).toBeNull();
    expect(bmi(170, undefined)).toBeNull();
  });
});
