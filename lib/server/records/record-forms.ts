// How the record forms' fields become the services' raw input. Lists (red flags, findings)
// and PSFS rows arrive as several form fields.
import { z } from "zod";

import type { FieldLimits } from "../../clinical/field-limits";
import type { Instrument } from "../../generated/prisma/enums";
import { formValues } from "../../present/forms/form-input";
import type { RecordKind } from "./clinical-records";
import { ASSESSMENT_FIELDS } from "./kinds/assessment-input";
import { INTERVENTION_FIELDS } from "./kinds/intervention-input";
import { MEASURED_INSTRUMENTS, measurementsFields } from "./kinds/measurements-input";
import { outcomeFields, PSFS_MAX_ITEMS } from "./kinds/outcome-input";

export const RECORD_FORM_KINDS = {
  assessment: "Assessment",
  outcome: "OutcomeMeasurement",
  intervention: "Intervention",
} as const satisfies Record<string, RecordKind>;
export type RecordFormKind = keyof typeof RECORD_FORM_KINDS;

/** A record kind in a URL or an action's argument. */
export const ZRecordFormKind = z
  .enum(Object.keys(RECORD_FORM_KINDS) as [RecordFormKind, ...RecordFormKind[]])
  .describe("kind");

export function rawRecordInput(kind: RecordFormKind, formData: FormData): Record<string, unknown> {
  const values = formValues(formData);
  if (kind === "assessment") {
    return {
      ...values,
      redFlags: formData.getAll("redFlags").map(String),
      findings: formData.getAll("findings").map(String),
    };
  }
  if (kind === "outcome") {
    const psfs = Array.from({ length: PSFS_MAX_ITEMS }, (_, i) => ({
      activity: values[`psfs.${i}.activity`],
      score: values[`psfs.${i}.score`],
    }));
    return {
      date: values.date,
      // A correction's one instrument and value; a new day's measurements, one field per instrument.
      instrument: values.instrument,
      value: values.value,
      measured: Object.fromEntries(MEASURED_INSTRUMENTS.map((instrument) => [instrument, values[instrument]])),
      psfs,
      idempotencyKey: values.idempotencyKey,
    };
  }
  return values;
}

/** What each field of a record form accepts, for its error text. */
export function recordFields(kind: RecordFormKind, raw: Record<string, unknown>): FieldLimits {
  if (kind === "assessment") return ASSESSMENT_FIELDS;
  if (kind === "outcome")
    return { ...measurementsFields(), ...outcomeFields(raw.instrument as Instrument | undefined) };
  return INTERVENTION_FIELDS;
}
