"use client";
import { useState } from "react";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { type PortalLogAnswer, portalLogFormState } from "@/lib/portal/portal-log-answer";
import { FormMessages } from "../FormMessages";
import { randomUuid } from "@/lib/random-uuid";
import { RadioGroup } from "../RadioGroup";
import { SelectField } from "../SelectField";
import { TextField } from "../TextField";
import { useResilientActionState } from "../use-resilient-action";
import { type SavedSession, useDiary } from "./PortalDiary";

type LogAction<Saved> = (fields: Record<string, string>) => Promise<PortalLogAnswer<Saved> | null>;

/** The form's text fields, as the log actions take them. */
const fieldsOf = (formData: FormData) => Object.fromEntries([...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));

/**
 * Sends a portal log and turns its answer into the form's state; what was saved goes to
 * `onSaved` (the diary the page shows), since the page is not drawn again after a write.
 */
function usePortalLog<Saved>(action: LogAction<Saved>, onSaved: (saved: Saved) => void, text: { networkError: string; refused: string }) {
  return useResilientActionState(async (previous: FormState, formData: FormData) => {
    const fields = fieldsOf(formData);
    const answer = await action(fields);
    if (answer?.status === "saved") onSaved(answer.saved);
    return portalLogFormState(answer, previous, fields, text.refused);
  }, initialFormState(), text.networkError);
}

/** One tap on 0–10 logs this morning's first-step pain; tapping again the same day changes it. */
export function MorningPainForm({
  action,
  today,
  logged,
  text,
}: {
  action: LogAction<{ value: number; logged: string }>;
  today: string;
  logged: string | null;
  text: { title: string; question: string; networkError: string; refused: string };
}) {
  const diary = useDiary();
  const [loggedText, setLoggedText] = useState(logged);
  // Each tap is an entry of its own, with the phone's id and the moment it was made: the day keeps the one made last.
  const send = (fields: Record<string, string>) => action({ ...fields, clientId: randomUuid(), madeAt: new Date().toISOString() });
  const [state, formAction, pending] = usePortalLog(send, (saved) => {
    diary.setTodayPain(saved.value);
    setLoggedText(saved.logged);
  }, text);
  return (
    <form action={formAction} aria-label={text.title} aria-busy={pending} className="stack">
      <FormMessages state={state} />
      <input type="hidden" name="date" value={today} />
      <fieldset className="pain-scale">
        <legend>{text.question}</legend>
        <div className="pain-buttons">
          {Array.from({ length: 11 }, (_, value) => (
            <button key={value} type="submit" name="value" value={value} className="pain-button" aria-pressed={diary.todayPain === value} disabled={pending}>
              {value}
            </button>
          ))}
        </div>
      </fieldset>
      {state.errors.value && <p className="field-error">{state.errors.value}</p>}
      {state.errors.date && <p className="field-error">{state.errors.date}</p>}
      {loggedText && <p>{loggedText}</p>}
    </form>
  );
}

export type SessionFormText = {
  title: string; program: string; date: string; done: string; doneYes: string; doneNo: string; sets: string; reps: string;
  loadKg: string; painDuring: string; save: string; saving: string; networkError: string; refused: string;
};

/**
 * Logs one session. The form carries a client-generated id that stays the same until the
 * server confirms the save, so a double tap or a retry after a lost answer stores one row.
 */
export function SessionLogForm({
  action,
  programs,
  today,
  defaults,
  text,
}: {
  action: LogAction<SavedSession>;
  programs: { value: string; label: string }[];
  today: string;
  defaults: { sets: string; reps: string; loadKg: string };
  text: SessionFormText;
}) {
  const diary = useDiary();
  const [clientId, setClientId] = useState(() => randomUuid());
  const [state, formAction, pending] = usePortalLog(action, (saved) => {
    diary.addSession(saved);
    setClientId(randomUuid());
  }, text);
  const v = state.values;
  const e = state.errors;
  return (
    <form key={state.attempt} action={formAction} noValidate aria-label={text.title} aria-busy={pending} className="stack portal-form">
      <FormMessages state={state} />
      <input type="hidden" name="clientId" value={clientId} />
      {programs.length === 1 ? (
        <input type="hidden" name="assignmentId" value={programs[0]!.value} />
      ) : (
        <SelectField id="assignmentId" label={text.program} options={programs} defaultValue={v.assignmentId ?? programs[0]?.value} error={e.assignmentId} />
      )}
      {programs.length === 1 && e.assignmentId && <p className="field-error">{e.assignmentId}</p>}
      <TextField id="date" label={text.date} type="date" max={today} defaultValue={v.date ?? today} error={e.date} />
      <RadioGroup
        name="completed"
        legend={text.done}
        options={[{ value: "yes", label: text.doneYes }, { value: "no", label: text.doneNo }]}
        defaultValue={v.completed ?? "yes"}
        error={e.completed}
      />
      <div className="field-row">
        <TextField id="sets" label={text.sets} inputMode="numeric" defaultValue={v.sets ?? defaults.sets} error={e.sets} />
        <TextField id="reps" label={text.reps} inputMode="numeric" defaultValue={v.reps ?? defaults.reps} error={e.reps} />
        <TextField id="loadKg" label={text.loadKg} inputMode="decimal" defaultValue={v.loadKg ?? defaults.loadKg} error={e.loadKg} />
      </div>
      <TextField id="painDuring" label={text.painDuring} inputMode="numeric" defaultValue={v.painDuring} error={e.painDuring} />
      <button type="submit" className="button primary large" disabled={pending}>
        {pending ? text.saving : text.save}
      </button>
    </form>
  );
}
