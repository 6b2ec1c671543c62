// The data of one episode as the clinical kernel reads it: the rules (SPEC §5), the
// prescription (§6) and the state every screen shows. The app loads it from the database
// (lib/server/episodes/episode-snapshot.ts); the rules and prescription commands read it from JSON
// (rules-input.ts). Dates are calendar dates, yyyy-mm-dd. Rows of one kind are in the order
// they were made: of two assessments on one date, the later listed is the later made.
import type { Instrument, InterventionType, ProgramKind, RecordedBy } from "../../generated/prisma/enums";
import type { ProgramContent } from "../programs/default-templates";
import type { Finding, RedFlag } from "../red-flags";
import type { ReferenceKey } from "../references";
import type { Severity } from "./severity";

export type CaseEpisodeStatus = "active" | "paused" | "discharged";

export type CaseAssessment = {
  date: string;
  palpationPositive: boolean | null;
  windlassPositive: boolean | null;
  /** Whether the red-flag screen was done at this visit; an unscreened visit neither raises nor clears a red flag. */
  redFlagsScreened: boolean;
  /** Every red flag the visit recorded, those its tests recorded included. */
  redFlags: RedFlag[];
  /** Whether the differentials were examined at this visit; an unexamined visit neither raises nor clears a finding. */
  differentialsExamined: boolean;
  /** Every differential finding, those its tests recorded included. */
  findings: Finding[];
  walkToleranceMin: number | null;
  walkNextMorningWorse: boolean | null;
};

/** How heavy the last reps of a session felt (SPEC §10, logging a session). */
export const EFFORTS = ["LIGHT", "AS_INTENDED", "TOO_HEAVY"] as const;
export type Effort = (typeof EFFORTS)[number];

export type ProgramOverrideInput = { date: string; phase?: number; loadKg?: number };

export type CaseProgram = {
  /** The assignment's id in the app; the command numbers its programs. */
  id: string;
  kind: ProgramKind;
  /** The template's key (hsr-12-weeks, …). */
  template: string;
  start: string;
  sessionsPerWeek: number;
  status: "active" | "ended";
  startingLoadKg: number;
  content: ProgramContent;
  /** A clinician's phase and load changes, in the order they were made. */
  overrides: ProgramOverrideInput[];
  /** When an ended program ended (the clinic report's adherence); null otherwise or unknown. */
  endedAt: string | null;
};

export type CaseSession = {
  date: string;
  kind: ProgramKind;
  /** The program it was logged for, or null for a session of no active program. */
  programId: string | null;
  completed: boolean;
  painDuring: number | null;
  sets: number | null;
  reps: number | null;
  loadKg: number | null;
  effort: Effort | null;
};

export type RuleCase = {
  id: string;
  episode: { symptomOnset: string; treatmentStart: string; status: CaseEpisodeStatus; dischargedAt: string | null };
  assessments: CaseAssessment[];
  outcomes: { date: string; instrument: Instrument; value: number; recordedBy: RecordedBy }[];
  programs: CaseProgram[];
  sessions: CaseSession[];
  interventions: { date: string; type: InterventionType }[];
};

/** Programs whose sessions load the fascia, and so count for LOAD_RESPONSE. */
export const LOADING_PROGRAM_KINDS = ["HSR", "RETURN_TO_RUN"] as const satisfies readonly ProgramKind[];
export type LoadingProgramKind = (typeof LOADING_PROGRAM_KINDS)[number];
export const isLoadingKind = (kind: ProgramKind): kind is LoadingProgramKind =>
  (LOADING_PROGRAM_KINDS as readonly ProgramKind[]).includes(kind);

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

/**
 * A rule hit. What a clinician reads (the recommendation) is rendered from the code and the
 * evidence when it is shown (lib/present/flags/flag-text.ts), so a wording fix reaches open flags.
 */
export type RuleFlag = {
  code: RuleCode;
  severity: Severity;
  /** The values and dates that triggered the rule. */
  evidence: Record<string, unknown>;
  /** The references behind the rule and its thresholds (lib/clinical/references.ts). */
  sources: ReferenceKey[];
  ruleVersion: number;
};
