// Conditions of the patient that change the advice we give (SPEC §3), not the rules: with
// reduced sensation or poor circulation, ice can harm skin without the patient feeling it; with
// diabetes, a corticosteroid injection can raise blood sugar for some days.
export const COMORBIDITIES = ["DIABETES", "PERIPHERAL_NEUROPATHY", "PERIPHERAL_ARTERIAL_DISEASE"] as const;
export type Comorbidity = (typeof COMORBIDITIES)[number];

/**
 * The ice advice a patient gets: none with reduced sensation or poor circulation; with diabetes
 * only once sensation is checked, since diabetic neuropathy often goes undiagnosed; else ice.
 */
export function iceAdvice(comorbidities: readonly string[]): "NONE" | "IF_SENSATION_CHECKED" | "ICE" {
  if (comorbidities.includes("PERIPHERAL_NEUROPATHY") || comorbidities.includes("PERIPHERAL_ARTERIAL_DISEASE"))
    return "NONE";
  return comorbidities.includes("DIABETES") ? "IF_SENSATION_CHECKED" : "ICE";
}

/** A note on blood sugar belongs beside an injection review for a patient with diabetes. */
export function needsBloodSugarNote(comorbidities: readonly string[]): boolean {
  return comorbidities.includes("DIABETES");
}
