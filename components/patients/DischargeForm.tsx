"use client";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";

import type { Locale } from "@/lib/generated/prisma/enums";
import { randomUuid } from "@/lib/platform/random-uuid";
import { type FormState, initialFormState } from "@/lib/present/forms/form-state";
import { formatChange, formatDate, formatNumber } from "@/lib/present/i18n/format";
import type { InstrumentInfo } from "@/lib/present/records/instrument-info";
import type { DischargeResult } from "@/lib/server/episodes/discharge-episode";

import { useMessages } from "../i18n/MessagesProvider";
import { MeasurementFields } from "../records/MeasurementsForm";
import { DataTable } from "../ui/DataTable";
import { FormMessages } from "../ui/FormMessages";
import { SelectField } from "../ui/SelectField";
import { useHydrated } from "../ui/use-hydrated";
import { useResilientActionState } from "../ui/use-resilient-action";

type DischargeState = FormState & { result: DischargeResult | null };

/**
 * Ending a course: the final measurements of the episode's instruments and the reason, then
 * "show the result", which answers each instrument against its MCID without saving anything;
 * only that result, for the values still in the form, can be confirmed. Changing a field after
 * the result hides the confirmation until the result is shown again.
 */
export function DischargeForm({
  action,
  initial,
  instruments,
  hints,
  psfsItems,
  reasons,
  locale,
  cancelHref,
}: {
  action: (state: DischargeState, formData: FormData) => Promise<DischargeState>;
  initial: Record<string, string | undefined>;
  instruments: InstrumentInfo[];
  /** Each instrument's values so far, under its label. */
  hints: Partial<Record<string, string>>;
  psfsItems: number;
  reasons: { value: string; label: string }[];
  locale: Locale;
  cancelHref: string;
}) {
  const messages = useMessages();
  const text = messages.discharge;
  const [state, formAction, pending] = useResilientActionState(
    action,
    { ...initialFormState(initial), result: null },
    messages.error.network,
  );
  // The result stands for the values it was worked out from; an edit makes it stale.
  const [editedSince, setEditedSince] = useState<number | null>(null);
  const stale = editedSince === state.attempt;
  const result = stale ? null : state.result;
  // One key per discharge: confirming again after a lost answer discharges once.
  const [key] = useState(() => randomUuid());
  const hydrated = useHydrated();
  const resultRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (state.result) resultRef.current?.focus();
  }, [state.attempt, state.result]);

  return (
    <form
      key={state.attempt}
      action={formAction}
      noValidate
      className="stack form-wide"
      aria-busy={pending}
      onChange={() => setEditedSince(state.attempt)}
    >
      <FormMessages state={state} />
      <input type="hidden" name="idempotencyKey" value={hydrated ? key : ""} />
      <MeasurementFields
        state={state}
        instruments={instruments}
        psfsItems={psfsItems}
        intro={text.measurementsIntro}
        hints={hints}
      />
      <SelectField
        id="reason"
        label={messages.patient.dischargeReason}
        options={reasons}
        placeholder={messages.patientForm.choose}
        required
        defaultValue={state.values.reason ?? ""}
        error={state.errors.reason}
      />
      <div className="form-actions">
        <button
          type="submit"
          name="intent"
          value="preview"
          className={result ? "button secondary" : "button primary"}
          disabled={pending}
        >
          {text.showResult}
        </button>
        <Link href={cancelHref}>{messages.record.cancel}</Link>
      </div>
      {result && (
        <section ref={resultRef} tabIndex={-1} aria-labelledby="discharge-result-heading" className="panel">
          <h2 id="discharge-result-heading">
            {text.resultTitle(formatDate(new Date(`${result.date}T00:00:00Z`), locale))}
          </h2>
          <p>{text.improvement[result.improvement]}</p>
          {result.measuredOnDay === 0 && <p className="notice">{text.noFinalMeasurements}</p>}
          {result.instruments.length > 0 && (
            <DataTable
              label={text.resultTable}
              className="card-rows"
              columns={[text.instrument, text.atStart, text.atEnd, text.change, "MCID", text.verdict]}
              rows={result.instruments.map((row) => ({
                key: row.instrument,
                cells: [
                  messages.instrument[row.instrument],
                  formatNumber(row.baseline, locale),
                  formatNumber(row.latest, locale),
                  formatChange(row.change, locale),
                  formatNumber(row.mcid, locale),
                  <span key="verdict" className="verdict" data-verdict={row.verdict}>
                    {messages.overview.verdict[row.verdict]}
                  </span>,
                ],
              }))}
            />
          )}
          <p className="hint">{text.confirmHint}</p>
          <div className="form-actions">
            <button type="submit" name="intent" value="confirm" className="button primary" disabled={pending}>
              {text.confirm}
            </button>
          </div>
        </section>
      )}
    </form>
  );
}
