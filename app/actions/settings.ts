"use server";
import { revalidatePath } from "next/cache";

import { callAction, formAction } from "@/lib/platform/entry-points/action.server";
import { errorTexts } from "@/lib/present/forms/error-text";
import { SETTING_FIELD_LIMITS } from "@/lib/present/settings/rule-setting-fields";
import { refreshReportFactsInBackground } from "@/lib/server/reports/report-facts-runner.server";
import {
  previewClinicRuleSettings,
  type RuleSettingsPreview,
  updateClinicRuleSettings,
} from "@/lib/server/rules/clinic-rule-settings";
import { reevaluationProgress } from "@/lib/server/rules/reevaluation";
import { reevaluateInBackground } from "@/lib/server/rules/reevaluation-runner.server";

/**
 * The rule settings form, in two steps: "intent=preview" checks the thresholds and answers what
 * they change and how many open episodes' flags would differ (nothing saved); "intent=save"
 * saves them and re-evaluates. Anything but "save" previews, so no submit saves unconfirmed.
 */
export const saveRuleSettingsAction = formAction(
  {
    name: "settings.saveRules",
    access: "clinic-admin",
    args: [],
    extra: { preview: null as Omit<RuleSettingsPreview, "status"> | null },
  },
  async ({ actor, db, messages, values, answer }) => {
    const invalid = (fieldErrors: Parameters<typeof errorTexts>[0]) =>
      answer({
        errors: errorTexts(fieldErrors, messages, SETTING_FIELD_LIMITS),
        formError: messages.validation.summary,
      });
    if (values.intent !== "save") {
      const result = await previewClinicRuleSettings(db, actor, values);
      if (result.status === "invalid") return invalid(result.fieldErrors);
      return answer({ preview: { changes: result.changes, impact: result.impact } });
    }
    const result = await updateClinicRuleSettings(db, actor, values);
    if (result.status === "invalid") return invalid(result.fieldErrors);
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
