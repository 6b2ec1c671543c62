"use client";
import { useEffect, useRef, useState } from "react";

import { EFFORTS } from "@/lib/clinical/rules/case";
import { randomUuid } from "@/lib/platform/random-uuid";
import { type FormState, initialFormState } from "@/lib/present/forms/form-state";
import { portalLogFormState } from "@/lib/present/portal/portal-log-answer";

import { useMessages } from "../i18n/MessagesProvider";
import { DateField } from "../ui/DateField";
import { FormMessages } from "../ui/FormMessages";
import { RadioGroup } from "../ui/RadioGroup";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";
import { useResilientActionState } from "../ui/use-resilient-action";
import { ZeroToTenScale } from "../ui/ZeroToTenScale";
import type { EntryKind } from "./entry-queue";
import { type SavedSession, useDiary } from "./PortalDiary";

/** The form's text fields, as the log actions take them. */
const fieldsOf = (formData: FormData) =>
  Object.fromEntries(
    [...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );

type LogText = { networkError: string; refused: string; queued: string };

/**
 * Sends a portal log through the phone's queue (PortalDiary) and turns the outcome into the
 * form's state: saved, each field's error, or kept on the phone until there is a connection.
 * Each entry carries the moment it was made on the phone; `extra` adds fields of its own.
 * `onSent` hears of an entry stored (with what the server stored) or kept on the phone ("waiting").
 */
function usePortalLog(
  kind: EntryKind,
  text: LogText,
  extra: () => Record<string, string> = () => ({}),
  onSent?: (stored: unknown) => void,
) {
  const diary = useDiary();
  return useResilientActionState(
    async (previous: FormState, formData: FormData) => {
      const fields = { ...fieldsOf(formData), ...extra(), madeAt: new Date().toISOString() };
      const answer = await diary.submit({ kind, fields });
      if (answer === "waiting") onSent?.("waiting");
      else if (answer?.status === "saved") onSent?.(answer.saved);
      if (answer === "waiting")
        return { attempt: previous.attempt + 1, values: {}, errors: {}, formError: null, notice: text.queued };
      return portalLogFormState(answer, previous, fields, text.refused);
    },
    initialFormState(),
    text.networkError,
  );
}

/** One tap on 0–10 logs this morning's first-step pain; tapping again the same day changes it. */
export function MorningPainForm({ today }: { today: string }) {
  const messages = useMessages();
  const text = {
    title: messages.portal.morningTitle,
    question: messages.portal.morningQuestion,
    networkError: messages.portal.networkError,
    refused: messages.error.notFound,
    queued: messages.portal.queued,
  };
  const diary = useDiary();
  // Each tap is an entry of its own with the phone's id: the day keeps the one made last.
  const [state, formAction, pending] = usePortalLog("pain", text, () => ({ clientId: randomUuid() }));
  return (
    <form action={formAction} aria-label={text.title} aria-busy={pending} className="stack">
      <FormMessages state={state} />
      <input type="hidden" name="date" value={today} />
      <ZeroToTenScale
        mode="submit"
        name="value"
        legend={text.question}
        pressed={diary.todayPain}
        disabled={pending}
        error={state.errors.value}
      />
      {state.errors.date && <p className="field-error">{state.errors.date}</p>}
      {diary.logged && <p>{diary.logged}</p>}
    </form>
  );
}

/** One of today's exercises: its short name, its dose in words, and whether it is the heel raise. */
export type LoggableExercise = { code: string; name: string; dose: string; heelRaise: boolean };

/** A program the patient can log a session of, with today's prescription to copy from. */
export type LoggableProgram = {
  value: string;
  label: string;
  /** Today's exercises, each with its own dose; none when the program has not started. */
  exercises: LoggableExercise[];
  /** What "fill in today's plan" puts in the heel raise's fields. */
  copy: { sets: string; reps: string; loadKg: string };
};

/**
 * Logs one session (SPEC §6, §10, revision 2026-12-05). It starts empty: the patient says whether
 * the session was done and what was actually done, since the load rule reads it. Today's
 * exercises stand at the top, each with its own dose; a day of several exercises asks which were
 * done, and only the heel raise asks for sets, reps, load and how heavy the last reps felt (one
 * tap copies today's plan in). The form carries a client-generated id that stays the same until
 * the entry is stored or kept on the phone, so a double tap stores one row, and the queue's
 * sending it again after a lost answer stores nothing twice.
 */
export function SessionLogForm({ programs, today }: { programs: LoggableProgram[]; today: string }) {
  const messages = useMessages();
  const text = {
    title: messages.portal.sessionTitle,
    program: messages.portal.program,
    date: messages.portal.date,
    done: messages.portal.done,
    doneYes: messages.portal.doneYes,
    doneNo: messages.portal.doneNo,
    exercisesDone: messages.portal.exercisesDone,
    sets: messages.portal.sets,
    reps: messages.portal.reps,
    loadKg: messages.portal.loadKg,
    noLoad: messages.portal.noLoad,
    painDuring: messages.portal.painDuring,
    effort: messages.portal.effort,
    effortOptions: EFFORTS.map((value) => ({ value, label: messages.portal.effortOptions[value] })),
    todaysPlan: messages.portal.todaysPlan,
    copyPlan: messages.portal.copyPlan,
    copyPlanHint: messages.portal.copyPlanHint,
    save: messages.portal.saveSession,
    saving: messages.portal.savingSession,
    savedHint: messages.portal.sessionSavedHint,
    networkError: messages.portal.networkError,
    refused: messages.error.notFound,
    queued: messages.portal.queued,
  };
  const [clientId, setClientId] = useState(() => randomUuid());
  // The exercises ticked as done; a failed save keeps them, a stored one starts the form again.
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set());
  // What the server stored, said back under the button (null while it waits on the phone).
  const [stored, setStored] = useState<string | null>(null);
  const [state, formAction, pending] = usePortalLog("session", text, undefined, (saved) => {
    setClientId(randomUuid());
    setTicked(new Set());
    setStored(saved === "waiting" ? null : (saved as SavedSession).line.text);
  });
  // A stored (or kept) session empties the form: the confirmation stands where the patient
  // pressed "Save", under the button, and takes the focus the re-drawn button lost, so it is in
  // view on a phone and read out; a patient who sees only an empty form might save it again.
  const confirmation = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = confirmation.current;
    if (!state.notice || !box) return;
    box.focus({ preventScroll: true });
    box.scrollIntoView({ block: "nearest" });
  }, [state.notice, state.attempt]);
  const v = state.values;
  const e = state.errors;
  const [programId, setProgramId] = useState(v.assignmentId ?? programs[0]?.value ?? "");
  const program = programs.find((p) => p.value === programId) ?? programs[0];
  const exercises = program?.exercises ?? [];
  const several = exercises.length > 1;
  const heelRaise = exercises.find((x) => x.heelRaise);
  // The heel raise's numbers: asked unless the exercises ticked leave it out (a session that
  // names none did the heel raise, lib/server/portal/portal-logs.ts).
  const asksDose = heelRaise !== undefined && (ticked.size === 0 || ticked.has(heelRaise.code));
  const formRef = useRef<HTMLFormElement>(null);
  const copyPlan = () => {
    const form = formRef.current;
    if (!form || !program) return;
    for (const [name, value] of Object.entries(program.copy)) {
      const field = form.elements.namedItem(name);
      if (field instanceof HTMLInputElement) field.value = value;
    }
    form.querySelector<HTMLInputElement>("#sets")?.focus();
  };
  const toggle = (code: string, on: boolean) =>
    setTicked((current) => {
      const next = new Set(current);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });
  return (
    <>
      <form
        key={state.attempt}
        ref={formRef}
        action={formAction}
        noValidate
        aria-label={text.title}
        aria-busy={pending}
        className="stack portal-form"
      >
        {/* An error at the top, where the fields to correct start; a confirmation under the button. */}
        <FormMessages state={{ formError: state.formError, notice: null, attempt: state.attempt }} />
        <input type="hidden" name="clientId" value={clientId} />
        {programs.length === 1 ? (
          <input type="hidden" name="assignmentId" value={programs[0]!.value} />
        ) : (
          <SelectField
            id="assignmentId"
            label={text.program}
            options={programs}
            value={programId}
            onChange={(event) => setProgramId(event.target.value)}
            error={e.assignmentId}
          />
        )}
        {programs.length === 1 && e.assignmentId && <p className="field-error">{e.assignmentId}</p>}
        {exercises.length > 0 && (
          <div className="todays-plan">
            <p>
              <strong>{text.todaysPlan}:</strong>
            </p>
            <ul>
              {exercises.map((x) => (
                <li key={x.code}>
                  {x.name}: {x.dose}
                </li>
              ))}
            </ul>
          </div>
        )}
        <DateField id="date" label={text.date} max={today} defaultValue={v.date ?? today} error={e.date} />
        <RadioGroup
          name="completed"
          legend={text.done}
          options={[
            { value: "yes", label: text.doneYes },
            { value: "no", label: text.doneNo },
          ]}
          defaultValue={v.completed}
          error={e.completed}
        />
        {several && (
          <fieldset
            className="radio-group"
            aria-describedby={e.exercises ? "exercises-error" : undefined}
            aria-invalid={Boolean(e.exercises) || undefined}
          >
            <legend>{text.exercisesDone}</legend>
            <div className="choices">
              {exercises.map((x) => (
                <label key={x.code} className="checkbox">
                  <input
                    type="checkbox"
                    name={`exercise.${x.code}`}
                    value="yes"
                    checked={ticked.has(x.code)}
                    onChange={(event) => toggle(x.code, event.target.checked)}
                  />
                  {x.name}
                </label>
              ))}
            </div>
            {e.exercises && (
              <p id="exercises-error" className="field-error">
                {e.exercises}
              </p>
            )}
          </fieldset>
        )}
        {asksDose && (
          <fieldset className="stack">
            {several && <legend>{heelRaise.name}</legend>}
            <button type="button" className="button secondary" onClick={copyPlan}>
              {text.copyPlan}
            </button>
            <p className="hint">{text.copyPlanHint}</p>
            <div className="field-row">
              <TextField id="sets" label={text.sets} inputMode="numeric" defaultValue={v.sets} error={e.sets} />
              <TextField id="reps" label={text.reps} inputMode="numeric" defaultValue={v.reps} error={e.reps} />
              <TextField
                id="loadKg"
                label={text.loadKg}
                hint={text.noLoad}
                inputMode="decimal"
                defaultValue={v.loadKg}
                error={e.loadKg}
              />
            </div>
            <RadioGroup
              name="effort"
              legend={text.effort}
              options={text.effortOptions}
              defaultValue={v.effort}
              error={e.effort}
            />
          </fieldset>
        )}
        <TextField
          id="painDuring"
          label={text.painDuring}
          inputMode="numeric"
          defaultValue={v.painDuring}
          error={e.painDuring}
        />
        <button type="submit" className="button primary large" disabled={pending}>
          {pending ? text.saving : text.save}
        </button>
      </form>
      {/* Outside the re-drawn form, so the live region stays in the page and announces each answer. */}
      <div ref={confirmation} role="status" tabIndex={-1} className="session-confirmation">
        {state.notice && (
          <div className="notice">
            <p>
              <strong>{state.notice}</strong>
            </p>
            {stored && <p>{stored}</p>}
            {stored && <p>{text.savedHint}</p>}
          </div>
        )}
      </div>
    </>
  );
}
