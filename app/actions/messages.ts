"use server";
import { revalidatePath } from "next/cache";

import type { FormContext } from "@/lib/platform/entry-points/action.server";
import { formAction } from "@/lib/platform/entry-points/action.server";
import { ids } from "@/lib/platform/entry-points/ids";
import { errorTexts } from "@/lib/present/forms/error-text";
import type { Messages } from "@/lib/present/i18n";
import { MESSAGE_FIELDS, sendMessage, type SendResult } from "@/lib/server/messages/messages";

// Messages between a patient and the clinic (SPEC §10): the patient writes from the portal,
// staff from the patient's conversation page. The service checks who may write to whom.

function answerFor(result: SendResult, messages: Messages, answer: FormContext["answer"]) {
  if (result.status === "invalid")
    return answer({
      errors: errorTexts(result.fieldErrors, messages, MESSAGE_FIELDS),
      formError: messages.validation.summary,
    });
  if (result.status === "noPortal") return answer({ formError: messages.conversation.noPortal });
  // The field empties for the next message.
  return answer({ values: {}, notice: messages.conversation.sent });
}

export const sendOwnMessageAction = formAction(
  { name: "messages.sendOwn", access: "own-record", args: [] },
  async ({ actor, db, messages, values, answer }) => {
    const result = await sendMessage(db, actor, null, values);
    if (result.status === "sent") revalidatePath("/portal/messages");
    return answerFor(result, messages, answer);
  },
);

export const sendPatientMessageAction = formAction(
  { name: "messages.sendToPatient", access: "clinic-patients", args: [ids.patient] },
  async ({ actor, db, messages, values, answer, args: [patientId] }) => {
    const result = await sendMessage(db, actor, patientId, values);
    if (result.status === "sent") revalidatePath(`/patients/${patientId}/messages`);
    return answerFor(result, messages, answer);
  },
);
