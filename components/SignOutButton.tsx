"use client";
import { useId, useRef, useState } from "react";

import { useMessages } from "./i18n/MessagesProvider";
import { flushQueue } from "./portal/entry-queue";
import { leaveThisPhone, type PatientOnPhone } from "./portal/leave-this-phone";

/**
 * Signs out. A patient's portal first sends the entries waiting on this phone; if some still
 * cannot be sent, it asks before deleting them. The pages kept for use offline are deleted
 * too, and the phone stops taking their reminders, so a shared phone keeps nothing of theirs
 * (SPEC §10). `patient` is the signed-in patient with the actions that send and forget; staff
 * have no queue.
 */
export function SignOutButton({
  patient,
  returnTo,
}: {
  patient?: PatientOnPhone | undefined;
  /** Where to land signed out; the sign-in page unless a page that needs signing out first says itself. */
  returnTo?: string;
}) {
  const text = useMessages().header;
  const { signOut: label, signingOut: pendingLabel, unsent } = text;
  // Said when the server could not be reached: only it can end the session.
  const failed = text.signOutFailed;
  const [pending, setPending] = useState(false);
  const [error, setError] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const leave = async () => {
    setPending(true);
    dialog.current?.close();
    try {
      await leaveThisPhone(patient, returnTo);
    } catch {
      setPending(false);
      setError(true);
    }
  };
  return (
    <div className="sign-out">
      <button
        type="button"
        className="button secondary"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(false);
          const { waiting } = patient ? await flushQueue(patient.owner, patient.send) : { waiting: 0 };
          if (waiting > 0) {
            setPending(false);
            dialog.current?.showModal();
            return;
          }
          await leave();
        }}
      >
        {pending ? pendingLabel : label}
      </button>
      {error && (
        <p role="alert" className="form-error">
          {failed}
        </p>
      )}
      {patient && (
        <dialog ref={dialog} aria-labelledby={titleId} className="dialog">
          <h2 id={titleId}>{unsent.title}</h2>
          <p>{unsent.body}</p>
          <div className="dialog-actions">
            <button type="button" className="button danger" onClick={() => void leave()}>
              {unsent.signOutAnyway}
            </button>
            <button type="button" className="button secondary" autoFocus onClick={() => dialog.current?.close()}>
              {unsent.stay}
            </button>
          </div>
        </dialog>
      )}
    </div>
  );
}
