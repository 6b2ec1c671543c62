// How each exercise is dosed, so each shows its own dose (SPEC §6): the heel raise as sets ×
// repetitions with a load, the fascia stretch and towel curls as holds a number of times a day,
// calf lowering as repetitions a number of times a day, run/walk as intervals — never "sets ×
// reps, body weight" where that means nothing. The phase's numbers fill in the dose: for holds
// and repetitions `sets` is times a day and `reps` the holds or repetitions; for run/walk `sets`
// is the intervals and `reps` the minutes of each run and walk. The dose in words is
// lib/present/programs/dose-text.ts.
import type { Exercise, PhaseExercise, ProgramPhase } from "./default-templates";

export type DoseKind = "SETS_REPS" | "HOLDS" | "REPS" | "INTERVALS";

type Dose =
  | { kind: "SETS_REPS" | "REPS" | "INTERVALS" }
  /** How long each hold lasts, in seconds, at least and at most. */
  | { kind: "HOLDS"; holdSeconds: readonly [number, number] };

export const EXERCISE_DOSE: Record<Exercise, Dose> = {
  HEEL_RAISE_TOWEL: { kind: "SETS_REPS" },
  // SPEC §6, first week: 10 s × 10, three times a day.
  PLANTAR_FASCIA_STRETCH: { kind: "HOLDS", holdSeconds: [10, 10] },
  // The article: scrunch the towel, hold 5–10 s, release; up to 10, 1–2 rounds a day.
  TOWEL_CURLS: { kind: "HOLDS", holdSeconds: [5, 10] },
  // The article: 10–20 repetitions, stopping if the pain turns sharp; no load, no set tempo.
  CALF_LOWERING: { kind: "REPS" },
  RUN_WALK_INTERVALS: { kind: "INTERVALS" },
};

export function doseOf(exercise: string): Dose {
  return EXERCISE_DOSE[exercise as Exercise] ?? { kind: "SETS_REPS" };
}

export function doseKind(exercise: string): DoseKind {
  return doseOf(exercise).kind;
}

/**
 * The exercise whose sets, reps and load a session logs and the load rule reads: the phase's
 * heel raise (its one sets-and-reps exercise, SPEC §6), or its first exercise where it has none.
 */
export function mainExercise(phase: Pick<ProgramPhase, "exercises">): PhaseExercise {
  return phase.exercises.find((e) => doseKind(e.exercise) === "SETS_REPS") ?? phase.exercises[0]!;
}

/** The phase's exercises to do on a program day (1 = the start date): those whose start day has come. */
export function exercisesOn(phase: Pick<ProgramPhase, "exercises">, programDay: number): PhaseExercise[] {
  return phase.exercises.filter((e) => e.fromDay <= programDay);
}
