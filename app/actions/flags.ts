"use server";
import { revalidatePath } from "next/cache";
import { actorFor } from "@/lib/auth/guard.server";
import { getDb } from "@/lib/db/app-db.server";
import { isAppError } from "@/lib/errors";
import { ACKNOWLEDGE_FIELDS, acknowledgeFlag } from "@/lib/flags/acknowledge-flag";
import { errorTexts } from "@/lib/forms/error-text";
import type { FormState } from "@/lib/forms/form-state";
import { getMessages } from "@/lib/i18n";

export async function acknowledgeFlagAction(flagId: string, previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await actorFor(["ADMIN", "CLINICIAN"]);
  const messages = getMessages(actor.locale);
  const note = String(formData.get("note") ?? "");
  const next = { attempt: previous.attempt + 1, values: { note }, errors: {}, formError: null };
  try {
    const result = await acknowledgeFlag(await getDb(), actor, flagId, note);
    if (result.status === "invalid") return { ...next, errors: errorTexts(result.fieldErrors, messages, ACKNOWLEDGE_FIELDS), formError: messages.validation.summary };
  } catch (error) {
    if (isAppError(error, "CONFLICT")) return { ...next, formError: messages.flags.notOpen };
    throw error;
  }
  revalidatePath(`/flags/${flagId}`);
  return { ...next, values: {}, formError: null };
}
