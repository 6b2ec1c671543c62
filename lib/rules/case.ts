// The data of one episode as the rules read it (SPEC §5 "Rules from the command line").
// Dates are calendar dates, yyyy-mm-dd.
import type { Instrument, InterventionType, ProgramKind } from "../generated/prisma/enums";
import type { Finding, RedFlag } from "../clinical/red-flags";

export type RuleCase = {
  id: string;
  episode: { symptomOnset: string; treatmentStart: string; status: "active" | "paused" | "discharged" };
  assessments: {
    date: string;
    palpationPositive: boolean | null;
    windlassPositive: boolean | null;
    redFlags: RedFlag[];
    findings: Finding[];
    walkToleranceMin: number | null;
    walkNextMorningWorse: boolean | null;
  }[];
  outcomes: { date: string; instrument: Instrument; value: number }[];
  programs: { kind: ProgramKind; start: string; sessionsPerWeek: number; status: "active" | "ended" }[];
  sessions: { date: string; kind: ProgramKind; completed: boolean; painDuring: number | null }[];
  interventions: { date: string; type: InterventionType }[];
};

export const SEVERITIES = ["urgent", "high", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RULE_CODES = [
  "RED_FLAG",
  "DIAGNOSIS_DOUBT",
  "WORSENING",
  "NO_IMPROVEMENT",
  "LOAD_RESPONSE",
  "LOW_ADHERENCE",
  "SECOND_LINE_REVIEW",
  "INJECTION_REVIEW",
  "SURGERY_REVIEW",
  "FOLLOW_UP_OVERDUE",
  "BASELINE_MISSING",
  "RETURN_TO_RUN_READY",
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export type RuleFlag = {
  code: RuleCode;
  severity: Severity;
  /** The values and dates that triggered the rule. */
  evidence: Record<string, unknown>;
  recommendation: { da: string; en: string };
  source: string;
  ruleVersion: number;
};
