"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useId, useState, useTransition } from "react";

import { forgetOfflinePages } from "@/lib/platform/offline/offline-pages";
import { type FormState, initialFormState } from "@/lib/present/forms/form-state";
import type { AcceptState } from "@/lib/server/invites/accept-state";

import { useMessages } from "../i18n/MessagesProvider";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { CopyButton } from "../ui/CopyButton";
import { FormMessages } from "../ui/FormMessages";
import { QrCode } from "../ui/QrCode";
import { TextField } from "../ui/TextField";

/**
 * Creates an invitation link and shows it once. Replacing an open invitation asks first,
 * because the link the patient already has stops working.
 */
export function CreateInviteForm({
  action,
  hasOpenInvite,
  invitedBefore,
  email,
  sendsEmail,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hasOpenInvite: boolean;
  /** The patient has had an invitation (of any status): the button says "invite again". */
  invitedBefore: boolean;
  /** For a patient without a portal account: the address to invite, prefilled with the one on file. */
  email: { defaultValue: string } | null;
  /** Whether a mail server sends the invitation; without one the hint says the link is handed over here. */
  sendsEmail: boolean;
}) {
  const messages = useMessages();
  const text = {
    create:
      email === null
        ? messages.invite.sendPasswordLink
        : invitedBefore
          ? messages.invite.createAgain
          : messages.invite.create,
    replaceTitle: messages.invite.replaceTitle,
    replaceBody: messages.invite.replaceBody,
    cancel: messages.patient.confirmCancel,
    email: messages.invite.email,
    emailHint: sendsEmail ? messages.invite.emailHint : messages.invite.emailHintNoMailServer,
    link: messages.invite.link,
    copy: messages.invite.copy,
    copied: messages.invite.copied,
  };
  const [state, formAction, pending] = useActionState(action, initialFormState());
  const link = state.values.link;
  const emailField = email && (
    <TextField
      key={state.attempt}
      id="invite-email"
      name="email"
      label={text.email}
      hint={text.emailHint}
      type="email"
      autoComplete="off"
      defaultValue={state.values.email ?? email.defaultValue}
      error={state.errors.email}
    />
  );
  return (
    <div className="stack" aria-busy={pending}>
      {/* A new link's notice is shown with the link, below the button that made it. */}
      <FormMessages state={link ? { ...state, notice: undefined } : state} />
      {hasOpenInvite ? (
        <ConfirmDialog
          trigger={text.create}
          title={text.replaceTitle}
          body={text.replaceBody}
          confirm={text.create}
          cancel={text.cancel}
          action={formAction}
        >
          {emailField}
        </ConfirmDialog>
      ) : (
        <form action={formAction} noValidate className="stack inline-form">
          {emailField}
          <div>
            <button type="submit" className="button secondary" disabled={pending}>
              {text.create}
            </button>
          </div>
        </form>
      )}
      {link && (
        <>
          {/* Without a mail server nobody else will give the patient the link: a warning, not a success. */}
          <p role="status" className={sendsEmail ? "notice" : "warning-box"}>
            {state.notice}
          </p>
          <LinkField link={link} label={text.link} />
        </>
      )}
    </div>
  );
}

/**
 * A single-use link, shown once to hand over: selected on focus, with a copy button, and as a
 * QR code for a patient at the desk to open with their phone's camera.
 */
function LinkField({ link, label }: { link: string; label: string }) {
  const text = useMessages().invite;
  const id = useId();
  return (
    <div className="field invite-link">
      <label htmlFor={id}>{label}</label>
      <div className="inline-fields">
        <input id={id} readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
        <CopyButton value={link} label={text.copy} copiedLabel={text.copied} />
      </div>
      <figure className="invite-qr">
        <QrCode value={link} label={text.qrLabel} />
        <figcaption className="hint">{text.qrHint}</figcaption>
      </figure>
    </div>
  );
}

/**
 * Shows the password link waiting in the outbox, on request (the request is audited), with a
 * copy button; says so when none waits.
 */
export function RevealPasswordLink({ action }: { action: () => Promise<{ link: string | null } | null> }) {
  const messages = useMessages();
  const text = {
    hint: messages.invite.revealHint,
    reveal: messages.invite.reveal,
    nothing: messages.invite.nothingWaiting,
    link: messages.invite.passwordLink,
    copy: messages.invite.copy,
    copied: messages.invite.copied,
  };
  const [answer, setAnswer] = useState<{ link: string | null } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="stack" aria-busy={pending}>
      <p className="hint">{text.hint}</p>
      <div>
        <button
          type="button"
          className="button secondary"
          disabled={pending}
          onClick={() => startTransition(async () => setAnswer((await action()) ?? { link: null }))}
        >
          {text.reveal}
        </button>
      </div>
      {answer && !answer.link && <p role="status">{text.nothing}</p>}
      {answer?.link && <LinkField link={answer.link} label={text.link} />}
    </div>
  );
}

/**
 * The form behind a single-use link: the account's e-mail (shown, never asked: the clinic set
 * it), the name (a staff invitation, prefilled from the invitation) and the password twice.
 * Once the password is saved it signs in with it, through the same sign-in as the sign-in page
 * (throttle and audit included), so a patient on a phone does not type both again; should that
 * fail, it says so and links to the sign-in page.
 */
export function AcceptInviteForm({
  action,
  email,
  name,
}: {
  action: (state: AcceptState, formData: FormData) => Promise<AcceptState>;
  email: string;
  /** Asked for, prefilled, when given. */
  name?: string;
}) {
  const text = useMessages().invite;
  const router = useRouter();
  const [signInFailed, setSignInFailed] = useState(false);
  const acceptAndSignIn = async (previous: AcceptState, formData: FormData): Promise<AcceptState> => {
    const state = await action(previous, formData);
    if (!state.done) return state;
    const password = String(formData.get("password") ?? "");
    try {
      const { signIn } = await import("next-auth/react");
      const result = await signIn("credentials", { email, password, redirect: false });
      if (result?.ok && !result.error) {
        // A portal page kept offline from an earlier session on this phone is not this user's.
        await forgetOfflinePages();
        router.replace("/");
        router.refresh();
        return state;
      }
    } catch {
      // Said below: the password is saved, only the automatic sign-in did not happen.
    }
    setSignInFailed(true);
    return state;
  };
  const [state, formAction, pending] = useActionState(acceptAndSignIn, {
    ...initialFormState({ name }),
    done: false,
  });
  if (state.done) {
    return (
      <div className="stack">
        <p role="status" className="notice">
          {signInFailed ? text.acceptedSignInYourself : text.accepted}
        </p>
        {signInFailed && (
          <Link href="/sign-in" className="button primary large">
            {text.toSignIn}
          </Link>
        )}
      </div>
    );
  }
  return (
    <form key={state.attempt} action={formAction} noValidate className="stack" aria-busy={pending}>
      <FormMessages state={state} />
      <p>{email}</p>
      {name !== undefined && (
        <TextField
          id="name"
          label={text.name}
          autoComplete="name"
          defaultValue={state.values.name}
          error={state.errors.name}
        />
      )}
      <TextField
        id="password"
        label={text.password}
        type="password"
        autoComplete="new-password"
        error={state.errors.password}
      />
      <TextField
        id="confirmPassword"
        label={text.confirmPassword}
        type="password"
        autoComplete="new-password"
        error={state.errors.confirmPassword}
      />
      <button type="submit" className="button primary large" disabled={pending}>
        {pending ? text.submitting : text.submit}
      </button>
    </form>
  );
}
