"use server";
import { revalidatePath } from "next/cache";

import { SETTING_FIELDS } from "@/lib/clinical/rules/settings";
import { callAction, formAction } from "@/lib/platform/entry-points/action.server";
import { errorTexts } from "@/lib/present/forms/error-text";
import { refreshReportFactsInBackground } from "@/lib/server/reports/report-facts-runner.server";
import { updateClinicRuleSettings } from "@/lib/server/rules/clinic-rule-settings";
import { reevaluationProgress } from "@/lib/server/rules/reevaluation";
import { reevaluateInBackground } from "@/lib/server/rules/reevaluation-runner.server";

export const saveRuleSettingsAction = formAction(
  { name: "settings.saveRules", access: "clinic-admin", args: [] },
  async ({ actor, db, messages, values, answer }) => {
    const result = await updateClinicRuleSettings(db, actor, values);
    if (result.status === "invalid")
      return answer({
        errors: errorTexts(result.fieldErrors, messages, SETTING_FIELDS),
        formError: messages.validation.summary,
      });
    // The change and the request to re-evaluate are saved; the flags follow in the background.
    reevaluateInBackground(actor.clinicId);
    refreshReportFactsInBackground(actor.clinicId);
    revalidatePath("/", "layout");
    return answer({ notice: messages.settings.saved(result.episodes) });
  },
);

/** How far the re-evaluation of the clinic's flags has come, for the settings page to show. */
export const reevaluationProgressAction = callAction(
  { name: "settings.reevaluationProgress", access: "clinic-admin", args: [] },
  async ({ actor, db }) => reevaluationProgress(db, actor.clinicId),
);
