"use client";
import { useActionState } from "react";

import { type FormState, initialFormState } from "@/lib/present/forms/form-state";
import { LOCALES } from "@/lib/present/i18n";

import { useMessages } from "./i18n/MessagesProvider";
import { FormMessages } from "./ui/FormMessages";
import { FormShell } from "./ui/FormShell";
import { SelectField } from "./ui/SelectField";
import { TextField } from "./ui/TextField";

type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

/** The user's own name and language. */
export function ProfileForm({ action, initial }: { action: FormAction; initial: { name: string; locale: string } }) {
  const messages = useMessages();
  const text = {
    name: messages.account.name,
    language: messages.account.language,
    save: messages.account.saveProfile,
    saving: messages.account.saving,
  };
  const [state, formAction, pending] = useActionState(action, initialFormState(initial));
  return (
    <FormShell state={state} formAction={formAction} pending={pending} labels={text} className="stack inline-form">
      <TextField
        id="name"
        label={text.name}
        autoComplete="name"
        defaultValue={state.values.name}
        error={state.errors.name}
      />
      <SelectField
        id="locale"
        label={text.language}
        options={LOCALES.map((locale) => ({ value: locale, label: messages.language[locale] }))}
        defaultValue={state.values.locale}
        error={state.errors.locale}
      />
    </FormShell>
  );
}

/** A new password, given the current one. No password is ever shown again. */
export function PasswordForm({ action }: { action: FormAction }) {
  const messages = useMessages();
  const text = {
    currentPassword: messages.account.currentPassword,
    newPassword: messages.account.newPassword,
    confirmPassword: messages.account.confirmPassword,
    save: messages.account.savePassword,
    saving: messages.account.saving,
  };
  const [state, formAction, pending] = useActionState(action, initialFormState());
  return (
    <FormShell state={state} formAction={formAction} pending={pending} labels={text} className="stack inline-form">
      <TextField
        id="currentPassword"
        label={text.currentPassword}
        type="password"
        autoComplete="current-password"
        error={state.errors.currentPassword}
      />
      <TextField
        id="password"
        label={text.newPassword}
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
    </FormShell>
  );
}

/** "Forgot your password": an address, and the same answer whatever it is. */
export function ForgotPasswordForm({ action }: { action: FormAction }) {
  const messages = useMessages();
  const text = {
    email: messages.forgotPassword.email,
    submit: messages.forgotPassword.submit,
    submitting: messages.forgotPassword.submitting,
  };
  const [state, formAction, pending] = useActionState(action, initialFormState());
  if (state.notice) return <FormMessages state={state} />;
  return (
    <form key={state.attempt} action={formAction} noValidate className="stack" aria-busy={pending}>
      <FormMessages state={state} />
      <TextField
        id="email"
        label={text.email}
        type="email"
        autoComplete="email"
        defaultValue={state.values.email}
        error={state.errors.email}
      />
      <button type="submit" className="button primary large" disabled={pending}>
        {pending ? text.submitting : text.submit}
      </button>
    </form>
  );
}
