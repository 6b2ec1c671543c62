"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actorFor } from "@/lib/auth/guard.server";
import { getDb } from "@/lib/db/app-db.server";
import { errorTexts } from "@/lib/forms/error-text";
import type { FieldLimits } from "@/lib/forms/field-limits";
import { formValues } from "@/lib/forms/form-input";
import type { FormState } from "@/lib/forms/form-state";
import { getMessages } from "@/lib/i18n";
import type { ProgramContent } from "@/lib/programs/default-templates";
import { programContentFields } from "@/lib/programs/program-content-input";
import { copyTemplate, saveTemplateVersion, TEMPLATE_FIELDS, type TemplateResult } from "@/lib/programs/templates";

const TEMPLATES_PATH = "/settings/templates";

function answer(result: Exclude<TemplateResult, { status: "saved" }>, previous: FormState, values: FormState["values"], locale: "da" | "en", ranges: FieldLimits = TEMPLATE_FIELDS): FormState {
  const messages = getMessages(locale);
  const next = { attempt: previous.attempt + 1, values, errors: {}, formError: null };
  if (result.status === "stale") return { ...next, formError: messages.templates.stale };
  return { ...next, errors: errorTexts(result.fieldErrors, messages, ranges), formError: messages.validation.summary };
}

export async function copyTemplateAction(templateId: string, previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await actorFor(["ADMIN"]);
  const values = formValues(formData);
  const result = await copyTemplate(await getDb(), actor, templateId, values);
  if (result.status === "saved") {
    revalidatePath(TEMPLATES_PATH);
    return { attempt: previous.attempt + 1, values: {}, errors: {}, formError: null, notice: getMessages(actor.locale).templates.copied };
  }
  return answer(result, previous, values, actor.locale);
}

/** Saves an edit as the template's next version; `content` is the version edited (for ranges). */
export async function saveTemplateVersionAction(templateId: string, content: ProgramContent, previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await actorFor(["ADMIN"]);
  const values = formValues(formData);
  const result = await saveTemplateVersion(await getDb(), actor, templateId, values);
  if (result.status === "saved") {
    revalidatePath(TEMPLATES_PATH);
    redirect(TEMPLATES_PATH);
  }
  return answer(result, previous, values, actor.locale, programContentFields(content));
}
