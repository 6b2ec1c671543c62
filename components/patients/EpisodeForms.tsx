"use client";
import { useActionState, useId, useState } from "react";

import { type FormState, initialFormState } from "@/lib/present/forms/form-state";
import { REFERRED_FIELD } from "@/lib/server/episodes/referral-input";

import { useMessages } from "../i18n/MessagesProvider";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { DateField } from "../ui/DateField";
import { FormMessages } from "../ui/FormMessages";
import { SelectField } from "../ui/SelectField";
import { ReferralFields } from "./ReferralFields";

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
  // The referral's fields show once the box is ticked; unticked, they are not sent.
  const [referred, setReferred] = useState(v[REFERRED_FIELD] === "on");
  const referralId = useId();
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
      <fieldset>
        <legend>{messages.referral.title}</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            name={REFERRED_FIELD}
            checked={referred}
            onChange={(event) => setReferred(event.target.checked)}
            aria-controls={referralId}
          />
          {messages.referral.referred}
        </label>
        <div id={referralId} className="stack" hidden={!referred}>
          {referred && <ReferralFields state={state} today={today} />}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {text.submit}
        </button>
      </div>
    </form>
  );
}

/**
 * The status changes an episode allows now. Pausing and discharging each ask for a reason and a
 * confirmation: both stop the patient's plan in the portal.
 */
export function EpisodeActions({
  status,
  canReopen,
  action,
  reasons,
}: {
  status: "ACTIVE" | "PAUSED" | "DISCHARGED";
  canReopen: boolean;
  action: (formData: FormData) => Promise<{ error: string | null }>;
  reasons: { pause: Option[]; discharge: Option[] };
}) {
  const messages = useMessages();
  const text = messages.patient;
  const [error, setError] = useState<string | null>(null);
  const run = async (formData: FormData) => setError((await action(formData)).error);
  const simple = (value: "resume" | "reopen", label: string) => (
    <form action={run}>
      <input type="hidden" name="action" value={value} />
      <button type="submit" className="button secondary">
        {label}
      </button>
    </form>
  );
  return (
    <div className="episode-actions">
      {status === "ACTIVE" && (
        <ReasonDialog
          action="pause"
          trigger={text.pause}
          title={text.pauseTitle}
          body={text.pauseBody}
          label={text.pauseReason}
          reasons={reasons.pause}
          run={run}
        />
      )}
      {status === "PAUSED" && simple("resume", text.resume)}
      {status === "DISCHARGED" && canReopen && simple("reopen", text.reopen)}
      {status !== "DISCHARGED" && (
        <ReasonDialog
          action="discharge"
          trigger={text.discharge}
          title={text.dischargeTitle}
          body={text.dischargeBody}
          label={text.dischargeReason}
          reasons={reasons.discharge}
          run={run}
        />
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A status change confirmed in a dialog that asks why. */
function ReasonDialog({
  action,
  trigger,
  title,
  body,
  label,
  reasons,
  run,
}: {
  action: "pause" | "discharge";
  trigger: string;
  title: string;
  body: string;
  label: string;
  reasons: Option[];
  run: (formData: FormData) => Promise<void>;
}) {
  const messages = useMessages();
  const reasonId = useId();
  return (
    <ConfirmDialog
      trigger={trigger}
      title={title}
      body={body}
      confirm={trigger}
      cancel={messages.patient.confirmCancel}
      action={run}
    >
      <input type="hidden" name="action" value={action} />
      <SelectField
        id={reasonId}
        name="reason"
        label={label}
        options={reasons}
        placeholder={messages.patientForm.choose}
        required
        defaultValue=""
      />
    </ConfirmDialog>
  );
}
