// The prescription of a program for a date (SPEC §6, "The prescription", revision 2026-12-05).
// The program week sets the phase it aims for, but a week moves on only after a week that met
// its sessions without a load response, and not while a red flag, worsening or a doubt about
// the diagnosis stands (a pause, not a failure); two held weeks in a row step back one phase.
// Heavy-slow resistance is dosed by repetition maximum, so the load follows what the patient
// logged: two full sessions in a row (the sets, reps and load asked for, pain within the limit,
// the last reps not too heavy, both mornings logged and neither day held) raise it one step, a
// session the tissue did not tolerate lowers it one step. A clinician's override sets the phase
// or the load from its date. Pure: the portal, the patient page, the handout, the caseload's
// phase and `npm run programs:prescribe` all call it through lib/clinical/episode-state.ts.
import { dayNumber, firstDayOfWeek, programWeekOf } from "../calendar";
import { type DayValue, valueOn } from "../day-values";
import { type LoadLimits, responded } from "../load-response";
import type { CaseProgram, CaseSession } from "../rules/case";
import type { ProgramContent, ProgramPhase } from "./default-templates";
import { mainExercise } from "./exercise-dose";

export type WeekOutcome =
  | "START"
  | "ADVANCED"
  | "ON_SCHEDULE"
  | "HELD_FLAG"
  | "HELD_SESSIONS"
  | "HELD_LOAD_RESPONSE"
  | "STEPPED_BACK"
  | "OVERRIDDEN";

export type WeekReview = {
  week: number;
  /** The phase (1-based) the week ended in. */
  phase: number;
  outcome: WeekOutcome;
  prescribed: number;
  completed: number;
  /** A session of the week responded (pain above the limit, or a clearly worse next morning). */
  loadResponse: boolean;
};

/** Why the suggested load is what it is: what moved it last, or KEPT in an unloaded phase. */
export type LoadReason = "START" | "RAISED" | "LOWERED" | "OVERRIDDEN" | "KEPT";

export type Prescription = {
  week: number;
  /** The program day of the date (1 = the start date): which of the phase's exercises have started. */
  day: number;
  phase: number;
  phaseSpec: ProgramPhase;
  /** The main exercise's (the heel raise's, or the first exercise's) sets and reps. */
  sets: number;
  reps: [number, number];
  suggestedLoadKg: number;
  loadReason: LoadReason;
  tempo: ProgramContent["tempo"];
  /** The pain limit: the clinic's loadResponseMaxPain. */
  maxPain: number;
  /** Why the phase is what it is this week. */
  reason: WeekOutcome;
  weeks: WeekReview[];
  /** The program's length: the last phase's last week. */
  totalWeeks: number;
  /** Past its last week ("week 13 of 12"): maintenance, or a review is due. */
  completed: boolean;
};

/** What the prescription reads of the rest of the episode, worked out once per episode (episode-state.ts). */
export type PrescriptionContext = {
  /** First-step pain as day values: the day's pain. */
  mornings: readonly DayValue[];
  /** A held day: RED_FLAG, WORSENING, DIAGNOSIS_DOUBT or LOAD_RESPONSE fires as of it. */
  heldDay: (day: number) => boolean;
  /** A held week's first day: RED_FLAG, WORSENING or DIAGNOSIS_DOUBT fires as of it. */
  heldByFlag: (day: number) => boolean;
  limits: LoadLimits;
};

/** The program's length in weeks: the last phase's last week. */
export const programWeeks = (content: Pick<ProgramContent, "phases">) =>
  Math.max(...content.phases.map((phase) => phase.weeks[1]));

/** Phases dosed with external load (a backpack), where the load rule applies to the heel raise. */
export const isLoaded = (phase: ProgramPhase) =>
  phase.load === "ADD_LOAD" || phase.load === "MORE_LOAD" || phase.load === "HIGH_LOAD";

/** The phase (1-based) whose weeks hold `week`; past the last week, the last phase. */
export function scheduledPhase(content: ProgramContent, week: number): number {
  const index = content.phases.findIndex((phase) => week >= phase.weeks[0] && week <= phase.weeks[1]);
  return index === -1 ? content.phases.length : index + 1;
}

const EPSILON = 1e-9;
/** Loads keep one decimal, as they are stored. */
const kg = (value: number) => Math.round(value * 10) / 10;

type Event =
  | { day: number; order: 0; phase: number }
  | { day: number; order: 1; loadKg: number }
  | { day: number; order: 2; session: CaseSession & { day: number } };

