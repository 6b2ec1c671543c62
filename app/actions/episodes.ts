"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { today } from "@/lib/platform/dates";
import { commandAction, formAction } from "@/lib/platform/entry-points/action.server";
import { ids } from "@/lib/platform/entry-points/ids";
import { isAppError } from "@/lib/platform/errors";
import { errorTexts } from "@/lib/present/forms/error-text";
import { dischargeEpisode, type DischargeResult, previewDischarge } from "@/lib/server/episodes/discharge-episode";
import { changeEpisodeStatus, openEpisode } from "@/lib/server/episodes/episodes";
import { REFERRAL_FIELDS } from "@/lib/server/episodes/referral-input";
import { rawRecordInput, recordFields } from "@/lib/server/records/record-forms";

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

/** Pause, resume or reopen; answers a message for a change that no longer fits. */
export const changeEpisodeStatusAction = commandAction(
  { name: "episodes.changeStatus", access: "clinic-patients", args: [ids.patient, ids.episode] },
  async ({ actor, db, messages, args: [patientId, episodeId], values }) => {
    try {
      const result = await changeEpisodeStatus(db, actor, episodeId, values);
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

/**
 * Ending a course: "preview" answers the result against the MCID the final measurements give,
 * and writes nothing; "confirm" saves them and discharges, then opens the patient page, which
 * offers the discharge letter.
 */
export const dischargeEpisodeAction = formAction(
  {
    name: "episodes.discharge",
    access: "clinic-patients",
    args: [ids.patient, ids.episode],
    extra: { result: null as DischargeResult | null },
  },
  async ({ actor, db, messages, args: [patientId, episodeId], formData, values, answer }) => {
    const raw = { ...rawRecordInput("outcome", formData), reason: values.reason };
    const day = () => today(actor.timeZone);
    const outcome =
      values.intent === "confirm"
        ? await dischargeEpisode(db, actor, episodeId, raw, day)
        : await previewDischarge(db, actor, episodeId, raw, day);
    if (outcome.status === "preview") return answer({ result: outcome.result });
    if (outcome.status === "discharged") {
      revalidatePath(`/patients/${patientId}`);
      redirect(`/patients/${patientId}?saved=discharged`);
    }
    const errors = errorTexts(outcome.fieldErrors, messages, recordFields("outcome", raw));
    return answer({ errors, formError: errors.form ?? messages.validation.summary });
  },
);
