"use client";
import { useActionState } from "react";

import { type FormState, initialFormState } from "@/lib/present/forms/form-state";
import { LOCALES } from "@/lib/present/i18n";

import { useMessages } from "../i18n/MessagesProvider";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { FormMessages } from "../ui/FormMessages";
import { FormShell } from "../ui/FormShell";
import { SelectField } from "../ui/SelectField";
import { TextField } from "../ui/TextField";

type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;
type Option = { value: string; label: string };

/** Invites a clinician or admin by e-mail; the form empties once the invitation is sent. */
export function InviteStaffForm({
  action,
  roles,
  defaultLanguage,
}: {
  action: FormAction;
  roles: Option[];
  defaultLanguage: string;
}) {
  const messages = useMessages();
  const text = {
    name: messages.admin.users.name,
    email: messages.admin.users.email,
    role: messages.admin.users.role,
    language: messages.account.language,
    submit: messages.admin.users.invite,
    submitting: messages.admin.users.inviting,
  };
  const [state, formAction, pending] = useActionState(action, initialFormState());
  return (
    <FormShell
      state={state}
      formAction={formAction}
      pending={pending}
      labels={{ save: text.submit, saving: text.submitting }}
      className="stack"
    >
      <div className="field-row">
        <TextField
          id="name"
          label={text.name}
          autoComplete="off"
          defaultValue={state.values.name}
          error={state.errors.name}
        />
        <TextField
          id="email"
          label={text.email}
          type="email"
          autoComplete="off"
          defaultValue={state.values.email}
          error={state.errors.email}
        />
        <SelectField
          id="role"
          label={text.role}
          options={roles}
          defaultValue={state.values.role ?? "CLINICIAN"}
          error={state.errors.role}
        />
        <SelectField
          id="locale"
          label={text.language}
          options={LOCALES.map((locale) => ({ value: locale, label: messages.language[locale] }))}
          defaultValue={state.values.locale ?? defaultLanguage}
          error={state.errors.locale}
        />
      </div>
    </FormShell>
  );
}

/**
 * One staff member's actions: role, close or reopen, a password link. Each answers beside
 * itself; closing an account asks first.
 */
export function StaffActions({
  id,
  name,
  role,
  active,
  roles,
  actions,
}: {
  id: string;
  name: string;
  role: string;
  active: boolean;
  roles: Option[];
  actions: { changeRole: FormAction; deactivate: FormAction; reactivate: FormAction; sendReset: FormAction };
}) {
  const messages = useMessages();
  const text = {
    role: messages.admin.users.role,
    saveRole: messages.admin.users.saveRole,
    deactivate: messages.admin.users.deactivate,
    deactivateTitle: messages.admin.users.deactivateTitle(name),
    deactivateBody: messages.admin.users.deactivateBody,
    cancel: messages.patient.confirmCancel,
    reactivate: messages.admin.users.reactivate,
    sendReset: messages.admin.users.sendReset,
  };
  const [roleState, changeRole, rolePending] = useActionState(actions.changeRole, initialFormState());
  const [activeState, setActive, activePending] = useActionState(
    active ? actions.deactivate : actions.reactivate,
    initialFormState(),
  );
  const [resetState, sendReset, resetPending] = useActionState(actions.sendReset, initialFormState());
  return (
    <div className="staff-actions">
      <form key={roleState.attempt} action={changeRole} className="inline-fields" aria-busy={rolePending}>
        <SelectField
          id={`role-${id}`}
          name="role"
          label={text.role}
          options={roles}
          defaultValue={role}
          aria-label={`${text.role}: ${name}`}
        />
        <button type="submit" className="button secondary" disabled={rolePending}>
          {text.saveRole}
        </button>
      </form>
      <FormMessages state={roleState} />
      {active ? (
        <ConfirmDialog
          trigger={text.deactivate}
          title={text.deactivateTitle}
          body={text.deactivateBody}
          confirm={text.deactivate}
          cancel={text.cancel}
          action={setActive}
        />
      ) : (
        <form action={setActive}>
          <button type="submit" className="button secondary" disabled={activePending}>
            {text.reactivate}
          </button>
        </form>
      )}
      <FormMessages state={activeState} />
      {active && (
        <form action={sendReset}>
          <button type="submit" className="button secondary" disabled={resetPending}>
            {text.sendReset}
          </button>
        </form>
      )}
      <FormMessages state={resetState} />
    </div>
  );
}
