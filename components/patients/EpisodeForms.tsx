"use client";
import Link from "next/link";
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
 * The status changes an episode allows now. Pausing asks for a reason and a confirmation: it
 * stops the patient's plan in the portal. Discharging is its own page (DischargeForm).
 */
export function EpisodeActions({
  status,
  canReopen,
  action,
  pauseReasons,
  dischargeHref,
}: {
  status: "ACTIVE" | "PAUSED" | "DISCHARGED";
  canReopen: boolean;
  action: (formData: FormData) => Promise<{ error: string | null }>;
  pauseReasons: Option[];
  dischargeHref: string;
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
      {status === "ACTIVE" && <PauseDialog reasons={pauseReasons} run={run} />}
      {status === "PAUSED" && simple("resume", text.resume)}
      {status === "DISCHARGED" && canReopen && simple("reopen", text.reopen)}
      {/* Ending a course asks for the final measurements and shows the result first: a page of its own. */}
      {status !== "DISCHARGED" && (
        <Link href={dischargeHref} className="button secondary">
          {text.discharge}
        </Link>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Pausing, confirmed in a dialog that asks why. */
function PauseDialog({ reasons, run }: { reasons: Option[]; run: (formData: FormData) => Promise<void> }) {
  const messages = useMessages();
  const text = messages.patient;
  const reasonId = useId();
  return (
    <ConfirmDialog
      trigger={text.pause}
      title={text.pauseTitle}
      body={text.pauseBody}
      confirm={text.pause}
      cancel={text.confirmCancel}
      action={run}
    >
      <input type="hidden" name="action" value="pause" />
      <SelectField
        id={reasonId}
        name="reason"
        label={text.pauseReason}
        options={reasons}
        placeholder={messages.patientForm.choose}
        required
        defaultValue=""
      />
    </ConfirmDialog>
  );
}
