"use client";
import { useActionState } from "react";

import { type FormState, initialFormState } from "@/lib/present/forms/form-state";

import { useMessages } from "../i18n/MessagesProvider";
import { FormMessages } from "../ui/FormMessages";
import { TextField } from "../ui/TextField";

type Field = "name" | "address" | "phone" | "openingHours" | "cvr" | "locationNumber";

/** The clinic's profile: what the handout, the portal, the invitation page and e-mail show. */
export function ClinicProfileForm({
  action,
  initial,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: Record<Field, string>;
}) {
  const text = useMessages().clinicProfile;
  const [state, formAction, pending] = useActionState(action, initialFormState(initial));
  const field = (id: Field, extra: { inputMode?: "tel" | "numeric"; autoComplete?: string } = {}) => (
    <TextField
      id={id}
      label={text.fields[id]}
      hint={text.hints[id]}
      defaultValue={state.values[id]}
      error={state.errors[id]}
      {...extra}
    />
  );
  return (
    <form key={state.attempt} action={formAction} noValidate className="stack" aria-busy={pending}>
      <FormMessages state={state} />
      {field("name", { autoComplete: "organization" })}
      {field("address", { autoComplete: "street-address" })}
      {field("phone", { inputMode: "tel", autoComplete: "tel" })}
      {field("openingHours")}
      {field("cvr", { inputMode: "numeric" })}
      {field("locationNumber", { inputMode: "numeric" })}
      <div>
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? text.saving : text.save}
        </button>
      </div>
    </form>
  );
}
