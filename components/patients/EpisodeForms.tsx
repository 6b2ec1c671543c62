"use client";
import { useActionState, useId, useState } from "react";

import { type FormState, initialFormState } from "@/lib/present/forms/form-state";

import { useMessages } from "../i18n/MessagesProvider";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { DateField } from "../ui/DateField";
import { FormMessages } from "../ui/FormMessages";
import { SelectField } from "../ui/SelectField";

type Option = { value: string; label: string };

export function OpenEpisodeForm({
  action,
  sides,
  defaultSide,
  today,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  sides: Option[];
  defaultSide: string;
  today: string;
}) {
  const messages = useMessages();
  const text = {
    title: messages.patient.openEpisode,
    side: messages.patient.side,
    symptomOnset: messages.patient.symptomOnset,
    treatmentStart: messages.patient.treatmentStart,
    submit: messages.patient.openEpisode,
    choose: messages.patientForm.choose,
  };
  const [state, formAction, pending] = useActionState(action, initialFormState());
  const v = state.values;
  return (
    <form
      key={state.attempt}
      action={formAction}
      noValidate
      className="stack inline-form"
      aria-busy={pending}
      aria-label={text.title}
    >
      <FormMessages state={state} />
      <SelectField
        id="side"
        label={text.side}
        options={sides}
        defaultValue={v.side ?? defaultSide}
        error={state.errors.side}
      />
      <DateField
        id="symptomOnset"
        label={text.symptomOnset}
        max={today}
        defaultValue={v.symptomOnset}
        error={state.errors.symptomOnset}
      />
      <DateField
        id="treatmentStart"
        label={text.treatmentStart}
        max={today}
        defaultValue={v.treatmentStart ?? today}
        error={state.errors.treatmentStart}
      />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {text.submit}
        </button>
      </div>
    </form>
  );
}

/** The status changes an episode allows now; discharging asks for a reason and a confirmation. */
export function EpisodeActions({
  status,
  canReopen,
  action,
  reasons,
}: {
  status: "ACTIVE" | "PAUSED" | "DISCHARGED";
  canReopen: boolean;
  action: (formData: FormData) => Promise<{ error: string | null }>;
  reasons: Option[];
}) {
  const messages = useMessages();
  const text = {
    pause: messages.patient.pause,
    resume: messages.patient.resume,
    reopen: messages.patient.reopen,
    discharge: messages.patient.discharge,
    dischargeTitle: messages.patient.dischargeTitle,
    dischargeBody: messages.patient.dischargeBody,
    dischargeReason: messages.patient.dischargeReason,
    choose: messages.patientForm.choose,
    cancel: messages.patient.confirmCancel,
  };
  const [error, setError] = useState<string | null>(null);
  const reasonId = useId();
  const run = async (formData: FormData) => setError((await action(formData)).error);
  const simple = (value: "pause" | "resume" | "reopen", label: string) => (
    <form action={run}>
      <input type="hidden" name="action" value={value} />
      <button type="submit" className="button secondary">
        {label}
      </button>
    </form>
  );
  return (
    <div className="episode-actions">
      {status === "ACTIVE" && simple("pause", text.pause)}
      {status === "PAUSED" && simple("resume", text.resume)}
      {status === "DISCHARGED" && canReopen && simple("reopen", text.reopen)}
      {status !== "DISCHARGED" && (
        <ConfirmDialog
          trigger={text.discharge}
          title={text.dischargeTitle}
          body={text.dischargeBody}
          confirm={text.discharge}
          cancel={text.cancel}
          action={run}
        >
          <input type="hidden" name="action" value="discharge" />
          <SelectField
            id={reasonId}
            name="reason"
            label={text.dischargeReason}
            options={reasons}
            placeholder={text.choose}
            required
            defaultValue=""
          />
        </ConfirmDialog>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
