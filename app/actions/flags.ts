"use server";
import { revalidatePath } from "next/cache";

import { commandAction, formAction } from "@/lib/platform/entry-points/action.server";
import { ids } from "@/lib/platform/entry-points/ids";
import { isAppError } from "@/lib/platform/errors";
import { errorTexts } from "@/lib/present/forms/error-text";
import { ACKNOWLEDGE_FIELDS, acknowledgeFlag, undoAcknowledgement } from "@/lib/server/flags/acknowledge-flag";

export const acknowledgeFlagAction = formAction(
  { name: "flags.acknowledge", access: "clinic-patients", args: [ids.flag] },
  async ({ actor, db, messages, args: [flagId], formData, answer }) => {
    const note = String(formData.get("note") ?? "");
    try {
      const result = await acknowledgeFlag(db, actor, flagId, note);
      if (result.status === "invalid")
        return answer({
          values: { note },
          errors: errorTexts(result.fieldErrors, messages, ACKNOWLEDGE_FIELDS),
          formError: messages.validation.summary,
        });
    } catch (error) {
      if (isAppError(error, "CONFLICT")) return answer({ values: { note }, formError: messages.flags.notOpen });
      throw error;
    }
    revalidatePath(`/flags/${flagId}`);
    return answer({ values: {} });
  },
);

export const undoAcknowledgementAction = commandAction(
  { name: "flags.undoAcknowledgement", access: "clinic-patients", args: [ids.flag] },
  async ({ actor, db, messages, args: [flagId] }) => {
    try {
      await undoAcknowledgement(db, actor, flagId);
    } catch (error) {
      if (isAppError(error, "CONFLICT")) return { error: messages.flags.notAcknowledged };
      throw error;
    }
    revalidatePath(`/flags/${flagId}`);
    return { error: null };
  },
);
