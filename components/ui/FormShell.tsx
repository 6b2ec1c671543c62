"use client";
import Link from "next/link";
import { type ReactNode, useState } from "react";

import { randomUuid } from "@/lib/platform/random-uuid";
import type { FormState } from "@/lib/present/forms/form-state";

import { FormMessages } from "./FormMessages";
import { useHydrated } from "./use-hydrated";

/** The frame of a data-entry form: its messages, the fields, save and (where there is somewhere to go back to) cancel. */
export function FormShell({
  state,
  formAction,
  pending,
  labels,
  cancelHref,
  className = "stack form-wide",
  idempotent = false,
  children,
}: {
  state: FormState;
  formAction: (formData: FormData) => void;
  pending: boolean;
  /** The owning form's button words (read by that form from useMessages()): a frame has no text of its own. */
  labels: { save: string; saving: string; cancel?: string };
  cancelHref?: string;
  className?: string;
  /** Sends an idempotency key (lib/platform/db/idempotency.ts): Save pressed again after a lost answer stores one row. */
  idempotent?: boolean;
  children: ReactNode;
}) {
  // One key per record being entered: kept across answers with errors and lost answers, new
  // once the server confirms a save. Sent only once the script runs, so the server's HTML and
  // the hydrated form agree (a form sent before that has no key).
  const [key, setKey] = useState(() => randomUuid());
  const [answered, setAnswered] = useState(state.attempt);
  if (state.attempt !== answered) {
    setAnswered(state.attempt);
    if (state.notice) setKey(randomUuid());
  }
  const hydrated = useHydrated();
  return (
    // The key re-mounts the fields after each answer, so they show the values sent.
    <form key={state.attempt} action={formAction} noValidate className={className} aria-busy={pending}>
      <FormMessages state={state} />
      {idempotent && <input type="hidden" name="idempotencyKey" value={hydrated ? key : ""} />}
      {children}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? labels.saving : labels.save}
        </button>
        {cancelHref && <Link href={cancelHref}>{labels.cancel}</Link>}
      </div>
    </form>
  );
}
