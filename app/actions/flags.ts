"use server";
import { revalidatePath } from "next/cache";

import { formAction } from "@/lib/entry/action.server";
import { ids } from "@/lib/entry/ids";
import { isAppError } from "@/lib/errors";
import { ACKNOWLEDGE_FIELDS, acknowledgeFlag } from "@/lib/flags/acknowledge-flag";
import { errorTexts } from "@/lib/forms/error-text";

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
