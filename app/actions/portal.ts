"use server";
import { today } from "@/lib/platform/dates";
import { callAction } from "@/lib/platform/entry-points/action.server";
import { errorTexts } from "@/lib/present/forms/error-text";
import { trimmedValues, ZFormFields } from "@/lib/present/forms/form-input";
import type { Messages } from "@/lib/present/i18n";
import type { PortalLogAnswer } from "@/lib/present/portal/portal-log-answer";
import { sessionLine } from "@/lib/present/portal/session-line";
import { logMorningPain, logSession, PORTAL_LOG_FIELDS } from "@/lib/server/portal/portal-logs";

// The portal's two daily writes answer with what was stored, and the portal shows it without
// drawing the page again: no revalidatePath. At the morning peak, drawing the portal again
// after each write cost more than the write itself (decision record 018).

function refusal(fieldErrors: Parameters<typeof errorTexts>[0], messages: Messages): PortalLogAnswer<never> {
  const errors = errorTexts(fieldErrors, messages, PORTAL_LOG_FIELDS);
  if (fieldErrors.assignmentId) errors.assignmentId = messages.portal.notYours;
  return { status: "invalid", errors, formError: messages.validation.summary };
}

export const logMorningPainAction = callAction(
  { name: "portal.logMorningPain", access: "own-record", args: [ZFormFields] },
  async ({ actor, db, messages, args: [fields] }) => {
    const result = await logMorningPain(db, actor, trimmedValues(fields), today(actor.timeZone));
    if (result.status === "invalid") return refusal(result.fieldErrors, messages);
    return {
      status: "saved" as const,
      saved: { value: result.value, logged: messages.portal.morningLogged(result.value) },
      notice: messages.portal.morningSaved,
    };
  },
);

export const logSessionAction = callAction(
  { name: "portal.logSession", access: "own-record", args: [ZFormFields] },
  async ({ actor, db, messages, args: [fields] }) => {
    const result = await logSession(db, actor, trimmedValues(fields), today(actor.timeZone));
    if (result.status === "invalid") return refusal(result.fieldErrors, messages);
    return {
      status: "saved" as const,
      saved: { assignmentId: result.session.assignmentId, line: sessionLine(result.session, messages, actor.locale) },
      notice: messages.portal.sessionSaved,
    };
  },
);
