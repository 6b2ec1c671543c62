"use server";
import { revalidatePath } from "next/cache";

import { today } from "@/lib/platform/dates";
import { commandAction, formAction } from "@/lib/platform/entry-points/action.server";
import { ids } from "@/lib/platform/entry-points/ids";
import { errorTexts } from "@/lib/present/forms/error-text";
import { REFERRAL_FIELDS } from "@/lib/server/episodes/referral-input";
import { removeReferral, saveReferral } from "@/lib/server/episodes/referrals";

/** Adds or corrects the referral of a patient's episode; the patient page shows it at once. */
export const saveReferralAction = formAction(
  { name: "referrals.save", access: "clinic-patients", args: [ids.patient, ids.episode] },
  async ({ actor, db, messages, args: [patientId, episodeId], values, answer }) => {
    const result = await saveReferral(db, actor, patientId, episodeId, values, () => today(actor.timeZone));
    if (result.status === "invalid")
      return answer({
        errors: errorTexts(result.fieldErrors, messages, REFERRAL_FIELDS),
        formError: messages.validation.summary,
      });
    revalidatePath(`/patients/${patientId}`);
    return answer({ notice: messages.referral.saved });
  },
);

/** Removes the referral of a patient's episode (confirmed in a dialog). */
export const removeReferralAction = commandAction(
  { name: "referrals.remove", access: "clinic-patients", args: [ids.patient, ids.episode] },
  async ({ actor, db, args: [patientId, episodeId] }) => {
    await removeReferral(db, actor, patientId, episodeId);
    revalidatePath(`/patients/${patientId}`);
    return { error: null };
  },
);
