"use client";
import Link from "next/link";
import { useActionState, useId } from "react";
import type { AcceptState } from "@/app/actions/invites";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { ConfirmDialog } from "../ConfirmDialog";
import { FormMessages } from "../FormMessages";
import { TextField } from "../TextField";

/**
 * Creates an invitation link and shows it once. Replacing an open invitation asks first,
 * because the link the patient already has stops working.
 */
export function CreateInviteForm({
  action,
  hasOpenInvite,
  text,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hasOpenInvite: boolean;
  text: { create: string; replaceTitle: string; replaceBody: string; cancel: string; created: string; link: string };
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState());
  const linkId = useId();
  const link = state.values.link;
  return (
    <div className="stack" aria-busy={pending}>
      <FormMessages state={state} />
      {hasOpenInvite ? (
        <ConfirmDialog trigger={text.create} title={text.replaceTitle} body={text.replaceBody} confirm={text.create} cancel={text.cancel} action={formAction} />
      ) : (
        <form action={formAction}>
          <button type="submit" className="button secondary" disabled={pending}>
            {text.create}
          </button>
        </form>
      )}
      {link && (
        <div className="field invite-link" role="status">
          <p>{text.created}</p>
          <label htmlFor={linkId}>{text.link}</label>
          <input id={linkId} readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
        </div>
      )}
    </div>
  );
}

/** The patient's form on the invitation page: email (for a new account) and the password twice. */
export function AcceptInviteForm({
  action,
  email,
  needsEmail,
  text,
}: {
  action: (state: AcceptState, formData: FormData) => Promise<AcceptState>;
  email: string | null;
  needsEmail: boolean;
  text: { email: string; password: string; confirmPassword: string; submit: string; submitting: string; toSignIn: string };
}) {
  const [state, formAction, pending] = useActionState(action, { ...initialFormState({ email: email ?? undefined }), done: false });
  if (state.done) {
    return (
      <div className="stack">
        <FormMessages state={state} />
        <Link href="/sign-in" className="button primary large">
          {text.toSignIn}
        </Link>
      </div>
    );
  }
  return (
    <form key={state.attempt} action={formAction} noValidate className="stack" aria-busy={pending}>
      <FormMessages state={state} />
      {needsEmail ? (
        <TextField id="email" label={text.email} type="email" autoComplete="email" defaultValue={state.values.email} error={state.errors.email} />
      ) : (
        email && <p>{email}</p>
      )}
      <TextField id="password" label={text.password} type="password" autoComplete="new-password" error={state.errors.password} />
      <TextField id="confirmPassword" label={text.confirmPassword} type="password" autoComplete="new-password" error={state.errors.confirmPassword} />
      <button type="submit" className="button primary large" disabled={pending}>
        {pending ? text.submitting : text.submit}
      </button>
    </form>
  );
}
