"use server";
import { revalidatePath } from "next/cache";

import { formAction } from "@/lib/platform/entry-points/action.server";
import { errorTexts } from "@/lib/present/forms/error-text";
import { CLINIC_PROFILE_FIELDS, saveClinicProfile } from "@/lib/server/clinics/clinic-profile";

/** Saves the clinic's profile; every page that shows the clinic's name and phone shows the new one. */
export const saveClinicProfileAction = formAction(
  { name: "clinic.saveProfile", access: "clinic-admin", args: [] },
  async ({ actor, db, messages, values, answer }) => {
    const result = await saveClinicProfile(db, actor, values);
    if (result.status === "invalid")
      return answer({
        errors: errorTexts(result.fieldErrors, messages, CLINIC_PROFILE_FIELDS),
        formError: messages.validation.summary,
      });
    revalidatePath("/", "layout");
    return answer({ notice: messages.clinicProfile.saved });
  },
);
