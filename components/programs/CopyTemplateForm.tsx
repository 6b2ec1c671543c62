"use client";
import { useActionState, useId } from "react";

import { type FormState, initialFormState } from "@/lib/present/forms/form-state";

import { useMessages } from "../i18n/MessagesProvider";
import { FormMessages } from "../ui/FormMessages";
import { TextField } from "../ui/TextField";

/** Copies a template under new names (Danish and English), behind a disclosure so the table stays compact. */
export function CopyTemplateForm({
  action,
  defaultNames,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  defaultNames: { nameDa: string; nameEn: string };
}) {
  const messages = useMessages();
  const text = { copy: messages.templates.copy, nameDa: messages.templates.nameDa, nameEn: messages.templates.nameEn };
  const [state, formAction, pending] = useActionState(action, initialFormState(defaultNames));
  const id = useId();
  return (
    <details open={state.attempt > 0}>
      <summary>{text.copy}</summary>
      <form
        key={state.attempt}
        action={formAction}
        noValidate
        className="stack inline-form"
        aria-busy={pending}
        aria-label={text.copy}
      >
        <FormMessages state={state} />
        <TextField
          id={`${id}-nameDa`}
          name="nameDa"
          label={text.nameDa}
          defaultValue={state.values.nameDa ?? defaultNames.nameDa}
          error={state.errors.nameDa}
          maxLength={120}
          lang="da"
        />
        <TextField
          id={`${id}-nameEn`}
          name="nameEn"
          label={text.nameEn}
          defaultValue={state.values.nameEn ?? defaultNames.nameEn}
          error={state.errors.nameEn}
          maxLength={120}
          lang="en"
        />
        <button type="submit" className="button secondary" disabled={pending}>
          {text.copy}
        </button>
      </form>
    </details>
  );
}
