"use server";
import { revalidatePath } from "next/cache";
import { actorFor } from "@/lib/auth/guard.server";
import { today } from "@/lib/dates";
import { getDb } from "@/lib/db/app-db.server";
import { errorTexts } from "@/lib/forms/error-text";
import { formValues } from "@/lib/forms/form-input";
import type { FormState } from "@/lib/forms/form-state";
import { getMessages } from "@/lib/i18n";
import { logMorningPain, logSession, type PortalLogResult, PORTAL_LOG_FIELDS } from "@/lib/portal/portal-logs";

async function answer(log: typeof logMorningPain, previous: FormState, formData: FormData, saved: "morningSaved" | "sessionSaved"): Promise<FormState> {
  const actor = await actorFor(["PATIENT"]);
  const messages = getMessages(actor.locale);
  const values = formValues(formData);
  const result: PortalLogResult = await log(await getDb(), actor, values, today());
  if (result.status !== "invalid") {
    revalidatePath("/portal");
    return { attempt: previous.attempt + 1, values: {}, errors: {}, formError: null, notice: messages.portal[saved] };
  }
  const errors = errorTexts(result.fieldErrors, messages, PORTAL_LOG_FIELDS);
  if (result.fieldErrors.assignmentId) errors.assignmentId = messages.portal.notYours;
  return { attempt: previous.attempt + 1, values, errors, formError: messages.validation.summary };
}

export async function logMorningPainAction(previous: FormState, formData: FormData): Promise<FormState> {
  return answer(logMorningPain, previous, formData, "morningSaved");
}

export async function logSessionAction(previous: FormState, formData: FormData): Promise<FormState> {
  return answer(logSession, previous, formData, "sessionSaved");
}
