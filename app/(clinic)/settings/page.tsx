import Link from "next/link";

import { reevaluationProgressAction, saveRuleSettingsAction } from "@/app/actions/settings";
import { ScheduledJobs } from "@/components/admin/ScheduledJobs";
import { ReevaluationProgress } from "@/components/ReevaluationProgress";
import { SettingsForm } from "@/components/SettingsForm";
import { SETTING_NAMES } from "@/lib/clinical/rules/settings";
import { page } from "@/lib/platform/entry-points/page.server";
import { scheduledJobStatus } from "@/lib/platform/jobs/job-status";
import { settingInputValue } from "@/lib/present/settings/rule-setting-fields";
import { getClinicRuleSettings } from "@/lib/server/rules/clinic-rule-settings";
import { reevaluationProgress } from "@/lib/server/rules/reevaluation";

export default page({ name: "/settings", access: "clinic-admin" }, async ({ actor, db, messages }) => {
  const text = messages.settings;
  const [settings, progress, jobs] = await Promise.all([
    getClinicRuleSettings(db, actor),
    reevaluationProgress(db, actor.clinicId),
    scheduledJobStatus(db, actor),
  ]);
  return (
    <>
      <div className="page-heading">
        <h1>{text.title}</h1>
        <Link href="/settings/templates" className="button secondary">
          {messages.programs.templates}
        </Link>
      </div>
      <p className="hint">{text.intro}</p>
      <ReevaluationProgress initial={progress} poll={reevaluationProgressAction} />
      <SettingsForm
        action={saveRuleSettingsAction}
        initial={Object.fromEntries(
          SETTING_NAMES.map((name) => [name, settingInputValue(name, settings[name], actor.locale)]),
        )}
      />
      <ScheduledJobs jobs={jobs} locale={actor.locale} />
    </>
  );
});
