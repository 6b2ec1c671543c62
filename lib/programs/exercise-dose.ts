// How each exercise is dosed, so each shows its own dose (SPEC §6): the heel raise as sets ×
// repetitions with a load, the fascia stretch and towel curls as holds a number of times a day,
// calf lowering as repetitions a number of times a day, run/walk as intervals — never "sets ×
// reps, body weight" where that means nothing. The phase's numbers fill in the dose: for holds
// and repetitions `sets` is times a day and `reps` the holds or repetitions; for run/walk `sets`
// is the intervals and `reps` the minutes of each run and walk.
import type { Messages } from "../i18n";
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

function doseOf(exercise: string): Dose {
  return EXERCISE_DOSE[exercise as Exercise] ?? { kind: "SETS_REPS" };
}

export function doseKind(exercise: string): DoseKind {
  return doseOf(exercise).kind;
}

/** "10", "5–10" for a range, or "up to 10" for one that starts at 1 (the article's towel curls). */
function span(low: number, high: number, messages: Messages): string {
  if (low === high) return String(low);
  return low === 1 ? messages.prescription.upTo(high) : `${low}–${high}`;
}

/** The dose of an exercise in the user's language. */
export function doseText(exercise: Pick<PhaseExercise, "exercise" | "sets" | "reps">, messages: Messages): string {
  const text = messages.prescription;
  const dose = doseOf(exercise.exercise);
  switch (dose.kind) {
    case "HOLDS":
      return text.holds(span(...dose.holdSeconds, messages), span(...exercise.reps, messages), exercise.sets);
    case "REPS":
      return text.reps(span(...exercise.reps, messages), exercise.sets);
    case "INTERVALS":
      return text.intervals(exercise.sets, exercise.reps[0]);
    case "SETS_REPS":
      return text.setsReps(exercise.sets, exercise.reps[0], exercise.reps[1]);
  }
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
