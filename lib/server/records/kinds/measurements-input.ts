// The outcome measurements of one day, entered in one form (usability finding 6): a baseline's
// five instruments are one save, not five round trips. Each filled instrument is checked by the
// one-measurement schema (outcome-input.ts), so the two forms accept exactly the same values;
// an empty field is an instrument not measured that day.
import type { z } from "zod";

import type { FieldLimits } from "../../../clinical/field-limits";
import { Instrument } from "../../../generated/prisma/enums";
import { isoDate } from "../../../platform/dates";
import { type FieldErrors, fieldErrorsOf } from "../../../present/forms/form-input";
import type { EpisodeBounds } from "../clinical-records";
import { outcomeFields, PSFS_MAX_ITEMS, zOutcomeInput } from "./outcome-input";

/** Every instrument in the order the form shows them (the schema's order). */
export const MEASURED_INSTRUMENTS = Object.values(Instrument);

type PsfsRow = { activity?: unknown; score?: unknown };
/** The form's raw values: the day, one value per instrument (PSFS as its rows). */
export type RawMeasurements = {
  date?: unknown;
  measured?: Partial<Record<Instrument, unknown>>;
  psfs?: PsfsRow[];
};

/** One instrument's value as the one-measurement schema makes it. */
export type MeasuredOutcome = z.output<ReturnType<ReturnType<typeof zOutcomeInput>>>;
export type MeasurementsResult =
  { status: "valid"; date: Date; outcomes: MeasuredOutcome[] } | { status: "invalid"; fieldErrors: FieldErrors };

const filled = (value: unknown) => typeof value === "string" && value.trim() !== "";

/**
 * The day's measurements, each as the one-measurement schema makes it; an error of a value is
 * said on that instrument's field. No instrument filled is an error on the form, unless the
 * caller allows it (a discharge of a patient who no longer comes cannot measure anything).
 */
export function parseMeasurements(
  raw: RawMeasurements,
  episode: EpisodeBounds,
  today: () => Date,
  { noneMeasured = "error" }: { noneMeasured?: "error" | "allowed" } = {},
): MeasurementsResult {
  const schema = zOutcomeInput(today)(episode);
  const psfs = (raw.psfs ?? []).slice(0, PSFS_MAX_ITEMS);
  const psfsFilled = psfs.some((row) => filled(row.activity) || filled(row.score));
  const chosen = MEASURED_INSTRUMENTS.filter((instrument) =>
    instrument === "PSFS" ? psfsFilled : filled(raw.measured?.[instrument]),
  );
  const fieldErrors: FieldErrors = {};
  const outcomes: MeasuredOutcome[] = [];
  // The date is checked once, on its own, so its error and every value's show together: a
  // value is checked as of the episode's first day while the date is wrong.
  const dateCheck = schema.safeParse({ date: raw.date, instrument: "NRS_FIRST_STEP", value: "0" });
  if (!dateCheck.success) Object.assign(fieldErrors, errorsOn(dateCheck.error, "NRS_FIRST_STEP"));
  const date = dateCheck.success ? raw.date : isoDate(episode.treatmentStart);
  if (chosen.length === 0 && noneMeasured === "error") fieldErrors.form ??= "noMeasurement";
  for (const instrument of chosen) {
    const parsed = schema.safeParse({ date, instrument, value: raw.measured?.[instrument], psfs });
    if (parsed.success) outcomes.push(parsed.data);
    else Object.assign(fieldErrors, errorsOn(parsed.error, instrument));
  }
  if (!dateCheck.success || Object.keys(fieldErrors).length > 0) return { status: "invalid", fieldErrors };
  return { status: "valid", date: dateCheck.data.date, outcomes };
}

/** The one-measurement schema's issues on this form's fields: `value` is the instrument's own field. */
function errorsOn(error: z.ZodError, instrument: Instrument): FieldErrors {
  const { value, ...errors } = fieldErrorsOf(error);
  return value ? { ...errors, [instrument]: value } : errors;
}

/** What each field of the form accepts, for its error text. */
export function measurementsFields(): FieldLimits {
  const fields: FieldLimits = {};
  for (const instrument of MEASURED_INSTRUMENTS) {
    const { value, ...psfs } = outcomeFields(instrument);
    if (value) fields[instrument] = value;
    Object.assign(fields, psfs);
  }
  return fields;
}
