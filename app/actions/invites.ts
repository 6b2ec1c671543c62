"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { formAction } from "@/lib/entry/action.server";
import { ids } from "@/lib/entry/ids";
import { readEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { errorTexts } from "@/lib/forms/error-text";
import type { FormState } from "@/lib/forms/form-state";
import { acceptInvite, createInvite, ZInviteToken } from "@/lib/invites/invites";

/** The app's public address: NEXTAUTH_URL (set by `npm start`), else the request's host. */
async function appUrl(): Promise<string> {
  const { NEXTAUTH_URL } = readEnv();
  if (NEXTAUTH_URL) return NEXTAUTH_URL;
  const requestHeaders = await headers();
  return `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${requestHeaders.get("host")}`;
}

/** Creates an invite; the link comes back once, in `values.link`. */
export const createInviteAction = formAction(
  { name: "invites.create", access: "clinic-patients", args: [ids.patient] },
  async ({ actor, db, messages, args: [patientId], answer }) => {
    const created = await createInvite(db, actor, patientId, new Date()).catch((error: unknown) => {
      if (isAppError(error, "CONFLICT")) return null;
      throw error;
    });
    revalidatePath(`/patients/${patientId}`);
    if (!created) return answer({ values: {}, formError: messages.invite.createdMeanwhile });
    return answer({ values: { link: new URL(`/invite/${created.token}`, await appUrl()).toString() } });
  },
);

export type AcceptState = FormState & { done: boolean };

/** The patient chooses a password through an invitation link; open to anyone holding the link. */
export const acceptInviteAction = formAction(
  { name: "invites.accept", access: "public", args: [ZInviteToken], extra: { done: false } },
  async ({ db, locale, messages, args: [token], values, answer }) => {
    const result = await acceptInvite(db, token, values, locale, new Date());
    const next = { values: { email: values.email } };
    switch (result.status) {
      case "ACCEPTED":
        return answer({ ...next, values: { email: result.email }, notice: messages.invite.accepted, done: true });
      case "INVALID_INPUT":
        return answer({ ...next, errors: errorTexts(result.fieldErrors, messages), formError: messages.validation.summary });
      case "USED":
        return answer({ ...next, formError: messages.invite.used });
      case "EXPIRED":
        return answer({ ...next, formError: messages.invite.expired });
      case "INVALID":
        return answer({ ...next, formError: messages.invite.invalid });
      case "CLOSED":
        return answer({ ...next, formError: messages.invite.closed });
    }
  },
);
