"use server";
import { revalidatePath } from "next/cache";
import { today } from "@/lib/dates";
import { formAction, type FormContext } from "@/lib/entry/action.server";
import { errorTexts } from "@/lib/forms/error-text";
import type { Messages } from "@/lib/i18n";
import { logMorningPain, logSession, type PortalLogResult, PORTAL_LOG_FIELDS } from "@/lib/portal/portal-logs";

/** The form's answer to a portal log: saved (or the day's value updated), or what to correct. */
function answerLog(result: PortalLogResult, answer: FormContext["answer"], messages: Messages, saved: "morningSaved" | "sessionSaved") {
  if (result.status !== "invalid") {
    revalidatePath("/portal");
    return answer({ values: {}, notice: messages.portal[saved] });
  }
  const errors = errorTexts(result.fieldErrors, messages, PORTAL_LOG_FIELDS);
  if (result.fieldErrors.assignmentId) errors.assignmentId = messages.portal.notYours;
  return answer({ errors, formError: messages.validation.summary });
}

export const logMorningPainAction = formAction({ name: "portal.logMorningPain", access: "own-record", args: [] }, async ({ actor, db, messages, values, answer }) =>
  answerLog(await logMorningPain(db, actor, values, today()), answer, messages, "morningSaved"),
);

export const logSessionAction = formAction({ name: "portal.logSession", access: "own-record", args: [] }, async ({ actor, db, messages, values, answer }) =>
  answerLog(await logSession(db, actor, values, today()), answer, messages, "sessionSaved"),
);
