// Time in treatment, as the caseload, the patient page and the rules count it (SPEC §5: days
// in treatment = asOf − treatmentStart in whole days).
import { daysBetween } from "../dates";

/** Whole weeks since the treatment start; 0 in the first week and before the start. */
export function weeksInTreatment(treatmentStart: Date, on: Date): number {
  return Math.max(0, Math.floor(daysBetween(treatmentStart, on) / 7));
}
