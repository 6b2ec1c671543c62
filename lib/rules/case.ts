// The data of one episode as the rules read it (SPEC §5 "Rules from the command line").
// Dates are calendar dates, yyyy-mm-dd.
import type { Finding, RedFlag } from "../clinical/red-flags";
import type { ReferenceKey } from "../clinical/references";
import type { Instrument, InterventionType, ProgramKind, RecordedBy } from "../generated/prisma/enums";
import type { Severity } from "./severity";

export type RuleCase = {
  id: string;
  episode: { symptomOnset: string; treatmentStart: string; status: "active" | "paused" | "discharged" };
  assessments: {
    date: string;
    palpationPositive: boolean | null;
    windlassPositive: boolean | null;
    /** Whether the red-flag screen was done at this visit; an unscreened visit neither raises nor clears a red flag. */
    redFlagsScreened: boolean;
    /** Every red flag the visit recorded, those its tests recorded included. */
    redFlags: RedFlag[];
    /** Every differential finding, those its tests recorded included. */
    findings: Finding[];
    walkToleranceMin: number | null;
    walkNextMorningWorse: boolean | null;
  }[];
  outcomes: { date: string; instrument: Instrument; value: number; recordedBy: RecordedBy }[];
  programs: { kind: ProgramKind; start: string; sessionsPerWeek: number; status: "active" | "ended" }[];
  /** Logged sessions of the loading programs: HSR and return to running. */
  sessions: { date: string; kind: LoadingProgramKind; completed: boolean; painDuring: number | null }[];
  interventions: { date: string; type: InterventionType }[];
};

/** Programs whose sessions load the fascia, and so count for LOAD_RESPONSE. */
export const LOADING_PROGRAM_KINDS = ["HSR", "RETURN_TO_RUN"] as const satisfies readonly ProgramKind[];
export type LoadingProgramKind = (typeof LOADING_PROGRAM_KINDS)[number];

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
  /** The references behind the rule and its thresholds (lib/clinical/references.ts). */
  sources: ReferenceKey[];
  ruleVersion: number;
};