/** The prescription on `on`, or null before the program starts. `sessions` are the program's own, in the order made. */
export function prescriptionFor(
  program: CaseProgram,
  sessions: readonly CaseSession[],
  context: PrescriptionContext,
  on: string,
): Prescription | null {
  const { content } = program;
  const start = dayNumber(program.start);
  const today = dayNumber(on);
  if (today < start || content.phases.length === 0) return null;
  const currentWeek = programWeekOf(start, today);
  const totalWeeks = programWeeks(content);
  const step = content.loadStepKg;
  const { mornings, limits } = context;

  // Each week's events on or before `on`: on one date every phase change first, then the load
  // overrides, then the sessions, each kind in the order it was made (the sort is stable).
  const events = new Map<number, Event[]>();
  const add = (event: Event) => {
    if (event.day < start || event.day > today) return;
    const week = programWeekOf(start, event.day);
    const list = events.get(week);
    if (list) list.push(event);
    else events.set(week, [event]);
  };
  for (const o of program.overrides) {
    if (o.phase !== undefined) add({ day: dayNumber(o.date), order: 0, phase: o.phase });
    if (o.loadKg !== undefined) add({ day: dayNumber(o.date), order: 1, loadKg: o.loadKg });
  }
  for (const s of sessions) add({ day: dayNumber(s.date), order: 2, session: { ...s, day: dayNumber(s.date) } });
  for (const list of events.values()) list.sort((a, b) => a.day - b.day || a.order - b.order);

  const weeks: WeekReview[] = [];
  const load = { kg: program.startingLoadKg, streak: 0, reason: "START" as LoadReason };
  let phase = 1;
  let heldWeeks = 0;
  let inLoadedPhase = false;
  const spec = () => content.phases[phase - 1]!;
  /** Sets the phase; entering a loaded phase from an unloaded one (or starting in one) lifts the load to one step. */
  const enter = (next: number) => {
    phase = Math.min(Math.max(1, next), content.phases.length);
    const loaded = isLoaded(spec());
    if (loaded && !inLoadedPhase && load.kg < step - EPSILON) Object.assign(load, { kg: step, reason: "START" });
    inLoadedPhase = loaded;
  };

  for (let week = 1; week <= currentWeek; week += 1) {
    let outcome: WeekOutcome = "START";
    if (week === 1) {
      enter(1);
    } else if (week > totalWeeks) {
      // Maintenance: the phase is kept.
      outcome = "ON_SCHEDULE";
      heldWeeks = 0;
    } else {
      const previous = weeks[week - 2]!;
      const held: WeekOutcome | null = context.heldByFlag(firstDayOfWeek(start, week))
        ? "HELD_FLAG"
        : previous.loadResponse
          ? "HELD_LOAD_RESPONSE"
          : previous.completed < previous.prescribed
            ? "HELD_SESSIONS"
            : null;
      if (held === "HELD_FLAG") {
        // A pause, not a failure: the count of held weeks stays as it was.
        outcome = held;
      } else if (held) {
        heldWeeks += 1;
        outcome = held;
        if (heldWeeks >= 2) {
          // Phase 1 has nothing to step back to: the week keeps its hold.
          if (phase > 1) {
            enter(phase - 1);
            outcome = "STEPPED_BACK";
          }
          heldWeeks = 0;
        }
      } else {
        heldWeeks = 0;
        if (scheduledPhase(content, week) > phase) {
          enter(phase + 1);
          outcome = "ADVANCED";
        } else {
          outcome = "ON_SCHEDULE";
        }
      }
    }

    const weekEvents = events.get(week) ?? [];
    for (const event of weekEvents) {
      if (event.order === 0) {
        enter(event.phase);
        outcome = "OVERRIDDEN";
        heldWeeks = 0;
      } else if (!isLoaded(spec())) {
        // Sessions and load overrides in an unloaded phase are passed over.
      } else if (event.order === 1) {
        Object.assign(load, { kg: event.loadKg, streak: 0, reason: "OVERRIDDEN" });
      } else {
        applySession(event.session, week);
      }
    }
    const weekSessions = weekEvents.flatMap((event) => (event.order === 2 ? [event.session] : []));
    weeks.push({
      week,
      phase,
      outcome,
      prescribed: program.sessionsPerWeek,
      completed: weekSessions.filter((s) => s.completed).length,
      loadResponse: weekSessions.some((s) => responded(s, mornings, today, limits)),
    });
  }

  /** The load rule, one session at a time, in a loaded phase. */
  function applySession(session: CaseSession & { day: number }, week: number) {
    if (responded(session, mornings, today, limits)) {
      Object.assign(load, { kg: kg(Math.max(0, load.kg - step)), streak: 0, reason: "LOWERED" });
      return;
    }
    // Its next morning cannot be known yet: it changes nothing until it can.
    const painOn = (day: number) => valueOn(mornings, day) !== undefined;
    if (session.day === today || (session.day === today - 1 && !painOn(today))) return;
    const asked = mainExercise(spec());
    const full =
      session.completed &&
      session.sets !== null &&
      session.sets >= asked.sets &&
      session.reps !== null &&
      session.reps >= asked.reps[0] &&
      (session.loadKg ?? 0) >= load.kg - EPSILON &&
      session.painDuring !== null &&
      session.effort !== "TOO_HEAVY" &&
      painOn(session.day) &&
      painOn(session.day + 1) &&
      !context.heldDay(session.day) &&
      !context.heldDay(session.day + 1) &&
      week <= totalWeeks;
    if (!full) {
      load.streak = 0;
      return;
    }
    load.streak += 1;
    if (load.streak === 2) Object.assign(load, { kg: kg(load.kg + step), streak: 0, reason: "RAISED" });
  }

  const current = weeks.at(-1)!;
  const phaseSpec = spec();
  const loaded = isLoaded(phaseSpec);
  const main = mainExercise(phaseSpec);
  return {
    week: currentWeek,
    day: today - start + 1,
    phase,
    phaseSpec,
    sets: main.sets,
    reps: main.reps,
    suggestedLoadKg: loaded ? load.kg : 0,
    loadReason: loaded ? load.reason : "KEPT",
    tempo: content.tempo,
    maxPain: limits.maxPain,
    reason: current.outcome,
    weeks,
    totalWeeks,
    completed: currentWeek > totalWeeks,
  };
}
