"use client";
import { useActionState } from "react";

import type { FormState } from "@/lib/present/forms/form-state";
import { initialFormState } from "@/lib/present/forms/form-state";

import { useMessages } from "../i18n/MessagesProvider";
import { useCloseOnSaved } from "../ui/FormDialog";
import { FormShell } from "../ui/FormShell";
import { TextField } from "../ui/TextField";

/** The patient's own PSFS activities, one field each (`slots` of them), as the weekly check-in asks about them. In a FormDialog, which closes once they are saved. */
export function PsfsActivitiesForm({
  action,
  activities,
  slots,
  maxLength,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  activities: string[];
  /** How many activities may be named (PSFS_MAX_ITEMS). */
  slots: number;
  maxLength: number;
}) {
  const messages = useMessages();
  const text = {
    activities: Array.from({ length: slots }, (_, i) => messages.checkIn.activity(i + 1)),
    hint: `${messages.checkIn.clinicIntro} ${messages.checkIn.activityHint}`,
    save: messages.checkIn.saveActivities,
    saving: messages.checkIn.savingActivities,
  };
  const [state, formAction, pending] = useActionState(
    action,
    initialFormState(Object.fromEntries(activities.map((activity, i) => [`activity.${i}`, activity]))),
  );
  useCloseOnSaved(state);
  return (
    <FormShell state={state} formAction={formAction} pending={pending} labels={text} className="stack">
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
