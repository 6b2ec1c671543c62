"use client";
import Link from "next/link";
import { type FormEvent, useTransition } from "react";

import { initialFormState } from "@/lib/present/forms/form-state";
import type { ImportFormState } from "@/lib/server/patients/import/import-form-state";

import { useMessages } from "../i18n/MessagesProvider";
import { DataTable } from "../ui/DataTable";
import { FormMessages } from "../ui/FormMessages";
import { useResilientActionState } from "../ui/use-resilient-action";

/**
 * The import: choose a file, check it (a dry run), then import it. The form is sent by hand
 * rather than through its action, so the chosen file stays chosen after a check (React resets
 * a form its action has handled) and Import sends the same file.
 */
export function ImportForm({
  action,
}: {
  action: (state: ImportFormState, formData: FormData) => Promise<ImportFormState>;
}) {
  const messages = useMessages();
  const text = {
    file: messages.admin.import.file,
    check: messages.admin.import.check,
    run: messages.admin.import.run,
    working: messages.admin.import.working,
    networkError: messages.error.network,
    toCaseload: messages.admin.import.toCaseload,
    errorsTitle: messages.admin.import.errorsTitle,
    errorColumns: messages.admin.import.errorColumns,
  };
  const [state, formAction, pending] = useResilientActionState<ImportFormState>(
    action,
    { ...initialFormState(), outcome: null },
    text.networkError,
  );
  const [, startTransition] = useTransition();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(form));
  };
  const outcome = state.outcome;
  const fileError = state.errors.file;
  return (
    <>
      <form onSubmit={submit} noValidate className="stack form-wide" aria-busy={pending}>
        <FormMessages state={state} />
        <div className="field">
          <label htmlFor="import-file">{text.file}</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-invalid={Boolean(fileError)}
            aria-describedby={fileError ? "import-file-error" : undefined}
          />
          {fileError && (
            <p id="import-file-error" className="field-error">
              {fileError}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" name="$mode" value="check" className="button secondary" disabled={pending}>
            {pending ? text.working : text.check}
          </button>
          <button type="submit" name="$mode" value="import" className="button primary" disabled={pending}>
            {text.run}
          </button>
        </div>
      </form>
      {outcome && (
        <section
          aria-live="polite"
          className={outcome.kind === "imported" || outcome.kind === "checked" ? "notice" : "form-error"}
        >
          <p>{outcome.message}</p>
          {outcome.kind === "imported" && <Link href="/caseload?scope=clinic&status=any">{text.toCaseload}</Link>}
        </section>
      )}
      {outcome && outcome.errors.length > 0 && (
        <section className="page-section">
          <h2>{text.errorsTitle}</h2>
          {outcome.moreErrors && <p className="hint">{outcome.moreErrors}</p>}
          <DataTable
            label={text.errorsTitle}
            columns={[text.errorColumns.line, text.errorColumns.column, text.errorColumns.error]}
            rows={outcome.errors.map((error, i) => ({
              key: `${error.line}-${error.column}-${i}`,
              cells: [error.line, error.column, error.error],
            }))}
            className="import-errors"
          />
        </section>
      )}
    </>
  );
}
