// Conditions that change the advice a patient gets (SPEC §3; clinical review N16, N27).
import { describe, expect, it } from "vitest";

import { iceAdvice, needsBloodSugarNote } from "./comorbidities";

describe("advice that depends on the patient's conditions", () => {
  it("gives no ice with reduced sensation or poor circulation, ice only after a sensation check with diabetes, else ice", () => {
    expect(iceAdvice([])).toBe("ICE");
    expect(iceAdvice(["DIABETES"])).toBe("IF_SENSATION_CHECKED");
    expect(iceAdvice(["DIABETES", "PERIPHERAL_NEUROPATHY"])).toBe("NONE");
    expect(iceAdvice(["PERIPHERAL_ARTERIAL_DISEASE"])).toBe("NONE");
  });

  it("adds the blood-sugar note to an injection for a patient with diabetes only", () => {
    expect(needsBloodSugarNote(["DIABETES"])).toBe(true);
    expect(needsBloodSugarNote(["PERIPHERAL_NEUROPATHY"])).toBe(false);
  });
});
