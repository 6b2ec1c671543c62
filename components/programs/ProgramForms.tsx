"use client";
import { useActionState, useId, useState } from "react";

import { type FormState, initialFormState } from "@/lib/present/forms/form-state";

import { useMessages } from "../i18n/MessagesProvider";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { DateField } from "../ui/DateField";
import { useCloseOnSaved } from "../ui/FormDialog";
import { FormMessages } from "../ui/FormMessages";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";

type Option = { value: string; label: string };
type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

/** Assigns a template to the episode: start date, sessions per week and starting load. */
export function AssignProgramForm({
  action,
  templates,
  defaults,
  earliest,
  endFirstWeek,
}: {
  action: FormAction;
  /** Each with what it is for, shown under the choice: two HSR templates differ in more than the name. */
  templates: (Option & { description: string })[];
  defaults: { startDate: string; sessionsPerWeek: string; templateId?: string | undefined };
  earliest: string;
  /** Set when a first-week program is active: the form offers to end it as the new one starts. */
  endFirstWeek?: string | undefined;
}) {
  const messages = useMessages();
  const text = {
    title: messages.programs.assignTitle,
    template: messages.programs.template,
    startDate: messages.programs.startDate,
    sessionsPerWeek: messages.programs.sessionsPerWeek,
    startingLoadKg: messages.programs.startingLoadKg,
    submit: messages.programs.assign,
    pending: messages.programs.assigning,
    choose: messages.patientForm.choose,
    cancel: messages.patient.confirmCancel,
  };
  const [state, formAction, pending] = useActionState(action, initialFormState());
  const close = useCloseOnSaved(state);
  const v = state.values;
  const [templateId, setTemplateId] = useState(v.templateId ?? defaults.templateId ?? "");
  const description = templates.find((template) => template.value === templateId)?.description;
  return (
    <form
      key={state.attempt}
      action={formAction}
      noValidate
      className="stack"
      aria-busy={pending}
      aria-label={text.title}
    >
      <FormMessages state={state} />
      <SelectField
        id="templateId"
        label={text.template}
        options={templates}
        placeholder={text.choose}
        value={templateId}
        onChange={(event) => setTemplateId(event.target.value)}
        aria-describedby="template-description"
        error={state.errors.templateId}
      />
      <p id="template-description" className="hint" aria-live="polite">
        {description}
      </p>
      <DateField
        id="startDate"
        label={text.startDate}
        min={earliest}
        defaultValue={v.startDate ?? defaults.startDate}
        error={state.errors.startDate}
      />
      <TextField
        id="sessionsPerWeek"
        label={text.sessionsPerWeek}
        inputMode="numeric"
        defaultValue={v.sessionsPerWeek ?? defaults.sessionsPerWeek}
        error={state.errors.sessionsPerWeek}
      />
      <TextField
        id="startingLoadKg"
        label={text.startingLoadKg}
        inputMode="decimal"
        defaultValue={v.startingLoadKg ?? "0"}
        error={state.errors.startingLoadKg}
      />
      {endFirstWeek && (
        <label className="checkbox">
          <input type="checkbox" name="endFirstWeek" defaultChecked={state.attempt === 0 || v.endFirstWeek === "on"} />
          {endFirstWeek}
        </label>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? text.pending : text.submit}
        </button>
        {close && (
          <button type="button" className="button secondary" onClick={close}>
            {text.cancel}
          </button>
        )}
      </div>
    </form>
  );
}

/** A clinician's change of phase and/or load from a date on, with a reason. */
export function OverrideForm({ action, phases, today }: { action: FormAction; phases: Option[]; today: string }) {
  const messages = useMessages();
  const text = {
    title: messages.programs.overrideTitle,
    date: messages.programs.overrideDate,
    phase: messages.programs.overridePhase,
    keepPhase: messages.programs.overrideKeepPhase,
    load: messages.programs.overrideLoad,
    loadHint: messages.programs.overrideLoadHint,
    reason: messages.programs.overrideReason,
    submit: messages.programs.overrideSave,
    cancel: messages.patient.confirmCancel,
  };
  const [state, formAction, pending] = useActionState(action, initialFormState());
  const close = useCloseOnSaved(state);
  const v = state.values;
  const id = useId();
  return (
    <form
      key={state.attempt}
      action={formAction}
      noValidate
      className="stack"
      aria-busy={pending}
      aria-label={text.title}
    >
      <FormMessages state={state} />
      <DateField
        id={`${id}-date`}
        name="date"
        label={text.date}
        defaultValue={v.date ?? today}
        error={state.errors.date}
      />
      <SelectField
        id={`${id}-phase`}
        name="phase"
        label={text.phase}
        options={phases}
        placeholder={text.keepPhase}
        defaultValue={v.phase ?? ""}
        error={state.errors.phase}
      />
      <TextField
        id={`${id}-load`}
        name="loadKg"
        label={text.load}
        inputMode="decimal"
        placeholder={text.loadHint}
        defaultValue={v.loadKg}
        error={state.errors.loadKg}
      />
      <TextField
        id={`${id}-reason`}
        name="reason"
        label={text.reason}
        defaultValue={v.reason}
        error={state.errors.reason}
        maxLength={500}
      />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {text.submit}
        </button>
        {close && (
          <button type="button" className="button secondary" onClick={close}>
            {text.cancel}
          </button>
        )}
      </div>
    </form>
  );
}

/** Ends a program after asking for a reason and a confirmation. */
export function EndProgramButton({
  action,
  reasons,
}: {
  action: (formData: FormData) => Promise<{ error: string | null }>;
  reasons: Option[];
}) {
  const messages = useMessages();
  const text = {
    end: messages.programs.end,
    title: messages.programs.endTitle,
    body: messages.programs.endBody,
    reason: messages.programs.endReason,
    choose: messages.patientForm.choose,
    cancel: messages.patient.confirmCancel,
  };
  const reasonId = useId();
  return (
    <ConfirmDialog
      trigger={text.end}
      title={text.title}
      body={text.body}
      confirm={text.end}
      cancel={text.cancel}
      action={action}
    >
      <SelectField
        id={reasonId}
        name="reason"
        label={text.reason}
        options={reasons}
        placeholder={text.choose}
        required
        defaultValue=""
      />
    </ConfirmDialog>
  );
}
