"use server";
import { revalidatePath } from "next/cache";

import { today } from "@/lib/platform/dates";
import { commandAction, formAction } from "@/lib/platform/entry-points/action.server";
import { ids } from "@/lib/platform/entry-points/ids";
import { isAppError } from "@/lib/platform/errors";
import { errorTexts } from "@/lib/present/forms/error-text";
import { changeEpisodeStatus, openEpisode } from "@/lib/server/episodes/episodes";
import { REFERRAL_FIELDS } from "@/lib/server/episodes/referral-input";

export const openEpisodeAction = formAction(
  { name: "episodes.open", access: "clinic-patients", args: [ids.patient] },
  async ({ actor, db, messages, args: [patientId], values, answer }) => {
    const result = await openEpisode(db, actor, patientId, values, () => today(actor.timeZone));
    if (result.status === "opened") {
      revalidatePath(`/patients/${patientId}`);
      return answer({ values: {} });
    }
    if (result.status === "alreadyOpen") return answer({ formError: messages.patient.alreadyOpen });
    return answer({
      errors: errorTexts(result.fieldErrors, messages, REFERRAL_FIELDS),
      formError: messages.validation.summary,
    });
  },
);

/** Pause, resume, discharge or reopen; answers a message for a change that no longer fits. */
export const changeEpisodeStatusAction = commandAction(
  { name: "episodes.changeStatus", access: "clinic-patients", args: [ids.patient, ids.episode] },
  async ({ actor, db, messages, args: [patientId, episodeId], values }) => {
    try {
      const result = await changeEpisodeStatus(db, actor, episodeId, values, today(actor.timeZone));
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
