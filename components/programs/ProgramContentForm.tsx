"use client";
import { useActionState } from "react";

import type { ProgramContent } from "@/lib/clinical/programs/default-templates";
import { type FormState, initialFormState } from "@/lib/present/forms/form-state";

import { useMessages } from "../i18n/MessagesProvider";
import { FormShell } from "../ui/FormShell";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { programEditorProps } from "./program-editor-props";

export type ProgramEditorText = {
  sessionsMin: string;
  sessionsMax: string;
  painLimit: string;
  loadStepKg: string;
  tempo: string;
  tempoUp: string;
  tempoHold: string;
  tempoDown: string;
  /** Each phase's name and its exercise slots' names, the last an empty slot for adding one. */
  phases: { name: string; slots: string[] }[];
  from: string;
  to: string;
  exercise: string;
  noExercise: string;
  exercisesHint: string;
  sets: string;
  repsLow: string;
  repsHigh: string;
  fromDay: string;
  load: string;
  save: string;
  saving: string;
  cancel: string;
};

/**
 * The program editor: an admin's template edit and a clinician's adjustment of a patient's
 * copy. `initial` holds the flat field values (programContentValues); `extraFields` are the
 * caller's own fields shown first (a template's name, the patient's sessions per week).
 */
export function ProgramContentForm({
  action,
  initial,
  content,
  purpose,
  cancelHref,
  extraFields = [],
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  /** The program being edited: its phases give the editor's slots. */
  content: ProgramContent;
  purpose: "template" | "assignment";
  cancelHref: string;
  extraFields?: { id: string; label: string; inputMode?: "text" | "numeric" }[];
}) {
  const { text, exercises, loads } = programEditorProps(useMessages(), content, purpose);
  const [state, formAction, pending] = useActionState(action, initialFormState(initial));
  const v = state.values;
  const e = state.errors;
  const number = (id: string, label: string, mode: "numeric" | "decimal" = "numeric") => (
    <TextField id={id} label={label} inputMode={mode} defaultValue={v[id]} error={e[id]} />
  );
  return (
    <FormShell state={state} formAction={formAction} pending={pending} labels={text} cancelHref={cancelHref}>
      {extraFields.map((field) => (
        <TextField
          key={field.id}
          id={field.id}
          label={field.label}
          inputMode={field.inputMode ?? "text"}
          defaultValue={v[field.id]}
          error={e[field.id]}
        />
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
        <fieldset key={phase.name}>
          <legend>{phase.name}</legend>
          <div className="field-row">
            {number(`phase.${i}.from`, text.from)}
            {number(`phase.${i}.to`, text.to)}
          </div>
          <SelectField
            id={`phase.${i}.load`}
            label={text.load}
            options={loads}
            defaultValue={v[`phase.${i}.load`]}
            error={e[`phase.${i}.load`]}
          />
          <p className="hint">{text.exercisesHint}</p>
          {phase.slots.map((name, j) => (
            <fieldset key={name} className="exercise-slot">
              <legend>{name}</legend>
              <SelectField
                id={`phase.${i}.${j}.exercise`}
                label={text.exercise}
                options={exercises}
                placeholder={text.noExercise}
                defaultValue={v[`phase.${i}.${j}.exercise`] ?? ""}
                error={e[`phase.${i}.${j}.exercise`]}
              />
              <div className="field-row">
                {number(`phase.${i}.${j}.sets`, text.sets)}
                {number(`phase.${i}.${j}.repsLow`, text.repsLow)}
                {number(`phase.${i}.${j}.repsHigh`, text.repsHigh)}
                {number(`phase.${i}.${j}.fromDay`, text.fromDay)}
              </div>
            </fieldset>
          ))}
        </fieldset>
      ))}
    </FormShell>
  );
}
