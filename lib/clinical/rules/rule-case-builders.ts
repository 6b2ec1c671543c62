// Builders of rule cases for the rules' tests: an episode from START with nothing recorded,
// and rows that state only what a test is about. Not used by the app.
import type { ProgramKind } from "../../generated/prisma/enums";
import { plusDays } from "../calendar";
import { DEFAULT_TEMPLATES } from "../programs/default-templates";
import type { CaseProgram, CaseSession, RuleCase } from "./case";
import { evaluate } from "./evaluate";

export const START = "2026-01-01";
export const plus = (days: number, from = START) => plusDays(from, days);

type Assessment = RuleCase["assessments"][number];
type Outcome = RuleCase["outcomes"][number];

export function makeCase(overrides: Partial<RuleCase> = {}): RuleCase {
  return {
    id: "c1",
    episode: { symptomOnset: "2025-11-01", treatmentStart: START, status: "active", dischargedAt: null },
    assessments: [],
    outcomes: [],
    programs: [],
    sessions: [],
    interventions: [],
    ...overrides,
  };
}

/** A visit with both tests positive, the red-flag screen done and the differentials examined, finding nothing. */
export const visit = (date: string, extra: Partial<Assessment> = {}): Assessment => ({
  date,
  palpationPositive: true,
  windlassPositive: true,
  redFlagsScreened: true,
  redFlags: [],
  differentialsExamined: true,
  findings: [],
  walkToleranceMin: null,
  walkNextMorningWorse: null,
  ...extra,
});

/** A measurement taken in the clinic. */
export const clinic = (date: string, value: number, instrument: Outcome["instrument"] = "NRS_FIRST_STEP"): Outcome => ({
  date,
  instrument,
  value,
  recordedBy: "CLINICIAN",
});

/** A first-step pain the patient logged in the portal diary. */
export const diary = (date: string, value: number): Outcome => ({
  date,
  instrument: "NRS_FIRST_STEP",
  value,
  recordedBy: "PATIENT",
});

export const codes = (c: RuleCase, asOf: string) => evaluate(c, asOf).map((f) => f.code);
export const flag = (c: RuleCase, asOf: string, code: string) => evaluate(c, asOf).find((f) => f.code === code);

/** An active program of the default template of its kind, its id its kind (as sessions name it). */
export const program = (kind: ProgramKind, extra: Partial<CaseProgram> = {}): CaseProgram => {
  const template = DEFAULT_TEMPLATES.find((t) => t.kind === kind)!;
  return {
    id: kind,
    kind,
    template: template.key,
    start: START,
    sessionsPerWeek: 3,
    status: "active",
    startingLoadKg: 0,
    content: template.content,
    overrides: [],
    endedAt: null,
    ...extra,
  };
};

/** A session of a program of `kind`, done, with nothing logged but what is given. */
export const session = (date: string, extra: Partial<CaseSession> = {}): CaseSession => ({
  date,
  kind: "HSR",
  programId: extra.kind ?? "HSR",
  completed: true,
  painDuring: null,
  sets: null,
  reps: null,
  loadKg: null,
  effort: null,
  ...extra,
});
