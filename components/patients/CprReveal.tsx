"use client";
import { useState, useTransition } from "react";

import { revealCprAction } from "@/app/actions/patients";

import { useMessages } from "../i18n/MessagesProvider";

/** The masked CPR number, shown in full on request (each showing is audited on the server). */
export function CprReveal({ patientId, masked }: { patientId: string; masked: string }) {
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
                const answer = await revealCprAction(patientId).catch(() => null);
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
