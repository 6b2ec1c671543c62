"use server";
import { revalidatePath } from "next/cache";

import { today } from "@/lib/platform/dates";
import { formAction } from "@/lib/platform/entry-points/action.server";
import { ids } from "@/lib/platform/entry-points/ids";
import { errorTexts } from "@/lib/present/forms/error-text";
import { formatDate } from "@/lib/present/i18n/format";
import {
  CHECK_IN_FIELDS,
  PSFS_ACTIVITY_FIELDS,
  savePsfsActivities,
  saveWeeklyCheckIn,
} from "@/lib/server/portal/weekly-check-in";
import { PSFS_MAX_ITEMS } from "@/lib/server/records/kinds/outcome-input";

// The weekly check-in (SPEC §10): the patient answers it in the portal; the clinician sets the
// patient's own PSFS activities it asks about.

/** Each numbered field (psfs.0, activity.2) has the limit of its kind. */
const numbered = (limit: object, prefix: string) =>
  Object.fromEntries(Array.from({ length: PSFS_MAX_ITEMS }, (_, i) => [`${prefix}.${i}`, limit]));

export const saveWeeklyCheckInAction = formAction(
  { name: "checkIn.save", access: "own-record", args: [] },
  async ({ actor, db, messages, values, answer }) => {
    const result = await saveWeeklyCheckIn(db, actor, values, today(actor.timeZone));
    if (result.status === "invalid") {
      const limits = { activityPain: CHECK_IN_FIELDS.activityPain, ...numbered(CHECK_IN_FIELDS.psfs, "psfs") };
      return answer({
        errors: errorTexts(result.fieldErrors, messages, limits),
        formError: messages.validation.summary,
      });
    }
    if (result.status === "notYet")
      return answer({ formError: messages.checkIn.first(formatDate(result.nextDate, actor.locale)) });
    // The page is not drawn again: the form's own thanks stand in for it until the next visit.
    return answer({ notice: messages.checkIn.saved(formatDate(result.nextDate, actor.locale)) });
  },
);

export const savePsfsActivitiesAction = formAction(
  { name: "checkIn.saveActivities", access: "clinic-patients", args: [ids.patient, ids.episode] },
  async ({ actor, db, messages, values, answer, args: [patientId, episodeId] }) => {
    const result = await savePsfsActivities(db, actor, episodeId, values);
    if (result.status === "invalid")
      return answer({
        errors: errorTexts(result.fieldErrors, messages, numbered(PSFS_ACTIVITY_FIELDS.activity, "activity")),
        formError: messages.validation.summary,
      });
    revalidatePath(`/patients/${patientId}`);
    return answer({ notice: messages.checkIn.activitiesSaved });
  },
);
