"use client";
import { useActionState } from "react";

import { type FormState, initialFormState } from "@/lib/present/forms/form-state";

import { useMessages } from "../i18n/MessagesProvider";
import { FormMessages } from "../ui/FormMessages";

export function AcknowledgeForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const messages = useMessages();
  const text = { note: messages.flags.acknowledgeNote, submit: messages.flags.acknowledge };
  const [state, formAction, pending] = useActionState(action, initialFormState());
  return (
    <form key={state.attempt} action={formAction} noValidate className="stack inline-form" aria-busy={pending}>
      <FormMessages state={state} />
      <div className="field">
        <label htmlFor="note">{text.note}</label>
        <textarea
          id="note"
          name="note"
          rows={3}
          maxLength={1000}
          defaultValue={state.values.note}
          aria-invalid={Boolean(state.errors.note)}
          aria-describedby={state.errors.note ? "note-error" : undefined}
        />
        {state.errors.note && (
          <p id="note-error" className="field-error">
            {state.errors.note}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {text.submit}
        </button>
      </div>
    </form>
  );
}
