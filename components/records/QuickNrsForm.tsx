"use client";
import { useActionState } from "react";

import { type FormState, initialFormState } from "@/lib/forms/form-state";

import { TextField } from "../TextField";

/** First-step pain for today in one field, from the patient page. */
export function QuickNrsForm({
  action,
  today,
  text,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  today: string;
  text: { title: string; value: string; save: string };
}) {
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
