"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { actorFor } from "@/lib/auth/guard.server";
import { getDb } from "@/lib/db/app-db.server";
import { readEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { errorTexts } from "@/lib/forms/error-text";
import { formValues } from "@/lib/forms/form-input";
import type { FormState } from "@/lib/forms/form-state";
import { getMessages } from "@/lib/i18n";
import { getLocale } from "@/lib/i18n/locale.server";
import { acceptInvite, createInvite } from "@/lib/invites/invites";

/** The app's public address: NEXTAUTH_URL (set by `npm start`), else the request's host. */
async function appUrl(): Promise<string> {
  const { NEXTAUTH_URL } = readEnv();
  if (NEXTAUTH_URL) return NEXTAUTH_URL;
  const requestHeaders = await headers();
  return `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${requestHeaders.get("host")}`;
}

/** Creates an invite; the link comes back once, in `values.link`. */
export async function createInviteAction(patientId: string, previous: FormState): Promise<FormState> {
  const actor = await actorFor(["ADMIN", "CLINICIAN"]);
  const created = await createInvite(await getDb(), actor, patientId, new Date()).catch((error: unknown) => {
    if (isAppError(error, "CONFLICT")) return null;
    throw error;
  });
  revalidatePath(`/patients/${patientId}`);
  if (!created) return { attempt: previous.attempt + 1, values: {}, errors: {}, formError: getMessages(actor.locale).invite.createdMeanwhile };
  const { token } = created;
  return { attempt: previous.attempt + 1, values: { link: new URL(`/invite/${token}`, await appUrl()).toString() }, errors: {}, formError: null };
}

export type AcceptState = FormState & { done: boolean };

export async function acceptInviteAction(token: string, previous: AcceptState, formData: FormData): Promise<AcceptState> {
  const locale = await getLocale();
  const messages = getMessages(locale);
  const values = formValues(formData);
  const result = await acceptInvite(await getDb(), token, values, locale, new Date());
  const next = { attempt: previous.attempt + 1, values: { email: values.email }, errors: {}, formError: null, done: false };
  switch (result.status) {
    case "ACCEPTED":
      return { ...next, values: { email: result.email }, notice: messages.invite.accepted, done: true };
    case "INVALID_INPUT":
      return { ...next, errors: errorTexts(result.fieldErrors, messages), formError: messages.validation.summary };
    case "USED":
      return { ...next, formError: messages.invite.used };
    case "EXPIRED":
      return { ...next, formError: messages.invite.expired };
    case "INVALID":
      return { ...next, formError: messages.invite.invalid };
    case "CLOSED":
      return { ...next, formError: messages.invite.closed };
  }
}
