"use server";
import { revalidatePath } from "next/cache";

import { today } from "@/lib/dates";
import { commandAction, formAction } from "@/lib/entry/action.server";
import { ids } from "@/lib/entry/ids";
import { changeEpisodeStatus, openEpisode } from "@/lib/episodes/episodes";
import { isAppError } from "@/lib/errors";
import { errorTexts } from "@/lib/forms/error-text";

export const openEpisodeAction = formAction(
  { name: "episodes.open", access: "clinic-patients", args: [ids.patient] },
  async ({ actor, db, messages, args: [patientId], values, answer }) => {
    const result = await openEpisode(db, actor, patientId, values, today);
    if (result.status === "opened") {
      revalidatePath(`/patients/${patientId}`);
      return answer({ values: {} });
    }
    if (result.status === "alreadyOpen") return answer({ formError: messages.patient.alreadyOpen });
    return answer({ errors: errorTexts(result.fieldErrors, messages), formError: messages.validation.summary });
  },
);

/** Pause, resume, discharge or reopen; answers a message for a change that no longer fits. */
export const changeEpisodeStatusAction = commandAction(
  { name: "episodes.changeStatus", access: "clinic-patients", args: [ids.patient, ids.episode] },
  async ({ actor, db, messages, args: [patientId, episodeId], values }) => {
    try {
      const result = await changeEpisodeStatus(db, actor, episodeId, values, today());
      if (result.status === "invalid")
        return { error: Object.values(errorTexts(result.fieldErrors, messages))[0] ?? messages.validation.summary };
    } catch (error) {
      if (isAppError(error, "CONFLICT")) return { error: messages.patient.conflict };
      throw error;
    }
    revalidatePath(`/patients/${patientId}`);
    return { error: null };
  },
);
