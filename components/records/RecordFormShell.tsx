"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import type { FormState } from "@/lib/forms/form-state";

/** The frame of a record form: the form-level error, the fields, save and cancel. */
export function RecordFormShell({
  state,
  formAction,
  pending,
  text,
  cancelHref,
  children,
}: {
  state: FormState;
  formAction: (formData: FormData) => void;
  pending: boolean;
  text: { save: string; saving: string; cancel: string };
  cancelHref: string;
  children: ReactNode;
}) {
  return (
    <form key={state.attempt} action={formAction} noValidate className="stack form-wide" aria-busy={pending}>
      {state.formError && (
        <div role="alert" className="form-error">
          {state.formError}
        </div>
      )}
      {children}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? text.saving : text.save}
        </button>
        <Link href={cancelHref}>{text.cancel}</Link>
      </div>
    </form>
  );
}
