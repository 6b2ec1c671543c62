"use client";
import { type FormState, initialFormState } from "@/lib/present/forms/form-state";

import { useMessages } from "../i18n/MessagesProvider";
import { DateField } from "../ui/DateField";
import { FormShell } from "../ui/FormShell";
import { TextField } from "../ui/TextField";
import { useResilientActionState } from "../ui/use-resilient-action";
import { type InstrumentInfo, PsfsFields } from "./OutcomeForm";
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
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: Record<string, string | undefined>;
  instruments: InstrumentInfo[];
  /** How many PSFS activities the form offers (PSFS_MAX_ITEMS). */
  psfsItems: number;
  cancelHref: string;
}) {
  const messages = useMessages();
  const text = { ...recordFormCommon(messages), ...messages.measurements };
  const [state, formAction, pending] = useResilientActionState(action, initialFormState(initial), text.networkError);
  const v = state.values;
  const e = state.errors;
  const psfs = instruments.find((info) => info.value === "PSFS");
  return (
    <FormShell state={state} formAction={formAction} pending={pending} labels={text} cancelHref={cancelHref} idempotent>
      <DateField id="date" label={text.date} defaultValue={v.date} required error={e.date} />
      <p className="hint">{text.intro}</p>
      <fieldset>
        <legend>{text.scores}</legend>
        <p className="hint">{messages.outcome.totalsOnly}</p>
        {instruments
          .filter((info) => info !== psfs)
          .map((info) => (
            <TextField
              key={info.value}
              id={info.value}
              label={info.label}
              hint={info.about}
              inputMode="decimal"
              defaultValue={v[info.value]}
              error={e[info.value]}
            />
          ))}
      </fieldset>
      {psfs && <PsfsFields legend={psfs.label} values={v} errors={e} items={psfsItems} />}
      <details>
        <summary>{text.sources}</summary>
        <ul>
          {instruments.map((info) => (
            <li key={info.value}>
              {info.label}. {info.source}
            </li>
          ))}
        </ul>
      </details>
    </FormShell>
  );
}
