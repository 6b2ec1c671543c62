"use client";
import { useActionState } from "react";

import type { FormState } from "@/lib/forms/form-state";
import { initialFormState } from "@/lib/forms/form-state";

import { useCloseOnSaved } from "../FormDialog";
import { FormShell } from "../FormShell";
import { TextField } from "../TextField";

export type PsfsActivitiesText = { activities: string[]; hint: string; save: string; saving: string };

/** The patient's own PSFS activities, one field each (`text.activities` labels them), as the weekly check-in asks about them. In a FormDialog, which closes once they are saved. */
export function PsfsActivitiesForm({
  action,
  activities,
  maxLength,
  text,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  activities: string[];
  maxLength: number;
  text: PsfsActivitiesText;
}) {
  const [state, formAction, pending] = useActionState(
    action,
    initialFormState(Object.fromEntries(activities.map((activity, i) => [`activity.${i}`, activity]))),
  );
  useCloseOnSaved(state);
  return (
    <FormShell state={state} formAction={formAction} pending={pending} text={text} className="stack">
      <p className="hint">{text.hint}</p>
      {text.activities.map((label, i) => (
        <TextField
          key={label}
          id={`activity.${i}`}
          label={label}
          maxLength={maxLength}
          defaultValue={state.values[`activity.${i}`]}
          error={state.errors[`activity.${i}`]}
        />
      ))}
    </FormShell>
  );
}
