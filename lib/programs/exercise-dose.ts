// How each exercise is dosed, so each shows its own dose (SPEC §6): the heel raise as sets ×
// repetitions with a load, the fascia stretch and towel curls as holds a number of times a day,
// calf lowering as repetitions a number of times a day, run/walk as intervals — never "sets ×
// reps, body weight" where that means nothing. The phase's numbers fill in the dose: for holds
// and repetitions `sets` is times a day and `reps` the holds or repetitions; for run/walk `sets`
// is the intervals and `reps` the minutes of each run and walk.
import type { Messages } from "../i18n";
import type { Exercise, ProgramPhase } from "./default-templates";

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

/** "10", or "5–10" for a range. */
function span(low: number, high: number): string {
  return low === high ? String(low) : `${low}–${high}`;
}

/** The dose of a phase's exercise in the user's language. */
export function doseText(phase: Pick<ProgramPhase, "exercise" | "sets" | "reps">, messages: Messages): string {
  const text = messages.prescription;
  const dose = doseOf(phase.exercise);
  switch (dose.kind) {
    case "HOLDS":
      return text.holds(span(...dose.holdSeconds), span(...phase.reps), phase.sets);
    case "REPS":
      return text.reps(span(...phase.reps), phase.sets);
    case "INTERVALS":
      return text.intervals(phase.sets, phase.reps[0]);
    case "SETS_REPS":
      return text.setsReps(phase.sets, phase.reps[0], phase.reps[1]);
  }
}
