// The program editor's fields (an admin editing a template, a clinician adjusting a patient's
// copy) as flat form names, e.g. "phase.1.0.sets" (phase 2's first exercise), parsed into
// ProgramContent. The number of phases and their codes come from the content being edited; the
// editor changes their numbers and their exercises. Each phase offers one exercise slot more
// than it holds, left empty: choosing an exercise there adds one, emptying a slot removes one,
// so the editor works as a plain form (SPEC §6: a phase holds one or more exercises).
import { z } from "zod";

import { type FieldLimits, numberLimit } from "../../clinical/field-limits";
import {
  EXERCISES,
  LOAD_GUIDANCE,
  type PhaseExercise,
  type ProgramContent,
} from "../../clinical/programs/default-templates";
import { doseKind } from "../../clinical/programs/exercise-dose";
import type { Locale } from "../../generated/prisma/enums";
import { zChoice, zOptionalNumber, zRequiredNumber } from "../../present/forms/form-input";
import { formatInputNumber } from "../../present/i18n/format";

/** The bounds of each editable number (all whole numbers); the schema and the error messages both read them. */
const RANGES = {
  sessions: numberLimit(1, 7),
  tempoUp: numberLimit(1, 10),
  tempoHold: numberLimit(0, 10),
  tempoDown: numberLimit(1, 10),
  loadStepKg: numberLimit(0.5, 10, 1),
  week: numberLimit(1, 52),
  sets: numberLimit(1, 10),
  reps: numberLimit(1, 100),
  fromDay: numberLimit(1, 364),
};

/** How many exercise slots the editor shows for a phase: its exercises and one empty. */
export const exerciseSlots = (phase: ProgramContent["phases"][number]) => phase.exercises.length + 1;

/** The fields of one exercise slot: "phase.1.0.sets" and its siblings. */
const slot = (phase: number, index: number) => {
  const name = (field: string) => `phase.${phase}.${index}.${field}`;
  return {
    exercise: name("exercise"),
    sets: name("sets"),
    repsLow: name("repsLow"),
    repsHigh: name("repsHigh"),
    fromDay: name("fromDay"),
  };
};

const zInt = zRequiredNumber;
const zOptionalInt = zOptionalNumber;

/** What each editor field accepts, for its error text. */
export function programContentFields(content: ProgramContent): FieldLimits {
  const ranges: FieldLimits = {
    sessionsMin: RANGES.sessions,
    sessionsMax: RANGES.sessions,
    sessionsPerWeek: RANGES.sessions,
    loadStepKg: RANGES.loadStepKg,
    tempoUp: RANGES.tempoUp,
    tempoHold: RANGES.tempoHold,
    tempoDown: RANGES.tempoDown,
  };
  content.phases.forEach((phase, i) => {
    Object.assign(ranges, { [`phase.${i}.from`]: RANGES.week, [`phase.${i}.to`]: RANGES.week });
    for (let j = 0; j < exerciseSlots(phase); j += 1) {
      const f = slot(i, j);
      Object.assign(ranges, {
        [f.sets]: RANGES.sets,
        [f.repsLow]: RANGES.reps,
        [f.repsHigh]: RANGES.reps,
        [f.fromDay]: RANGES.fromDay,
      });
    }
  });
  return ranges;
}

/** The form values that show `content` in the editor. */
export function programContentValues(content: ProgramContent, locale: Locale): Record<string, string> {
  const values: Record<string, string> = {
    sessionsMin: String(content.sessionsPerWeek[0]),
    sessionsMax: String(content.sessionsPerWeek[1]),
    loadStepKg: formatInputNumber(content.loadStepKg, locale),
    tempoUp: content.tempo ? String(content.tempo.upSeconds) : "",
    tempoHold: content.tempo ? String(content.tempo.holdSeconds) : "",
    tempoDown: content.tempo ? String(content.tempo.downSeconds) : "",
  };
  content.phases.forEach((phase, i) => {
    values[`phase.${i}.from`] = String(phase.weeks[0]);
    values[`phase.${i}.to`] = String(phase.weeks[1]);
    values[`phase.${i}.load`] = phase.load;
    phase.exercises.forEach((exercise, j) => {
      const f = slot(i, j);
      Object.assign(values, {
        [f.exercise]: exercise.exercise,
        [f.sets]: String(exercise.sets),
        [f.repsLow]: String(exercise.reps[0]),
        [f.repsHigh]: String(exercise.reps[1]),
        [f.fromDay]: String(exercise.fromDay),
      });
    });
  });
  return values;
}

