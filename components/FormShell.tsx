"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import type { FormState } from "@/lib/forms/form-state";
import { FormMessages } from "./FormMessages";

/** The frame of a data-entry form: its messages, the fields, save and (where there is somewhere to go back to) cancel. */
export function FormShell({
  state,
  formAction,
  pending,
  text,
  cancelHref,
  className = "stack form-wide",
  children,
}: {
  state: FormState;
  formAction: (formData: FormData) => void;
  pending: boolean;
  text: { save: string; saving: string; cancel?: string };
  cancelHref?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    // The key re-mounts the fields after each answer, so they show the values sent.
    <form key={state.attempt} action={formAction} noValidate className={className} aria-busy={pending}>
      <FormMessages state={state} />
      {children}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? text.saving : text.save}
        </button>
        {cancelHref && <Link href={cancelHref}>{text.cancel}</Link>}
      </div>
    </form>
  );
}
