"use client";
import { useState } from "react";

import { type FormState, initialFormState } from "@/lib/present/forms/form-state";
import type { InstrumentInfo } from "@/lib/present/records/instrument-info";

import { useMessages } from "../i18n/MessagesProvider";
import { DateField } from "../ui/DateField";
import { FormShell } from "../ui/FormShell";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { useResilientActionState } from "../ui/use-resilient-action";
import { recordFormCommon } from "./record-form-text";

/** The PSFS rows: up to `items` activities in the patient's words, each scored 0–10. */
export function PsfsFields({
  legend,
  values,
  errors,
  items,
}: {
  legend: string;
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
  items: number;
}) {
  const text = useMessages().outcome;
  return (
    <fieldset>
      <legend>{legend}</legend>
      <p className="hint">{text.psfsIntro}</p>
      {Array.from({ length: items }, (_, i) => (
        <div key={i} className="psfs-row">
          <TextField
            id={`psfs.${i}.activity`}
            label={text.psfsActivity(i + 1)}
            defaultValue={values[`psfs.${i}.activity`]}
            maxLength={120}
            error={errors[`psfs.${i}.activity`]}
          />
          <TextField
            id={`psfs.${i}.score`}
            label={text.psfsScore(i + 1)}
            inputMode="numeric"
            defaultValue={values[`psfs.${i}.score`]}
            error={errors[`psfs.${i}.score`]}
          />
        </div>
      ))}
    </fieldset>
  );
}

export function OutcomeForm({
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
  const text = {
    ...recordFormCommon(messages),
    instrument: messages.outcome.instrument,
    value: messages.outcome.value,
    totalsOnly: messages.outcome.totalsOnly,
  };
  const [state, formAction, pending] = useResilientActionState(action, initialFormState(initial), text.networkError);
  const [instrument, setInstrument] = useState(initial.instrument ?? "");
  const info = instruments.find((item) => item.value === instrument);
  const v = state.values;
  const e = state.errors;
  return (
    <FormShell state={state} formAction={formAction} pending={pending} labels={text} cancelHref={cancelHref} idempotent>
      <DateField id="date" label={text.date} defaultValue={v.date} required error={e.date} />
      <SelectField
        id="instrument"
        label={text.instrument}
        options={instruments}
        placeholder={text.choose}
        value={instrument}
        onChange={(event) => setInstrument(event.target.value)}
        aria-describedby="instrument-about"
        error={e.instrument}
      />
      <div id="instrument-about" className="hint" aria-live="polite">
        {info && (
          <>
            <p>{info.about}</p>
            <p>{info.source}</p>
          </>
        )}
      </div>
      {instrument === "PSFS" ? (
        <PsfsFields legend={info?.label ?? ""} values={v} errors={e} items={psfsItems} />
      ) : (
        <>
          <TextField
            id="value"
            label={text.value}
            inputMode="decimal"
            defaultValue={v.value}
            required
            error={e.value}
          />
          <p className="hint">{text.totalsOnly}</p>
        </>
      )}
    </FormShell>
  );
}
