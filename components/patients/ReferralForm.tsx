"use client";
import { useActionState } from "react";

import { type FormState, initialFormState } from "@/lib/present/forms/form-state";

import { useMessages } from "../i18n/MessagesProvider";
import { useCloseOnSaved } from "../ui/FormDialog";
import { FormShell } from "../ui/FormShell";
import { ReferralFields } from "./ReferralFields";

/** Adds or corrects an episode's referral, in a FormDialog that closes once it is saved. */
export function ReferralForm({
  action,
  initial,
  today,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The referral as stored, in the form's fields (dates as yyyy-mm-dd); empty to add one. */
  initial: Record<string, string | undefined>;
  today: string;
}) {
  const text = useMessages().referral;
  const [state, formAction, pending] = useActionState(action, initialFormState(initial));
  useCloseOnSaved(state);
  return (
    <FormShell state={state} formAction={formAction} pending={pending} labels={text} className="stack">
      <ReferralFields state={state} today={today} />
    </FormShell>
  );
}
