"use client";
import { useState, useTransition } from "react";

import { useMessages } from "../i18n/MessagesProvider";

/** The patient's CPR number in full (app/actions/patients.ts, audited), null when refused. */
export type RevealCpr = (patientId: string) => Promise<{ cpr: string } | null>;

/** The masked CPR number, shown in full on request (each showing is audited on the server). */
export function CprReveal({ reveal, masked }: { reveal: () => ReturnType<RevealCpr>; masked: string }) {
  const messages = useMessages();
  const text = { show: messages.patient.cprShow, hide: messages.patient.cprHide, failed: messages.patient.cprFailed };
  const [full, setFull] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();
  return (
    <span className="cpr-reveal">
      <span>{full ?? masked}</span>{" "}
      <button
        type="button"
        className="button quiet"
        aria-pressed={full !== null}
        disabled={pending}
        onClick={() =>
          full
            ? setFull(null)
            : startTransition(async () => {
                const answer = await reveal().catch(() => null);
                setFailed(!answer);
                setFull(answer?.cpr ?? null);
              })
        }
      >
        {full ? text.hide : text.show}
      </button>
      {failed && (
        <span role="alert" className="field-error">
          {text.failed}
        </span>
      )}
    </span>
  );
}
