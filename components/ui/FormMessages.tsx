"use client";
import { useEffect, useRef } from "react";

import type { FormState } from "@/lib/present/forms/form-state";

/**
 * A form's message for the whole form: what went wrong (an alert) or what was done. A new
 * error takes the focus, so after saving a long form the user is taken to what to correct.
 */
export function FormMessages({ state }: { state: Pick<FormState, "formError" | "notice"> & { attempt?: number } }) {
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.formError) alert.current?.focus();
  }, [state.formError, state.attempt]);
  return (
    <>
      {state.formError && (
        <div role="alert" className="form-error" tabIndex={-1} ref={alert}>
          {state.formError}
        </div>
      )}
      {state.notice && (
        <p role="status" className="notice">
          {state.notice}
        </p>
      )}
    </>
  );
}
