// One episode's clinical state, derived once from one snapshot of its data (SPEC §5–§7, §10):
// its flags, each instrument's day values from baseline to latest, the first-step pain trend,
// the plan's status and each active program's prescription. The write funnel and the nightly
// sweep store what the caseload and the reminders read; the patient page, the portal and the
// handout read the same derivation. Two screens that worked a patient's state out separately
// would disagree, and here a disagreement can tell a patient with a suspected fracture to train.
import type { Instrument } from "../generated/prisma/enums";
import { dayNumber } from "./calendar";
import { type Prescription, prescriptionFor } from "./programs/prescription";
import type { CaseEpisodeStatus, CaseProgram, RuleCase, RuleFlag } from "./rules/case";
import { evaluateOn, type Holds, holdsOn, prepareCase } from "./rules/evaluate";
import { type InstrumentJudgement, judgeAll, type PainTrend, painTrend } from "./rules/instrument-judgement";
import type { RuleSettings } from "./rules/settings";

/**
 * What the patient is shown (SPEC §6 "Status"): ON_HOLD, no exercise and no dose, when a red
 * flag stands or the episode is paused; HOLD_LOAD, the exercise with a load that does not rise,
 * when worsening, a doubt about the diagnosis or a load response stands; else ACTIVE.
 */
export const PLAN_STATUSES = ["ACTIVE", "HOLD_LOAD", "ON_HOLD"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Every reason that applies, whatever the status, in this order. */
export const PLAN_REASONS = ["RED_FLAG", "EPISODE_PAUSED", "WORSENING", "DIAGNOSIS_DOUBT", "LOAD_RESPONSE"] as const;
export type PlanReason = (typeof PLAN_REASONS)[number];

export type Plan = { status: PlanStatus; reasons: PlanReason[] };

export function planOf(holds: Holds, episodeStatus: CaseEpisodeStatus): Plan {
  const applies: Record<PlanReason, boolean> = { ...holds, EPISODE_PAUSED: episodeStatus === "paused" };
  const reasons = PLAN_REASONS.filter((reason) => applies[reason]);
  const status: PlanStatus =
    applies.RED_FLAG || applies.EPISODE_PAUSED
      ? "ON_HOLD"
      : applies.WORSENING || applies.DIAGNOSIS_DOUBT || applies.LOAD_RESPONSE
        ? "HOLD_LOAD"
        : "ACTIVE";
  return { status, reasons };
}

/** Return to running is never offered to start beside a red flag or a doubt about the diagnosis (SPEC §6). */
export const mayStartRunning = (plan: Plan | null) =>
  !plan?.reasons.some((reason) => reason === "RED_FLAG" || reason === "DIAGNOSIS_DOUBT");

export type ProgramState = {
  program: CaseProgram;
  /** Null before the program starts. */ prescription: Prescription | null;
};

export type EpisodeState = {
  asOf: string;
  flags: RuleFlag[];
  /** Each instrument measured by `asOf`, from its baseline to its latest day value. */
  judged: InstrumentJudgement[];
  painTrend: PainTrend | null;
  plan: Plan;
  /** The active programs, in the case's order, each with its prescription; none once discharged. */
  programs: ProgramState[];
};

/** The state of one episode on `asOf`, with the clinic's settings. */
export function deriveEpisodeState(input: RuleCase, asOf: string, settings: RuleSettings): EpisodeState {
  const prepared = prepareCase(input);
  const now = dayNumber(asOf);
  const flags = evaluateOn(prepared, now, settings);
  const judged = judgeAll(prepared.dayValues, now, settings);
  const fires = (code: keyof Holds) => flags.some((flag) => flag.code === code);
  const plan = planOf(
    {
      RED_FLAG: fires("RED_FLAG"),
      WORSENING: fires("WORSENING"),
      DIAGNOSIS_DOUBT: fires("DIAGNOSIS_DOUBT"),
      LOAD_RESPONSE: fires("LOAD_RESPONSE"),
    },
    input.episode.status,
  );

  // The prescription asks about many days; each is worked out once.
  const holds = new Map<number, Holds>();
  const holdsAt = (day: number) => {
    let known = holds.get(day);
    if (!known) holds.set(day, (known = holdsOn(prepared, day, settings)));
    return known;
  };
  const context = {
    mornings: prepared.dayValues.get("NRS_FIRST_STEP" satisfies Instrument) ?? [],
    heldDay: (day: number) => Object.values(holdsAt(day)).some(Boolean),
    heldByFlag: (day: number) => {
      const h = holdsAt(day);
      return h.RED_FLAG || h.WORSENING || h.DIAGNOSIS_DOUBT;
    },
    limits: { maxPain: settings.loadResponseMaxPain, morningRise: settings.morningRise },
  };
  const programs =
    input.episode.status === "discharged"
      ? []
      : input.programs
          .filter((program) => program.status === "active")
          .map((program) => ({
            program,
            prescription: prescriptionFor(
              program,
              input.sessions.filter((s) => s.programId === program.id),
              context,
              asOf,
            ),
          }));
  return { asOf, flags, judged, painTrend: painTrend(judged), plan, programs };
}

/**
 * The program the caseload shows as the phase: HSR when one is active, else the active one
 * started last (of those started on the same day, the later listed).
 */
export function mainProgram(programs: readonly ProgramState[]): ProgramState | undefined {
  const hsr = programs.find((p) => p.program.kind === "HSR");
  if (hsr) return hsr;
  return [...programs].sort((a, b) => a.program.start.localeCompare(b.program.start)).at(-1);
}
