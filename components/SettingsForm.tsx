"use client";
import { useActionState } from "react";

import { type FormState, initialFormState } from "@/lib/present/forms/form-state";

import { useMessages } from "./i18n/MessagesProvider";
import { FormMessages } from "./ui/FormMessages";
import { TextField } from "./ui/TextField";

export function SettingsForm({
  action,
  fields,
  initial,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: { name: string; label: string; hint: string }[];
  initial: Record<string, string>;
}) {
  const text = useMessages().settings;
  const [state, formAction, pending] = useActionState(action, initialFormState(initial));
  return (
    <form key={state.attempt} action={formAction} noValidate className="stack form-wide" aria-busy={pending}>
      <FormMessages state={state} />
      {fields.map((field) => (
        <TextField
          key={field.name}
          id={field.name}
          label={field.label}
          hint={field.hint}
          inputMode="decimal"
          defaultValue={state.values[field.name]}
          error={state.errors[field.name]}
        />
      ))}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? text.saving : text.save}
        </button>
      </div>
    </form>
  );
}
