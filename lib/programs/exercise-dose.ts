// How each exercise is dosed, so each shows its own dose (SPEC §6): the heel raise as sets ×
// repetitions with a load, the fascia stretch as holds a number of times a day, run/walk as
// intervals — never "sets × reps, body weight" where that means nothing. The phase's numbers
// fill in the dose: for a stretch `sets` is times a day and `reps` the holds; for run/walk
// `sets` is the intervals and `reps` the minutes of each run and walk.
import type { Messages } from "../i18n";
import type { EXERCISES, ProgramPhase } from "./default-templates";

export type DoseKind = "SETS_REPS" | "HOLDS" | "INTERVALS";

export const EXERCISE_DOSE: Record<(typeof EXERCISES)[number], DoseKind> = {
  HEEL_RAISE_TOWEL: "SETS_REPS",
  PLANTAR_FASCIA_STRETCH: "HOLDS",
  RUN_WALK_INTERVALS: "INTERVALS",
};

/** Seconds each stretch is held (SPEC §6, first week: 10 s × 10, three times a day). */
export const STRETCH_HOLD_SECONDS = 10;

export function doseKind(exercise: string): DoseKind {
  return EXERCISE_DOSE[exercise as keyof typeof EXERCISE_DOSE] ?? "SETS_REPS";
}

/** The dose of a phase's exercise in the user's language. */
export function doseText(phase: Pick<ProgramPhase, "exercise" | "sets" | "reps">, messages: Messages): string {
  const text = messages.prescription;
  switch (doseKind(phase.exercise)) {
    case "HOLDS":
      return text.holds(STRETCH_HOLD_SECONDS, phase.reps[0], phase.sets);
    case "INTERVALS":
      return text.intervals(phase.sets, phase.reps[0]);
    case "SETS_REPS":
      return text.setsReps(phase.sets, phase.reps[0], phase.reps[1]);
  }
}
