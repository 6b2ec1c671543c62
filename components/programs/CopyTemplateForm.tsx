"use client";
import { useActionState, useId } from "react";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { FormMessages } from "../FormMessages";
import { TextField } from "../TextField";

/** Copies a template under a new name, behind a disclosure so the table stays compact. */
export function CopyTemplateForm({
  action,
  defaultName,
  text,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  defaultName: string;
  text: { copy: string; name: string };
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState({ name: defaultName }));
  const id = useId();
  return (
    <details open={state.attempt > 0}>
      <summary>{text.copy}</summary>
      <form key={state.attempt} action={formAction} noValidate className="stack inline-form" aria-busy={pending} aria-label={text.copy}>
        <FormMessages state={state} />
        <TextField id={`${id}-name`} name="name" label={text.name} defaultValue={state.values.name ?? defaultName} error={state.errors.name} maxLength={120} />
        <button type="submit" className="button secondary" disabled={pending}>
          {text.copy}
        </button>
      </form>
    </details>
  );
}
