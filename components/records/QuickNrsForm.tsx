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
      <input type="hidden" name="instrument" value="NRS_FIRST_STEP" />
      <input type="hidden" name="date" value={today} />
      <TextField
        id="quick-value"
        name="value"
        label={text.value}
        inputMode="numeric"
        defaultValue={state.values.value}
        error={state.errors.value ?? state.errors.date}
      />
      <button type="submit" className="button secondary" disabled={pending}>
        {text.save}
      </button>
    </form>
  );
}
