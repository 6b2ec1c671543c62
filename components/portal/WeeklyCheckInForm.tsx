"use client";
import { useActionState } from "react";

import type { FormState } from "@/lib/forms/form-state";
import { initialFormState } from "@/lib/forms/form-state";

import { FormShell } from "../FormShell";
import { RadioGroup } from "../RadioGroup";
import { TextField } from "../TextField";

export type CheckInText = {
  activityPain: string;
  psfsIntro: string;
  globalChange: string;
  globalChangeOptions: { value: string; label: string }[];
  save: string;
  saving: string;
};

/**
 * The weekly check-in: pain during activity, a score for each of the patient's own PSFS
 * activities, and the patient's rating of change since the start; once sent, the thanks.
 */
export function WeeklyCheckInForm({
  action,
  activities,
  text,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  activities: string[];
  text: CheckInText;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState());
  const v = state.values;
  const e = state.errors;
  const scale = { type: "text", inputMode: "numeric", autoComplete: "off", className: "score-input" } as const;
  // Sent: the thanks and the next date, and no form to send twice.
  if (state.notice)
    return (
      <p role="status" className="notice">
        {state.notice}
      </p>
    );
  return (
    <FormShell state={state} formAction={formAction} pending={pending} text={text} className="stack portal-form">
      <TextField
        id="activityPain"
        label={text.activityPain}
        defaultValue={v.activityPain}
        error={e.activityPain}
        {...scale}
      />
      {activities.length > 0 && (
        <fieldset className="stack">
          <legend>{text.psfsIntro}</legend>
          {activities.map((activity, i) => (
            <TextField
              key={activity}
              id={`psfs.${i}`}
              label={activity}
              defaultValue={v[`psfs.${i}`]}
              error={e[`psfs.${i}`]}
              {...scale}
            />
          ))}
        </fieldset>
      )}
      <RadioGroup
        name="globalChange"
        legend={text.globalChange}
        options={text.globalChangeOptions}
        defaultValue={v.globalChange}
        error={e.globalChange}
      />
    </FormShell>
  );
}