/**
 * The schema for editing `base`: every number within sensible bounds, ranges in order, phases
 * in week order without gaps or overlaps, a tempo either complete or left empty, and each phase
 * with at least one exercise, none twice and at most one heel raise (the loaded exercise).
 */
export function programContentSchema(base: ProgramContent) {
  const shape: Record<string, z.ZodType> = {
    sessionsMin: zInt(RANGES.sessions),
    sessionsMax: zInt(RANGES.sessions),
    loadStepKg: zInt(RANGES.loadStepKg),
    tempoUp: zOptionalInt(RANGES.tempoUp),
    tempoHold: zOptionalInt(RANGES.tempoHold),
    tempoDown: zOptionalInt(RANGES.tempoDown),
  };
  base.phases.forEach((phase, i) => {
    shape[`phase.${i}.from`] = zInt(RANGES.week);
    shape[`phase.${i}.to`] = zInt(RANGES.week);
    shape[`phase.${i}.load`] = zChoice(LOAD_GUIDANCE);
    // An empty slot's numbers are not read: they are checked only where an exercise is chosen.
    for (let j = 0; j < exerciseSlots(phase); j += 1) {
      const f = slot(i, j);
      shape[f.exercise] = zChoice(EXERCISES).optional();
      shape[f.sets] = zOptionalInt(RANGES.sets);
      shape[f.repsLow] = zOptionalInt(RANGES.reps);
      shape[f.repsHigh] = zOptionalInt(RANGES.reps);
      shape[f.fromDay] = zOptionalInt(RANGES.fromDay);
    }
  });
  const exercisesOf = (v: Record<string, unknown>, i: number) =>
    Array.from({ length: exerciseSlots(base.phases[i]!) }, (_, j) => slot(i, j)).filter(
      (f) => v[f.exercise] !== undefined,
    );
  return z
    .object(shape)
    .superRefine((v, ctx) => {
      const issue = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [field], message });
      const order = (low: string, high: string) => {
        if ((v[low] as number) > (v[high] as number)) issue(high, "rangeOrder");
      };
      order("sessionsMin", "sessionsMax");
      const tempo = [v.tempoUp, v.tempoHold, v.tempoDown];
      if (tempo.some((value) => value !== undefined) && tempo.some((value) => value === undefined)) {
        for (const field of ["tempoUp", "tempoHold", "tempoDown"]) if (v[field] === undefined) issue(field, "required");
      }
      base.phases.forEach((_, i) => {
        order(`phase.${i}.from`, `phase.${i}.to`);
        const expectedStart = i === 0 ? 1 : (v[`phase.${i - 1}.to`] as number) + 1;
        if (v[`phase.${i}.from`] !== expectedStart) issue(`phase.${i}.from`, "phaseGap");
        const chosen = exercisesOf(v, i);
        if (chosen.length === 0) issue(slot(i, 0).exercise, "phaseWithoutExercise");
        const seen = new Set<unknown>();
        let heelRaises = 0;
        for (const f of chosen) {
          for (const field of [f.sets, f.repsLow, f.repsHigh, f.fromDay])
            if (v[field] === undefined) issue(field, "required");
          order(f.repsLow, f.repsHigh);
          if (seen.has(v[f.exercise])) issue(f.exercise, "exerciseTwice");
          seen.add(v[f.exercise]);
          if (doseKind(v[f.exercise] as string) === "SETS_REPS" && ++heelRaises > 1)
            issue(f.exercise, "oneLoadedExercise");
        }
      });
    })
    .transform((v): ProgramContent => ({
      sessionsPerWeek: [v.sessionsMin as number, v.sessionsMax as number],
      loadStepKg: v.loadStepKg as number,
      tempo:
        v.tempoUp === undefined
          ? null
          : { upSeconds: v.tempoUp as number, holdSeconds: v.tempoHold as number, downSeconds: v.tempoDown as number },
      phases: base.phases.map((phase, i) => {
        const exercises = exercisesOf(v, i).map((f): PhaseExercise => ({
          exercise: v[f.exercise] as string,
          sets: v[f.sets] as number,
          reps: [v[f.repsLow] as number, v[f.repsHigh] as number],
          fromDay: v[f.fromDay] as number,
        }));
        return {
          code: phase.code,
          weeks: [v[`phase.${i}.from`] as number, v[`phase.${i}.to`] as number],
          exercises,
          load: v[`phase.${i}.load`] as ProgramContent["phases"][number]["load"],
        };
      }),
    }));
}
