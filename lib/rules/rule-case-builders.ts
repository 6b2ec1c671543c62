// Builders of rule cases for the rules' tests: an episode from START with nothing recorded,
// and rows that state only what a test is about. Not used by the app.
import type { RuleCase } from "./case";
import { evaluate } from "./evaluate";

export const START = "2026-01-01";
export const plus = (days: number, from = START) => new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

type Assessment = RuleCase["assessments"][number];
type Outcome = RuleCase["outcomes"][number];

export function makeCase(overrides: Partial<RuleCase> = {}): RuleCase {
  return {
    id: "c1",
    episode: { symptomOnset: "2025-11-01", treatmentStart: START, status: "active" },
    assessments: [],
    outcomes: [],
    programs: [],
    sessions: [],
    interventions: [],
    ...overrides,
  };
}

/** A visit with both tests positive and the red-flag screen done, finding nothing. */
export const visit = (date: string, extra: Partial<Assessment> = {}): Assessment => ({
  date, palpationPositive: true, windlassPositive: true, redFlagsScreened: true, redFlags: [], findings: [], walkToleranceMin: null, walkNextMorningWorse: null, ...extra,
});

/** A measurement taken in the clinic. */
export const clinic = (date: string, value: number, instrument: Outcome["instrument"] = "NRS_FIRST_STEP"): Outcome => ({ date, instrument, value, recordedBy: "CLINICIAN" });

/** A first-step pain the patient logged in the portal diary. */
export const diary = (date: string, value: number): Outcome => ({ date, instrument: "NRS_FIRST_STEP", value, recordedBy: "PATIENT" });

export const codes = (c: RuleCase, asOf: string) => evaluate(c, asOf).map((f) => f.code);
export const flag = (c: RuleCase, asOf: string, code: string) => evaluate(c, asOf).find((f) => f.code === code);
