"use client";
import { useActionState } from "react";

import type { FormState } from "@/lib/present/forms/form-state";
import { initialFormState } from "@/lib/present/forms/form-state";

import { useMessages } from "../i18n/MessagesProvider";
import { FormShell } from "../ui/FormShell";

/**
 * Writes a message. Idempotent (FormShell): Send pressed again after a lost answer sends one
 * message. After a message is sent the field is empty for the next.
 */
export function MessageForm({
  action,
  maxLength,
  writer,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  maxLength: number;
  /** Who writes: the hint a patient reads is not the one a physiotherapist needs. */
  writer: "patient" | "clinic";
}) {
  const messages = useMessages();
  const text = {
    body: messages.conversation.body,
    bodyHint: (writer === "patient" ? messages.conversation.bodyHint : messages.conversation.bodyHintClinic)(maxLength),
    send: messages.conversation.send,
    sending: messages.conversation.sending,
  };
  const [state, formAction, pending] = useActionState(action, initialFormState());
  return (
    <FormShell
      state={state}
      formAction={formAction}
      pending={pending}
      labels={{ save: text.send, saving: text.sending }}
      className="stack message-form"
      idempotent
    >
      <div className="field">
        <label htmlFor="message-body">{text.body}</label>
        <p id="message-body-hint" className="hint">
          {text.bodyHint}
        </p>
        <textarea
          id="message-body"
          name="body"
          rows={4}
          maxLength={maxLength}
          defaultValue={state.values.body}
          aria-invalid={Boolean(state.errors.body)}
          aria-describedby={["message-body-hint", state.errors.body && "message-body-error"].filter(Boolean).join(" ")}
        />
        {state.errors.body && (
          <p id="message-body-error" className="field-error">
            {state.errors.body}
          </p>
        )}
      </div>
    </FormShell>
  );
}
