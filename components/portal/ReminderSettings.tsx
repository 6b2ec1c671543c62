"use client";
import { useActionState, useEffect, useState } from "react";

import type { FormState } from "@/lib/present/forms/form-state";
import { initialFormState } from "@/lib/present/forms/form-state";

import { useMessages } from "../i18n/MessagesProvider";
import { TimeField } from "../ui/DateField";
import { FormMessages } from "../ui/FormMessages";
import { type KeepPush, type PushState, pushState, turnOnPush } from "./push-on-this-phone";

/**
 * The patient's reminder times and how the reminders arrive: as notifications on this phone
 * once allowed (web push), else by e-mail. Without VAPID keys on the server, e-mail only; where
 * the clinic sends no e-mail (no mail server), notifications only, and the patient is told so.
 */
export function ReminderSettings({
  action,
  times,
  keepPush,
  vapidPublicKey,
  email,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Asks the server to keep this phone's push subscription (app/actions/reminders.ts). */
  keepPush: KeepPush;
  times: { MORNING_PAIN: string | null; SESSION: string | null };
  vapidPublicKey: string | null;
  /** Where reminders go by e-mail: the patient's own address; null when the clinic sends no e-mail. */
  email: string | null;
}) {
  const messages = useMessages();
  const reminders = messages.reminders;
  const text = {
    ...reminders,
    // How the reminders come while this phone takes no notifications.
    withoutPush: email === null ? reminders.noEmail : reminders.byEmail(email),
    pushRefused: email === null ? reminders.pushRefusedNoEmail : reminders.pushRefused,
    pushFailed: email === null ? reminders.pushFailedNoEmail : reminders.pushFailed,
  };
  const [state, formAction, pending] = useActionState(
    action,
    initialFormState({ MORNING_PAIN: times.MORNING_PAIN ?? "", SESSION: times.SESSION ?? "" }),
  );
  const [push, setPush] = useState<PushState | "failed">("unsupported");
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (vapidPublicKey) void pushState(keepPush).then(setPush);
  }, [vapidPublicKey, keepPush]);
  return (
    <>
      <p>{text.intro}</p>
      <form action={formAction} noValidate className="stack portal-form" aria-busy={pending} aria-label={text.title}>
        <FormMessages state={state} />
        <div className="field-row">
          <TimeField
            id="reminder-morning"
            name="MORNING_PAIN"
            label={text.morningPain}
            defaultValue={state.values.MORNING_PAIN ?? ""}
            error={state.errors.MORNING_PAIN}
          />
          <TimeField
            id="reminder-session"
            name="SESSION"
            label={text.session}
            defaultValue={state.values.SESSION ?? ""}
            error={state.errors.SESSION}
          />
        </div>
        <button type="submit" className="button primary" disabled={pending}>
          {text.save}
        </button>
      </form>
      <p role="status">
        {push === "on"
          ? text.byPush
          : push === "refused"
            ? text.pushRefused
            : push === "failed"
              ? text.pushFailed
              : text.withoutPush}
      </p>
      {vapidPublicKey && (push === "off" || push === "failed") && (
        <button
          type="button"
          className="button secondary large"
          disabled={asking}
          onClick={async () => {
            setAsking(true);
            setPush((await turnOnPush(vapidPublicKey, keepPush).catch(() => null)) ?? "failed");
            setAsking(false);
          }}
        >
          {text.enablePush}
        </button>
      )}
    </>
  );
}
