"use client";
import { useState, useTransition } from "react";

import type { CommandAction } from "../action-types";
import { useMessages } from "../i18n/MessagesProvider";

/** Takes an acknowledgement back in one click: it only makes the flag more visible, so it asks nothing. */
export function UndoAcknowledgement({ action }: { action: CommandAction }) {
  const text = useMessages().flags;
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <button
        type="button"
        className="button secondary"
        disabled={pending}
        onClick={() => startTransition(async () => setError((await action()).error))}
      >
        {text.undoAcknowledge}
      </button>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </>
  );
}
