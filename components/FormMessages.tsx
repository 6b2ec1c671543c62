import type { FormState } from "@/lib/forms/form-state";

/** A form's message for the whole form: what went wrong (an alert) or what was done. */
export function FormMessages({ state }: { state: Pick<FormState, "formError" | "notice"> }) {
  return (
    <>
      {state.formError && (
        <div role="alert" className="form-error">
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
