"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import type { FieldLimits } from "@/lib/clinical/field-limits";
import { ZProgramContent } from "@/lib/clinical/programs/default-templates";
import { formAction, type FormContext } from "@/lib/platform/entry-points/action.server";
import { ids } from "@/lib/platform/entry-points/ids";
import { errorTexts } from "@/lib/present/forms/error-text";
import type { Messages } from "@/lib/present/i18n";
import { programContentFields } from "@/lib/server/programs/program-content-input";
import {
  copyTemplate,
  saveTemplateVersion,
  TEMPLATE_FIELDS,
  type TemplateResult,
} from "@/lib/server/programs/templates";

const TEMPLATES_PATH = "/settings/templates";

function notSaved(
  result: Exclude<TemplateResult, { status: "saved" }>,
  answer: FormContext["answer"],
  messages: Messages,
  ranges: FieldLimits = TEMPLATE_FIELDS,
) {
  if (result.status === "stale") return answer({ formError: messages.templates.stale });
  return answer({ errors: errorTexts(result.fieldErrors, messages, ranges), formError: messages.validation.summary });
}

export const copyTemplateAction = formAction(
  { name: "templates.copy", access: "clinic-admin", args: [ids.template] },
  async ({ actor, db, messages, args: [templateId], values, answer }) => {
    const result = await copyTemplate(db, actor, templateId, values);
    if (result.status !== "saved") return notSaved(result, answer, messages);
    revalidatePath(TEMPLATES_PATH);
    return answer({ values: {}, notice: messages.templates.copied });
  },
);

/** Saves an edit as the template's next version; `content` is the version edited (for the fields' ranges). */
export const saveTemplateVersionAction = formAction(
  { name: "templates.saveVersion", access: "clinic-admin", args: [ids.template, ZProgramContent.describe("content")] },
  async ({ actor, db, messages, args: [templateId, content], values, answer }) => {
    const result = await saveTemplateVersion(db, actor, templateId, values);
    if (result.status !== "saved") return notSaved(result, answer, messages, programContentFields(content));
    revalidatePath(TEMPLATES_PATH);
    redirect(TEMPLATES_PATH);
  },
);
