// The prescription of a program for a date (SPEC §6): the program week sets the phase it aims
// for, but a phase advances only after a week that met its sessions with no load response;
// after two held weeks in a row the patient steps back one phase. A clinician's override sets
// the phase or the load from its date on. Pure: the app and the portal both call it.
import { loadResponse, morningPainByDate, type MorningPain } from "../clinical/load-response";
import type { ProgramContent, ProgramPhase } from "./default-templates";

export type ProgressionInput = {
  startDate: string;
  sessionsPerWeek: number;
  startingLoadKg: number;
  content: ProgramContent;
  sessions: { date: string; completed: boolean; painDuring: number | null; loadKg: number | null }[];
  morningPain: MorningPain[];
  overrides: { date: string; phase?: number; loadKg?: number }[];
  /** The clinic's LOAD_RESPONSE morning rise (rule settings), so the rules and the program agree. */
  morningRise: number;
};

export type WeekOutcome = "START" | "ADVANCED" | "ON_SCHEDULE" | "HELD_SESSIONS" | "HELD_LOAD_RESPONSE" | "STEPPED_BACK" | "OVERRIDDEN";

export type WeekReview = {
  week: number;
  /** The phase (1-based) the week was prescribed. */
  phase: number;
  outcome: WeekOutcome;
  prescribed: number;
  completed: number;
  loadResponse: boolean;
};

export type Prescription = {
  week: number;
  phase: number;
  phaseSpec: ProgramPhase;
  sets: number;
  reps: [number, number];
  suggestedLoadKg: number;
  tempo: ProgramContent["tempo"];
  maxPain: number;
  /** Why the phase is what it is this week. */
  reason: WeekOutcome;
  weeks: WeekReview[];
  /** The program's length: the last phase's last week. */
  totalWeeks: number;
  /** Past its last week ("week 13 of 12"): a review is due (end, maintain, or move on). */
  completed: boolean;
};

/** The program's length in weeks: the last phase's last week. */
export const programWeeks = (content: ProgramContent) => Math.max(...content.phases.map((phase) => phase.weeks[1]));

const DAY_MS = 86_400_000;
const toDay = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`) / DAY_MS;
/** Load added when a phase advances, taken off when it steps back. */
export const LOAD_STEP_KG = 2.5;

export function scheduledPhase(content: ProgramContent, week: number): number {
  const index = content.phases.findIndex((phase) => week >= phase.weeks[0] && week <= phase.weeks[1]);
  return index === -1 ? content.phases.length : index + 1;
}

/** The prescription on `on`, or null before the program starts. */
export function prescriptionFor(input: ProgressionInput, on: string): Prescription | null {
  const start = toDay(input.startDate);
  const today = toDay(on);
  if (today < start || input.content.phases.length === 0) return null;
  const currentWeek = Math.floor((today - start) / 7) + 1;
  const weekOf = (date: string) => Math.floor((toDay(date) - start) / 7) + 1;
  const mornings = morningPainByDate(input.morningPain.filter((p) => toDay(p.date) <= today));
  const sessions = input.sessions.filter((s) => toDay(s.date) >= start && toDay(s.date) <= today);
  const overrides = input.overrides.filter((o) => toDay(o.date) <= today).sort((a, b) => a.date.localeCompare(b.date));

  const weeks: WeekReview[] = [];
  let phase = 1;
  let held = 0;
  let load = input.startingLoadKg;
  for (let week = 1; week <= currentWeek; week += 1) {
    let outcome: WeekOutcome = "START";
    if (week > 1) {
      const previous = weeks[week - 2]!;
      if (previous.loadResponse || previous.completed < previous.prescribed) {
        held += 1;
        outcome = previous.loadResponse ? "HELD_LOAD_RESPONSE" : "HELD_SESSIONS";
        // Phase 1 has nothing to step back to: the patient simply stays there.
        if (held >= 2 && phase > 1) {
          phase = Math.max(1, phase - 1);
          load = Math.max(0, load - LOAD_STEP_KG);
          held = 0;
          outcome = "STEPPED_BACK";
        }
      } else {
        held = 0;
        if (scheduledPhase(input.content, week) > phase) {
          phase += 1;
          load += input.content.phases[phase - 1]!.load === "BODY_WEIGHT" ? 0 : LOAD_STEP_KG;
          outcome = "ADVANCED";
        } else {
          outcome = "ON_SCHEDULE";
        }
      }
    }
    // Overrides made up to this week set the phase or the load from then on.
    for (const override of overrides.filter((o) => weekOf(o.date) === week || (week === 1 && weekOf(o.date) < 1))) {
      if (override.phase !== undefined) {
        phase = Math.min(Math.max(1, override.phase), input.content.phases.length);
        outcome = "OVERRIDDEN";
      }
      if (override.loadKg !== undefined) {
        load = override.loadKg;
        outcome = "OVERRIDDEN";
      }
    }
    const inWeek = sessions.filter((s) => weekOf(s.date) === week);
    weeks.push({
      week,
      phase,
      outcome,
      prescribed: input.sessionsPerWeek,
      completed: inWeek.filter((s) => s.completed).length,
      loadResponse: loadResponse(inWeek, mornings, { maxPain: input.content.maxPain, morningRise: input.morningRise }).hit,
    });
  }
  const current = weeks.at(-1)!;
  const spec = input.content.phases[current.phase - 1]!;
  return {
    week: currentWeek,
    phase: current.phase,
    phaseSpec: spec,
    sets: spec.sets,
    reps: spec.reps,
    suggestedLoadKg: spec.load === "BODY_WEIGHT" || spec.load === "NONE" ? 0 : load,
    tempo: input.content.tempo,
    maxPain: input.content.maxPain,
    reason: current.outcome,
    weeks,
    totalWeeks: programWeeks(input.content),
    completed: currentWeek > programWeeks(input.content),
  };
}
