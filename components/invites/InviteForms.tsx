"use client";
import Link from "next/link";
import { useActionState, useId } from "react";
import type { AcceptState } from "@/app/actions/invites";
import { initialFormState, type FormState } from "@/lib/forms/form-state";
import { ConfirmDialog } from "../ConfirmDialog";
import { CopyButton } from "../CopyButton";
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
  text: { create: string; replaceTitle: string; replaceBody: string; cancel: string; link: string; copy: string; copied: string };
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
        <div className="field invite-link">
          <label htmlFor={linkId}>{text.link}</label>
          <div className="inline-fields">
            <input id={linkId} readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
            <CopyButton value={link} label={text.copy} copiedLabel={text.copied} />
          </div>
        </div>
      )}
    </div>
  );
}

/**
 * The form behind a single-use link: the email (only for a new portal account), the name (a
 * staff invitation, prefilled from the invitation) and the password twice.
 */
export function AcceptInviteForm({
  action,
  email,
  needsEmail = false,
  name,
  text,
}: {
  action: (state: AcceptState, formData: FormData) => Promise<AcceptState>;
  email: string | null;
  needsEmail?: boolean;
  /** Asked for, prefilled, when given. */
  name?: string;
  text: { email: string; name: string; password: string; confirmPassword: string; submit: string; submitting: string; toSignIn: string };
}) {
  const [state, formAction, pending] = useActionState(action, { ...initialFormState({ email: email ?? undefined, name }), done: false });
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
      {name !== undefined && <TextField id="name" label={text.name} autoComplete="name" defaultValue={state.values.name} error={state.errors.name} />}
      <TextField id="password" label={text.password} type="password" autoComplete="new-password" error={state.errors.password} />
      <TextField id="confirmPassword" label={text.confirmPassword} type="password" autoComplete="new-password" error={state.errors.confirmPassword} />
      <button type="submit" className="button primary large" disabled={pending}>
        {pending ? text.submitting : text.submit}
      </button>
    </form>
  );
}
