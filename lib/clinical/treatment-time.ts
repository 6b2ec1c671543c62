// Time in treatment, as the caseload, the patient page and the rules count it (SPEC §5: days
// in treatment = asOf − treatmentStart in whole days).
import { daysBetween, weeksSince } from "./calendar";

/** Whole weeks since the treatment start; 0 in the first week and before the start. */
export function weeksInTreatment(treatmentStart: Date, on: Date): number {
  return Math.max(0, weeksSince(0, daysBetween(treatmentStart, on)));
}
