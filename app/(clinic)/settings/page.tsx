import Link from "next/link";
import { saveRuleSettingsAction } from "@/app/actions/settings";
import { AppShell } from "@/components/AppShell";
import { SettingsForm } from "@/components/SettingsForm";
import { requireActor } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/app-db.server";
import { getMessages } from "@/lib/i18n";
import { formatNumber } from "@/lib/i18n/format";
import { getClinicRuleSettings, SETTING_NAMES } from "@/lib/rules/clinic-rule-settings";
import { DEFAULT_RULE_SETTINGS } from "@/lib/rules/settings";

export default async function SettingsPage() {
  const actor = await requireActor(["ADMIN"]);
  const messages = getMessages(actor.locale);
  const text = messages.settings;
  const settings = await getClinicRuleSettings(await getDb(), actor);
  return (
    <AppShell actor={actor} messages={messages} current="/settings">
      <div className="page-heading">
        <h1>{text.title}</h1>
        <Link href="/settings/templates" className="button secondary">
          {messages.programs.templates}
        </Link>
      </div>
      <p className="hint">{text.intro}</p>
      <SettingsForm
        action={saveRuleSettingsAction}
        fields={SETTING_NAMES.map((name) => ({ name, label: `${text.fields[name]} (${text.defaultValue(formatNumber(DEFAULT_RULE_SETTINGS[name], actor.locale, 2))})` }))}
        initial={Object.fromEntries(SETTING_NAMES.map((name) => [name, String(settings[name])]))}
        text={{ save: text.save, saving: text.saving }}
      />
    </AppShell>
  );
}
