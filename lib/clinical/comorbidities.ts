// Conditions of the patient that change the advice we give (SPEC §3), not the rules: with
// reduced sensation or poor circulation, ice can harm skin without the patient feeling it; with
// diabetes, a corticosteroid injection can raise blood sugar for some days.
export const COMORBIDITIES = ["DIABETES", "PERIPHERAL_NEUROPATHY", "PERIPHERAL_ARTERIAL_DISEASE"] as const;
export type Comorbidity = (typeof COMORBIDITIES)[number];

/** No ice for a patient with reduced sensation or poor circulation. */
export function iceIsUnsafe(comorbidities: readonly string[]): boolean {
  return comorbidities.includes("PERIPHERAL_NEUROPATHY") || comorbidities.includes("PERIPHERAL_ARTERIAL_DISEASE");
}

/** A note on blood sugar belongs beside an injection review for a patient with diabetes. */
export function needsBloodSugarNote(comorbidities: readonly string[]): boolean {
  return comorbidities.includes("DIABETES");
}
