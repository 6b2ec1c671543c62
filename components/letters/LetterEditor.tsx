"use client";
import { useActionState } from "react";

import { type FormState, initialFormState } from "@/lib/present/forms/form-state";
import { LETTER_SECTIONS, type LetterSections } from "@/lib/present/letters/discharge-letter";

import { useMessages } from "../i18n/MessagesProvider";
import { useCloseOnSaved } from "../ui/FormDialog";
import { FormShell } from "../ui/FormShell";

/** The draft's sections as textareas; an error is said under its own section. */
export function LetterEditor({
  action,
  sections,
  maxLength,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  sections: LetterSections;
  maxLength: number;
}) {
  const text = useMessages().letter;
  const [state, formAction, pending] = useActionState(action, initialFormState(sections));
  return (
    <FormShell
      state={state}
      formAction={formAction}
      pending={pending}
      labels={{ save: text.save, saving: text.saving }}
      className="stack letter-editor"
    >
      {LETTER_SECTIONS.map((section) => {
        const error = state.errors[section];
        return (
          <div className="field" key={section}>
            <label htmlFor={`letter-${section}`}>{text.sections[section]}</label>
            <textarea
              id={`letter-${section}`}
              name={section}
              rows={section === "advice" || section === "course" || section === "result" ? 6 : 3}
              maxLength={maxLength}
              defaultValue={state.values[section]}
              aria-invalid={Boolean(error)}
              aria-describedby={error ? `letter-${section}-error` : undefined}
            />
            {error && (
              <p id={`letter-${section}-error`} className="field-error">
                {error}
              </p>
            )}
          </div>
        );
      })}
    </FormShell>
  );
}

/** Why a signed letter is corrected: the reason opens the next version. */
export function CorrectionForm({
  action,
  maxLength,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  maxLength: number;
}) {
  const text = useMessages().letter;
  const [state, formAction, pending] = useActionState(action, initialFormState());
  useCloseOnSaved(state);
  const error = state.errors.correctionReason;
  return (
    <FormShell
      state={state}
      formAction={formAction}
      pending={pending}
      labels={{ save: text.startCorrection, saving: text.saving }}
      className="stack"
    >
      <div className="field">
        <label htmlFor="correctionReason">{text.correctionReason}</label>
        <p id="correctionReason-hint" className="hint">
          {text.correctionHint}
        </p>
        <textarea
          id="correctionReason"
          name="correctionReason"
          rows={3}
          maxLength={maxLength}
          defaultValue={state.values.correctionReason}
          aria-invalid={Boolean(error)}
          aria-describedby={["correctionReason-hint", error && "correctionReason-error"].filter(Boolean).join(" ")}
        />
        {error && (
          <p id="correctionReason-error" className="field-error">
            {error}
          </p>
        )}
      </div>
    </FormShell>
  );
}

/** One button that runs a command and says why it did not, e.g. drafting the letter. */
export function CommandButton({ label, action }: { label: string; action: () => Promise<{ error: string | null }> }) {
  const [state, run, pending] = useActionState(async () => (await action()).error, null);
  return (
    <form action={run}>
      <button type="submit" className="button primary" disabled={pending}>
        {label}
      </button>
      {state && (
        <p role="alert" className="form-error">
          {state}
        </p>
      )}
    </form>
  );
}
