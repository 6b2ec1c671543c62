"use client";
import { type FormState, initialFormState } from "@/lib/present/forms/form-state";
import type { InstrumentInfo } from "@/lib/present/records/instrument-info";

import { useMessages } from "../i18n/MessagesProvider";
import { DateField } from "../ui/DateField";
import { FormShell } from "../ui/FormShell";
import { TextField } from "../ui/TextField";
import { useResilientActionState } from "../ui/use-resilient-action";
import { PsfsFields } from "./OutcomeForm";
import { recordFormCommon } from "./record-form-text";

/**
 * The day's outcome measurements in one form (a baseline's instruments are one save): a field
 * per instrument with its scale and MCID under the label, and the PSFS rows, prefilled with the
 * episode's activities. An empty field is an instrument not measured; correcting one
 * measurement later is OutcomeForm's.
 */
export function MeasurementsForm({
  action,
  initial,
  instruments,
  psfsItems,
  cancelHref,
  hints,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: Record<string, string | undefined>;
  instruments: InstrumentInfo[];
  /** How many PSFS activities the form offers (PSFS_MAX_ITEMS). */
  psfsItems: number;
  cancelHref: string;
  /** A line under an instrument's label, by instrument: what the clinic measured today already. */
  hints?: Partial<Record<string, string>>;
}) {
  const messages = useMessages();
  const text = { ...recordFormCommon(messages), ...messages.measurements };
  const [state, formAction, pending] = useResilientActionState(action, initialFormState(initial), text.networkError);
  return (
    <FormShell state={state} formAction={formAction} pending={pending} labels={text} cancelHref={cancelHref} idempotent>
      <MeasurementFields
        state={state}
        instruments={instruments}
        psfsItems={psfsItems}
        intro={text.intro}
        hints={hints}
      />
    </FormShell>
  );
}

/**
 * The day and a field per instrument (the PSFS as its rows), then the instruments' sources
 * folded away: the measurements form's fields, and a discharge's final measurements.
 * `hints` adds a line under an instrument's label (e.g. its value at baseline).
 */
export function MeasurementFields({
  state,
  instruments,
  psfsItems,
  intro,
  hints = {},
}: {
  state: Pick<FormState, "values" | "errors">;
  instruments: InstrumentInfo[];
  psfsItems: number;
  intro: string;
  hints?: Partial<Record<string, string>>;
}) {
  const messages = useMessages();
  const v = state.values;
  const e = state.errors;
  const psfs = instruments.find((info) => info.value === "PSFS");
  const hint = (info: InstrumentInfo) => [hints[info.value], info.about].filter(Boolean).join(" ");
  return (
    <>
      <DateField id="date" label={messages.record.date} defaultValue={v.date} required error={e.date} />
      <p className="hint">{intro}</p>
      <fieldset>
        <legend>{messages.measurements.scores}</legend>
        <p className="hint">{messages.outcome.totalsOnly}</p>
        {instruments
          .filter((info) => info !== psfs)
          .map((info) => (
            <TextField
              key={info.value}
              id={info.value}
              label={info.label}
              hint={hint(info)}
              inputMode="decimal"
              defaultValue={v[info.value]}
              error={e[info.value]}
            />
          ))}
      </fieldset>
      {psfs && <PsfsFields legend={psfs.label} values={v} errors={e} items={psfsItems} />}
      <details>
        <summary>{messages.measurements.sources}</summary>
        <ul>
          {instruments.map((info) => (
            <li key={info.value}>
              {info.label}. {info.source}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
