"use client";
import { type ReactNode, useId, useRef, useState } from "react";

/**
 * A button that asks before a destructive action. The native <dialog> traps focus, closes
 * on Escape and returns focus to the button. `children` goes inside the dialog's form, for
 * fields the action needs (e.g. a reason). An action that answers `{ error }` has the error
 * shown beside the button.
 */
export function ConfirmDialog({
  trigger,
  title,
  body,
  confirm,
  cancel,
  action,
  triggerClassName = "button secondary",
  children,
}: {
  trigger: string;
  /** The opening button's look: a quiet one for actions repeated down a list. */
  triggerClassName?: string;
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  action: (formData: FormData) => void | Promise<void | { error: string | null }>;
  children?: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className={triggerClassName}
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
      >
        {trigger}
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} className="dialog">
        <form
          action={async (formData) => {
            const result = await action(formData);
            setError(result?.error ?? null);
            dialog.current?.close();
          }}
          className="stack"
        >
          <h2 id={titleId}>{title}</h2>
          <p>{body}</p>
          {children}
          <div className="dialog-actions">
            <button type="button" className="button secondary" onClick={() => dialog.current?.close()}>
              {cancel}
            </button>
            <button type="submit" className="button danger">
              {confirm}
            </button>
          </div>
        </form>
      </dialog>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </>
  );
}
