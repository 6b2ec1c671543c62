"use client";
import { useActionState } from "react";

import { type FormState, initialFormState } from "@/lib/present/forms/form-state";

import { useMessages } from "../i18n/MessagesProvider";
import { TextField } from "../ui/TextField";

/** First-step pain for today in one field, from the patient page. */
export function QuickNrsForm({
  action,
  today,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  today: string;
}) {
  const messages = useMessages();
  const text = {
    title: messages.outcome.quickNrs,
    value: messages.outcome.quickNrsValue,
    save: messages.outcome.quickNrsSave,
  };
  const [state, formAction, pending] = useActionState(action, initialFormState());
  return (
    <form
      key={state.attempt}
      action={formAction}
      noValidate
      className="quick-nrs"
      aria-label={text.title}
      aria-busy={pending}
    >
      <input type="hidden" name="$stay" value="yes" />
      <input type="hidden" name="date" value={today} />
      {/* The day's measurements with one instrument filled (kinds/measurements-input.ts). */}
      <TextField
        id="quick-value"
        name="NRS_FIRST_STEP"
        label={text.value}
        inputMode="numeric"
        defaultValue={state.values.NRS_FIRST_STEP}
        error={state.errors.NRS_FIRST_STEP ?? state.errors.date ?? state.errors.form}
      />
      <button type="submit" className="button secondary" disabled={pending}>
        {text.save}
      </button>
    </form>
  );
}
