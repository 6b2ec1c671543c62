// The program editor's fields (an admin editing a template, a clinician adjusting a patient's
// copy) as flat form names, e.g. "phase.1.sets", parsed into ProgramContent. The number of
// phases and their codes come from the content being edited; the editor changes their numbers.
import { z } from "zod";
import { type FieldLimits, numberLimit } from "../forms/field-limits";
import type { Locale } from "../generated/prisma/enums";
import { formatInputNumber } from "../i18n/format";
import { zChoice, zOptionalNumber, zRequiredNumber } from "../forms/form-input";
import { EXERCISES, LOAD_GUIDANCE, type ProgramContent } from "./default-templates";

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
};

const zInt = zRequiredNumber;
const zOptionalInt = zOptionalNumber;

/** What each editor field accepts, for its error text. */
export function programContentFields(content: ProgramContent): FieldLimits {
  const ranges: FieldLimits = {
    sessionsMin: RANGES.sessions, sessionsMax: RANGES.sessions, sessionsPerWeek: RANGES.sessions, loadStepKg: RANGES.loadStepKg,
    tempoUp: RANGES.tempoUp, tempoHold: RANGES.tempoHold, tempoDown: RANGES.tempoDown,
  };
  content.phases.forEach((_, i) => {
    Object.assign(ranges, {
      [`phase.${i}.from`]: RANGES.week, [`phase.${i}.to`]: RANGES.week, [`phase.${i}.sets`]: RANGES.sets,
      [`phase.${i}.repsLow`]: RANGES.reps, [`phase.${i}.repsHigh`]: RANGES.reps,
    });
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
    values[`phase.${i}.exercise`] = phase.exercise;
    values[`phase.${i}.sets`] = String(phase.sets);
    values[`phase.${i}.repsLow`] = String(phase.reps[0]);
    values[`phase.${i}.repsHigh`] = String(phase.reps[1]);
    values[`phase.${i}.load`] = phase.load;
  });
  return values;
}

/**
 * The schema for editing `base`: every number within sensible bounds, ranges in order, phases
 * in week order without gaps or overlaps, and a tempo either complete or left empty.
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
  base.phases.forEach((_, i) => {
    shape[`phase.${i}.from`] = zInt(RANGES.week);
    shape[`phase.${i}.to`] = zInt(RANGES.week);
    shape[`phase.${i}.exercise`] = zChoice(EXERCISES);
    shape[`phase.${i}.sets`] = zInt(RANGES.sets);
    shape[`phase.${i}.repsLow`] = zInt(RANGES.reps);
    shape[`phase.${i}.repsHigh`] = zInt(RANGES.reps);
    shape[`phase.${i}.load`] = zChoice(LOAD_GUIDANCE);
  });
  return z
    .object(shape)
    .superRefine((v, ctx) => {
      const order = (low: string, high: string) => {
        if ((v[low] as number) > (v[high] as number)) ctx.addIssue({ code: "custom", path: [high], message: "rangeOrder" });
      };
      order("sessionsMin", "sessionsMax");
      const tempo = [v.tempoUp, v.tempoHold, v.tempoDown];
      if (tempo.some((value) => value !== undefined) && tempo.some((value) => value === undefined)) {
        for (const field of ["tempoUp", "tempoHold", "tempoDown"]) if (v[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: "required" });
      }
      base.phases.forEach((_, i) => {
        order(`phase.${i}.from`, `phase.${i}.to`);
        order(`phase.${i}.repsLow`, `phase.${i}.repsHigh`);
        const expectedStart = i === 0 ? 1 : (v[`phase.${i - 1}.to`] as number) + 1;
        if (v[`phase.${i}.from`] !== expectedStart) ctx.addIssue({ code: "custom", path: [`phase.${i}.from`], message: "phaseGap" });
      });
    })
    .transform(
      (v): ProgramContent => ({
        sessionsPerWeek: [v.sessionsMin as number, v.sessionsMax as number],
        loadStepKg: v.loadStepKg as number,
        tempo: v.tempoUp === undefined ? null : { upSeconds: v.tempoUp as number, holdSeconds: v.tempoHold as number, downSeconds: v.tempoDown as number },
        phases: base.phases.map((phase, i) => ({
          code: phase.code,
          weeks: [v[`phase.${i}.from`] as number, v[`phase.${i}.to`] as number],
          exercise: v[`phase.${i}.exercise`] as string,
          sets: v[`phase.${i}.sets`] as number,
          reps: [v[`phase.${i}.repsLow`] as number, v[`phase.${i}.repsHigh`] as number],
          load: v[`phase.${i}.load`] as ProgramContent["phases"][number]["load"],
        })),
      }),
    );
}
