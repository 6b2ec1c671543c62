"use client";
import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { FormShell } from "../FormShell";
import { SelectField } from "../SelectField";
import { TextField } from "../TextField";

type Option = { value: string; label: string };

export type ProgramEditorText = {
  sessionsMin: string; sessionsMax: string; painLimit: string; loadStepKg: string; tempo: string; tempoUp: string; tempoHold: string; tempoDown: string;
  phases: string[]; from: string; to: string; exercise: string; sets: string; repsLow: string; repsHigh: string; load: string;
  save: string; saving: string; cancel: string;
};

/**
 * The program editor: an admin's template edit and a clinician's adjustment of a patient's
 * copy. `initial` holds the flat field values (programContentValues); `extraFields` are the
 * caller's own fields shown first (a template's name, the patient's sessions per week).
 */
export function ProgramContentForm({
  action,
  initial,
  exercises,
  loads,
  text,
  cancelHref,
  extraFields = [],
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  exercises: Option[];
  loads: Option[];
  text: ProgramEditorText;
  cancelHref: string;
  extraFields?: { id: string; label: string; inputMode?: "text" | "numeric" }[];
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState(initial));
  const v = state.values;
  const e = state.errors;
  const number = (id: string, label: string, mode: "numeric" | "decimal" = "numeric") => (
    <TextField id={id} label={label} inputMode={mode} defaultValue={v[id]} error={e[id]} />
  );
  return (
    <FormShell state={state} formAction={formAction} pending={pending} text={text} cancelHref={cancelHref}>
      {extraFields.map((field) => (
        <TextField key={field.id} id={field.id} label={field.label} inputMode={field.inputMode ?? "text"} defaultValue={v[field.id]} error={e[field.id]} />
      ))}
      <p className="hint">{text.painLimit}</p>
      <div className="field-row">
        {number("sessionsMin", text.sessionsMin)}
        {number("sessionsMax", text.sessionsMax)}
        {number("loadStepKg", text.loadStepKg, "decimal")}
      </div>
      <fieldset>
        <legend>{text.tempo}</legend>
        <div className="field-row">
          {number("tempoUp", text.tempoUp)}
          {number("tempoHold", text.tempoHold)}
          {number("tempoDown", text.tempoDown)}
        </div>
      </fieldset>
      {text.phases.map((phase, i) => (
        <fieldset key={phase}>
          <legend>{phase}</legend>
          <div className="field-row">
            {number(`phase.${i}.from`, text.from)}
            {number(`phase.${i}.to`, text.to)}
            {number(`phase.${i}.sets`, text.sets)}
            {number(`phase.${i}.repsLow`, text.repsLow)}
            {number(`phase.${i}.repsHigh`, text.repsHigh)}
          </div>
          <SelectField id={`phase.${i}.exercise`} label={text.exercise} options={exercises} defaultValue={v[`phase.${i}.exercise`]} error={e[`phase.${i}.exercise`]} />
          <SelectField id={`phase.${i}.load`} label={text.load} options={loads} defaultValue={v[`phase.${i}.load`]} error={e[`phase.${i}.load`]} />
        </fieldset>
      ))}
    </FormShell>
  );
}
