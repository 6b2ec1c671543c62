// The prescription of a program for a date (SPEC §6). The program week sets the phase it aims
// for, but a phase advances only after a week that met its sessions with no load response;
// after two held weeks in a row the patient steps back one phase. The suggested load follows
// the patient's logs (revision 2026-11-25b; heavy-slow resistance is dosed by repetition
// maximum): two full sessions in a row without a load response raise it one step, a load
// response lowers it one step, and a change of phase keeps it. A clinician's override sets the
// phase or the load from its date on. Pure: the app and the portal both call it.
import { loadResponse, morningPainByDate, type MorningPain } from "../clinical/load-response";
import type { ProgramContent, ProgramPhase } from "./default-templates";

export type LoggedSession = {
  date: string;
  completed: boolean;
  sets: number | null;
  reps: number | null;
  painDuring: number | null;
  loadKg: number | null;
};

export type ProgressionInput = {
  startDate: string;
  sessionsPerWeek: number;
  startingLoadKg: number;
  content: ProgramContent;
  sessions: LoggedSession[];
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

/** Why the suggested load is what it is: the last session or override that moved it. */
export type LoadReason = "START" | "RAISED" | "LOWERED" | "OVERRIDDEN" | "KEPT";

export type Prescription = {
  week: number;
  phase: number;
  phaseSpec: ProgramPhase;
  sets: number;
  reps: [number, number];
  suggestedLoadKg: number;
  loadReason: LoadReason;
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
export const programWeeks = (content: Pick<ProgramContent, "phases">) => Math.max(...content.phases.map((phase) => phase.weeks[1]));

/** Phases dosed with external load (a backpack), where the load rule applies. */
export const isLoaded = (phase: ProgramPhase) => phase.load === "ADD_LOAD" || phase.load === "MORE_LOAD" || phase.load === "HIGH_LOAD";

const DAY_MS = 86_400_000;
const toDay = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`) / DAY_MS;

export function scheduledPhase(content: ProgramContent, week: number): number {
  const index = content.phases.findIndex((phase) => week >= phase.weeks[0] && week <= phase.weeks[1]);
  return index === -1 ? content.phases.length : index + 1;
}

/**
 * The load rule, one session at a time: `streak` counts full sessions in a row. A session is
 * full when it was completed with every prescribed set and at least the prescribed reps, pain
 * during it at most the limit. A load response (pain above the limit, or a next morning worse
 * by the clinic's morning rise) lowers the load a step; two full sessions raise it a step.
 */
function applySession(
  state: { load: number; streak: number; reason: LoadReason },
  session: LoggedSession,
  phase: ProgramPhase,
  input: ProgressionInput,
  mornings: Map<string, number>,
) {
  const step = input.content.loadStepKg;
  const responded = loadResponse([session], mornings, { maxPain: input.content.maxPain, morningRise: input.morningRise }).hit;
  if (responded) {
    state.load = Math.max(0, state.load - step);
    state.streak = 0;
    state.reason = "LOWERED";
    return;
  }
  const full = session.completed && (session.sets ?? 0) >= phase.sets && (session.reps ?? 0) >= phase.reps[0];
  state.streak = full ? state.streak + 1 : 0;
  if (state.streak === 2) {
    state.load += step;
    state.streak = 0;
    state.reason = "RAISED";
  }
}

/** The prescription on `on`, or null before the program starts. */
/** Items by program week, each week's in the order given. */
function byWeek<T extends { date: string }>(items: T[], weekOf: (date: string) => number): Map<number, T[]> {
  const weeks = new Map<number, T[]>();
  for (const item of items) {
    const week = weekOf(item.date);
    const list = weeks.get(week);
    if (list) list.push(item);
    else weeks.set(week, [item]);
  }
  return weeks;
}

export function prescriptionFor(input: ProgressionInput, on: string): Prescription | null {
  const start = toDay(input.startDate);
  const today = toDay(on);
  if (today < start || input.content.phases.length === 0) return null;
  const currentWeek = Math.floor((today - start) / 7) + 1;
  const weekOf = (date: string) => Math.max(1, Math.floor((toDay(date) - start) / 7) + 1);
  // Mornings known on `on`; a session's next morning not logged yet counts as no worse.
  const mornings = morningPainByDate(input.morningPain.filter((p) => toDay(p.date) <= today));
  const sessions = input.sessions.filter((s) => toDay(s.date) >= start && toDay(s.date) <= today).sort((a, b) => a.date.localeCompare(b.date));
  const overrides = input.overrides.filter((o) => toDay(o.date) <= today).sort((a, b) => a.date.localeCompare(b.date));
  const limits = { maxPain: input.content.maxPain, morningRise: input.morningRise };
  // Each week's sessions and overrides, in date order, grouped once: the daily sweep asks this
  // for every active program, and filtering every list for every week made that its slowest part.
  const sessionsOf = byWeek(sessions, weekOf);
  const overridesOf = byWeek(overrides, weekOf);

  const weeks: WeekReview[] = [];
  let phase = 1;
  let held = 0;
  const load = { load: input.startingLoadKg, streak: 0, reason: "START" as LoadReason };
  for (let week = 1; week <= currentWeek; week += 1) {
    let outcome: WeekOutcome = "START";
    if (week > 1) {
      const previous = weeks[week - 2]!;
      if (previous.loadResponse || previous.completed < previous.prescribed) {
        held += 1;
        outcome = previous.loadResponse ? "HELD_LOAD_RESPONSE" : "HELD_SESSIONS";
        // Phase 1 has nothing to step back to: the patient simply stays there.
        if (held >= 2 && phase > 1) {
          phase -= 1;
          held = 0;
          outcome = "STEPPED_BACK";
        }
      } else {
        held = 0;
        outcome = scheduledPhase(input.content, week) > phase ? "ADVANCED" : "ON_SCHEDULE";
        if (outcome === "ADVANCED") phase += 1;
      }
    }
    const weekSessions = sessionsOf.get(week) ?? [];
    const weekOverrides = overridesOf.get(week) ?? [];
    for (const override of weekOverrides.filter((o) => o.phase !== undefined)) {
      phase = Math.min(Math.max(1, override.phase!), input.content.phases.length);
      outcome = "OVERRIDDEN";
    }
    const spec = input.content.phases[phase - 1]!;
    // A loaded phase starts from at least one step, so "add load" never reads "body weight".
    if (isLoaded(spec) && load.load < input.content.loadStepKg) load.load = input.content.loadStepKg;
    // The week's load overrides and sessions in date order (an override first on its day).
    const events = [
      ...weekOverrides.filter((o) => o.loadKg !== undefined).map((o) => ({ date: o.date, order: 0, override: o.loadKg!, session: null })),
      ...weekSessions.map((s) => ({ date: s.date, order: 1, override: null, session: s })),
    ].sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
    for (const event of events) {
      if (event.override !== null) {
        Object.assign(load, { load: event.override, streak: 0, reason: "OVERRIDDEN" });
        outcome = "OVERRIDDEN";
      } else if (isLoaded(spec)) {
        applySession(load, event.session!, spec, input, mornings);
      }
    }
    weeks.push({
      week,
      phase,
      outcome,
      prescribed: input.sessionsPerWeek,
      completed: weekSessions.filter((s) => s.completed).length,
      loadResponse: loadResponse(weekSessions, mornings, limits).hit,
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
    suggestedLoadKg: isLoaded(spec) ? load.load : 0,
    loadReason: isLoaded(spec) ? load.reason : "KEPT",
    tempo: input.content.tempo,
    maxPain: input.content.maxPain,
    reason: current.outcome,
    weeks,
    totalWeeks: programWeeks(input.content),
    completed: currentWeek > programWeeks(input.content),
  };
}
