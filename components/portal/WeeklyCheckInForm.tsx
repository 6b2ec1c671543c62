"use client";
import { useActionState } from "react";

import type { FormState } from "@/lib/present/forms/form-state";
import { initialFormState } from "@/lib/present/forms/form-state";

import { useMessages } from "../i18n/MessagesProvider";
import { FormShell } from "../ui/FormShell";
import { RadioGroup } from "../ui/RadioGroup";
import { TextField } from "../ui/TextField";
import { ZeroToTenScale } from "../ui/ZeroToTenScale";

/**
 * The weekly check-in: pain during activity (the 0–10 buttons of the morning pain), a score for each of the patient's own PSFS
 * activities, and the patient's rating of change since the start; once sent, the thanks.
 */
export function WeeklyCheckInForm({
  action,
  activities,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  activities: string[];
}) {
  const messages = useMessages();
  const text = {
    activityPain: messages.checkIn.activityPain,
    psfsIntro: messages.checkIn.psfsIntro,
    save: messages.checkIn.save,
    saving: messages.checkIn.saving,
    globalChange: messages.checkIn.globalChange,
    // Best first, as the scale is read.
    globalChangeOptions: Object.entries(messages.checkIn.globalChangeOptions)
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => Number(b.value) - Number(a.value)),
  };
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
    <FormShell state={state} formAction={formAction} pending={pending} labels={text} className="stack portal-form">
      {/* The same 0–10 buttons as this morning's pain, here chosen and sent with the rest. */}
      <ZeroToTenScale
        mode="choose"
        name="activityPain"
        legend={text.activityPain}
        defaultValue={v.activityPain}
        error={e.activityPain}
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
