"use client";
import { useState } from "react";

import { type FormState, initialFormState } from "@/lib/present/forms/form-state";

import { useMessages } from "../i18n/MessagesProvider";
import { DateField } from "../ui/DateField";
import { FormShell } from "../ui/FormShell";
import { SelectField } from "../ui/SelectField";
import { useResilientActionState } from "../ui/use-resilient-action";
import { recordFormCommon } from "./record-form-text";

export function InterventionForm({
  action,
  initial,
  types,
  cancelHref,
  injectionNote,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: Record<string, string | undefined>;
  types: { value: string; label: string }[];
  cancelHref: string;
  /** Shown when a corticosteroid injection is chosen (the patient has diabetes), else null. */
  injectionNote: string | null;
}) {
  const messages = useMessages();
  const text = { ...recordFormCommon(messages), type: messages.intervention.type, note: messages.intervention.note };
  const [state, formAction, pending] = useResilientActionState(action, initialFormState(initial), text.networkError);
  const v = state.values;
  const e = state.errors;
  const [type, setType] = useState(v.type ?? "");
  return (
    <FormShell state={state} formAction={formAction} pending={pending} labels={text} cancelHref={cancelHref} idempotent>
      <DateField id="date" label={text.date} defaultValue={v.date} required error={e.date} />
      <SelectField
        id="type"
        label={text.type}
        options={types}
        placeholder={text.choose}
        defaultValue={v.type ?? ""}
        onChange={(event) => setType(event.target.value)}
        required
        error={e.type}
      />
      {injectionNote && type === "CORTICOSTEROID_INJECTION" && (
        <p className="warning-box" role="note">
          {injectionNote}
        </p>
      )}
      <div className="field">
        <label htmlFor="note">{text.note}</label>
        <textarea id="note" name="note" rows={3} maxLength={1000} defaultValue={v.note} />
        {e.note && <p className="field-error">{e.note}</p>}
      </div>
    </FormShell>
  );
}
