"use client";
import { createContext, type ReactNode, useContext, useEffect, useId, useRef } from "react";

import type { FormState } from "@/lib/present/forms/form-state";

/** Closes the dialog a form sits in; null outside a FormDialog. */
const CloseDialog = createContext<(() => void) | null>(null);

/**
 * A button that opens a form in a modal dialog, so a page lists its actions rather than open
 * forms. The native <dialog> traps focus, closes on Escape and gives focus back to the button.
 * The form inside closes the dialog once it has saved (useCloseOnSaved) and keeps it open to
 * show its errors. `open` opens it as the page loads (a link that asks for this action).
 */
export function FormDialog({
  trigger,
  title,
  close,
  open = false,
  primary = false,
  children,
}: {
  trigger: string;
  title: string;
  /** The close button's accessible name. */
  close: string;
  open?: boolean;
  primary?: boolean;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (open) dialog.current?.showModal();
  }, [open]);
  const closeDialog = () => dialog.current?.close();
  return (
    <>
      <button
        type="button"
        className={`button ${primary ? "primary" : "secondary"}`}
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
      >
        {trigger}
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} className="dialog">
        <div className="dialog-heading">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="dialog-close" aria-label={close} onClick={closeDialog}>
            ×
          </button>
        </div>
        <CloseDialog.Provider value={closeDialog}>{children}</CloseDialog.Provider>
      </dialog>
    </>
  );
}

/**
 * In a FormDialog: closes it after an answer that saved (no field or form error); returns the
 * close function for a Cancel button, or null when the form is not in a dialog.
 */
export function useCloseOnSaved(state: FormState): (() => void) | null {
  const close = useContext(CloseDialog);
  const saved = state.attempt > 0 && !state.formError && Object.keys(state.errors).length === 0;
  useEffect(() => {
    if (saved) close?.();
  }, [saved, state.attempt, close]);
  return close;
}
