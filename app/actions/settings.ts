"use server";
import { revalidatePath } from "next/cache";
import { actorFor } from "@/lib/auth/guard.server";
import { assertCan } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/app-db.server";
import { errorTexts } from "@/lib/forms/error-text";
import { formValues } from "@/lib/forms/form-input";
import type { FormState } from "@/lib/forms/form-state";
import { getMessages } from "@/lib/i18n";
import { updateClinicRuleSettings } from "@/lib/rules/clinic-rule-settings";
import { reevaluationProgress, type ReevaluationProgress } from "@/lib/rules/reevaluation";
import { reevaluateInBackground } from "@/lib/rules/reevaluation-runner.server";
import { SETTING_FIELDS } from "@/lib/rules/settings";

export async function saveRuleSettingsAction(previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await actorFor(["ADMIN"]);
  const messages = getMessages(actor.locale);
  const values = formValues(formData);
  const result = await updateClinicRuleSettings(await getDb(), actor, values);
  const next = { attempt: previous.attempt + 1, values, errors: {}, formError: null };
  if (result.status === "invalid") return { ...next, errors: errorTexts(result.fieldErrors, messages, SETTING_FIELDS), formError: messages.validation.summary };
  // The change and the request to re-evaluate are saved; the flags follow in the background.
  reevaluateInBackground(actor.clinicId);
  revalidatePath("/", "layout");
  return { ...next, notice: messages.settings.saved(result.episodes) };
}

/** How far the re-evaluation of the clinic's flags has come, for the settings page to show. */
export async function reevaluationProgressAction(): Promise<ReevaluationProgress> {
  const actor = await actorFor(["ADMIN"]);
  assertCan(actor, "clinic-admin");
  return reevaluationProgress(await getDb(), actor.clinicId);
}
