"use client";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";

import { useMessages } from "../i18n/MessagesProvider";
import { leaveThisPhone } from "./leave-this-phone";
import type { ForgetPush } from "./push-on-this-phone";

/**
 * The patient's request to be erased: asked once more in a dialog, then answered on the same
 * page with what happens now and until when the record is kept (SPEC §9). The account is
 * closed by then, so the only way on is out: "Close" clears this phone of the patient's pages,
 * entries and reminders and ends the session, as signing out does.
 */
export function ErasureRequest({
  action,
  owner,
  forgetPush,
}: {
  action: () => Promise<{ message: string } | null>;
  owner: string;
  /** From the page (app/actions/reminders.ts): the server forgets this phone's reminders. */
  forgetPush: ForgetPush;
}) {
  const messages = useMessages();
  const text = {
    trigger: messages.portal.erasure.trigger,
    confirmTitle: messages.portal.erasure.confirmTitle,
    confirmBody: messages.portal.erasure.confirmBody,
    confirm: messages.portal.erasure.confirm,
    cancel: messages.portal.erasure.cancel,
    receiptTitle: messages.portal.erasure.receiptTitle,
    failed: messages.portal.erasure.failed,
    leave: messages.portal.erasure.leave,
  };
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // The account is closed: should the session not end (no connection), the way on is still out.
  const router = useRouter();
  const [receipt, setReceipt] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [pending, setPending] = useState(false);
  if (receipt) {
    return (
      <section className="notice" role="status" aria-labelledby={`${titleId}-receipt`}>
        <h2 id={`${titleId}-receipt`}>{text.receiptTitle}</h2>
        <p>{receipt}</p>
        <button
          type="button"
          className="button large"
          onClick={() => void leaveThisPhone({ owner, forgetPush }).catch(() => router.push("/sign-in"))}
        >
          {text.leave}
        </button>
      </section>
    );
  }
  return (
    <>
      <button
        type="button"
        className="button danger large"
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
      >
        {text.trigger}
      </button>
      {failed && (
        <p className="form-error" role="alert">
          {text.failed}
        </p>
      )}
      <dialog ref={dialog} aria-labelledby={titleId} className="dialog">
        <form
          className="stack"
          onSubmit={async (event) => {
            event.preventDefault();
            setPending(true);
            const answer = await action().catch(() => null);
            setPending(false);
            dialog.current?.close();
            setFailed(!answer);
            if (answer) setReceipt(answer.message);
          }}
        >
          <h2 id={titleId}>{text.confirmTitle}</h2>
          <p>{text.confirmBody}</p>
          <div className="dialog-actions">
            <button type="button" className="button secondary large" onClick={() => dialog.current?.close()}>
              {text.cancel}
            </button>
            <button type="submit" className="button danger large" disabled={pending}>
              {text.confirm}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
