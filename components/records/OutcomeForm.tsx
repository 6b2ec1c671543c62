"use client";
import { useState } from "react";

import { type FormState, initialFormState } from "@/lib/present/forms/form-state";

import { useMessages } from "../i18n/MessagesProvider";
import { DateField } from "../ui/DateField";
import { FormShell } from "../ui/FormShell";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { useResilientActionState } from "../ui/use-resilient-action";
import { recordFormCommon } from "./record-form-text";

export type InstrumentInfo = { value: string; label: string; about: string; source: string };

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
    psfsIntro: messages.outcome.psfsIntro,
    psfsActivity: Array.from({ length: psfsItems }, (_, i) => messages.outcome.psfsActivity(i + 1)),
    psfsScore: Array.from({ length: psfsItems }, (_, i) => messages.outcome.psfsScore(i + 1)),
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
        <fieldset>
          <legend>{info?.label}</legend>
          <p className="hint">{text.psfsIntro}</p>
          {text.psfsActivity.map((label, i) => (
            <div key={label} className="psfs-row">
              <TextField
                id={`psfs.${i}.activity`}
                label={label}
                defaultValue={v[`psfs.${i}.activity`]}
                maxLength={120}
                error={e[`psfs.${i}.activity`]}
              />
              <TextField
                id={`psfs.${i}.score`}
                label={text.psfsScore[i]!}
                inputMode="numeric"
                defaultValue={v[`psfs.${i}.score`]}
                error={e[`psfs.${i}.score`]}
              />
            </div>
          ))}
        </fieldset>
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
