"use server";
import { revalidatePath } from "next/cache";
import { actorFor } from "@/lib/auth/guard.server";
import { today } from "@/lib/dates";
import { getDb } from "@/lib/db/app-db.server";
import { changeEpisodeStatus, openEpisode } from "@/lib/episodes/episodes";
import { isAppError } from "@/lib/errors";
import { errorTexts } from "@/lib/forms/error-text";
import { formValues } from "@/lib/forms/form-input";
import type { FormState } from "@/lib/forms/form-state";
import { getMessages } from "@/lib/i18n";

export async function openEpisodeAction(patientId: string, previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await actorFor(["ADMIN", "CLINICIAN"]);
  const messages = getMessages(actor.locale);
  const values = formValues(formData);
  const result = await openEpisode(await getDb(), actor, patientId, values, today);
  const next = { attempt: previous.attempt + 1, values, errors: {}, formError: null };
  if (result.status === "opened") {
    revalidatePath(`/patients/${patientId}`);
    return { ...next, values: {} };
  }
  if (result.status === "alreadyOpen") return { ...next, formError: messages.patient.alreadyOpen };
  return { ...next, errors: errorTexts(result.fieldErrors, messages), formError: messages.validation.summary };
}

/** Pause, resume, discharge or reopen; answers a message for a change that no longer fits. */
export async function changeEpisodeStatusAction(patientId: string, episodeId: string, formData: FormData): Promise<{ error: string | null }> {
  const actor = await actorFor(["ADMIN", "CLINICIAN"]);
  const messages = getMessages(actor.locale);
  try {
    const result = await changeEpisodeStatus(await getDb(), actor, episodeId, formValues(formData), today());
    if (result.status === "invalid") return { error: Object.values(errorTexts(result.fieldErrors, messages))[0] ?? messages.validation.summary };
  } catch (error) {
    if (isAppError(error, "CONFLICT")) return { error: messages.patient.conflict };
    throw error;
  }
  revalidatePath(`/patients/${patientId}`);
  return { error: null };
}
