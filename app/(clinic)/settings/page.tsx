import Link from "next/link";

import { reevaluationProgressAction, saveRuleSettingsAction } from "@/app/actions/settings";
import { ScheduledJobs } from "@/components/admin/ScheduledJobs";
import { ReevaluationProgress } from "@/components/ReevaluationProgress";
import { SettingsForm } from "@/components/SettingsForm";
import { DEFAULT_RULE_SETTINGS, SETTING_DECIMALS, SETTING_LIMITS, SETTING_NAMES } from "@/lib/clinical/rules/settings";
import { page } from "@/lib/platform/entry-points/page.server";
import { scheduledJobStatus } from "@/lib/platform/jobs/job-status";
import { formatInputNumber, formatNumber } from "@/lib/present/i18n/format";
import { getClinicRuleSettings } from "@/lib/server/rules/clinic-rule-settings";
import { reevaluationProgress } from "@/lib/server/rules/reevaluation";

export default page({ name: "/settings", access: "clinic-admin" }, async ({ actor, db, messages }) => {
  const text = messages.settings;
  const [settings, progress, jobs] = await Promise.all([
    getClinicRuleSettings(db, actor),
    reevaluationProgress(db, actor.clinicId),
    scheduledJobStatus(db, actor),
  ]);
  const number = (value: number) => formatNumber(value, actor.locale, 2);
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
        fields={SETTING_NAMES.map((name) => ({
          name,
          label: text.fields[name],
          hint: text.limits(
            number(DEFAULT_RULE_SETTINGS[name]),
            number(SETTING_LIMITS[name][0]),
            number(SETTING_LIMITS[name][1]),
            SETTING_DECIMALS[name] ?? 0,
          ),
        }))}
        initial={Object.fromEntries(
          SETTING_NAMES.map((name) => [name, formatInputNumber(settings[name], actor.locale)]),
        )}
      />
      <ScheduledJobs jobs={jobs} locale={actor.locale} />
    </>
  );
});
