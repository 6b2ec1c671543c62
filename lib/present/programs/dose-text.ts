// The dose of an exercise in the user's language, from the dose facts of the kernel
// (lib/clinical/programs/exercise-dose.ts).
import type { PhaseExercise } from "../../clinical/programs/default-templates";
import { doseOf } from "../../clinical/programs/exercise-dose";
import type { Messages } from "../i18n";

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
