import type { Locale } from "@/lib/generated/prisma/enums";
import type { TSettingChanges } from "@/lib/platform/audit/record-audit-event";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";
import { formatSettingValue, isSettingName } from "@/lib/present/settings/rule-setting-fields";

/** A settings change in the audit log: each threshold, old → new, in the units the settings page shows. */
export async function SettingChanges({ changes, locale }: { changes: TSettingChanges; locale: Locale }) {
  const messages = await getRequestMessages();
  const text = messages.admin.audit;
  const entries = Object.entries(changes).filter(([name]) => isSettingName(name));
  if (entries.length === 0) return <span className="cell-sub">{text.noValueChanges}</span>;
  return (
    <ul className="cell-sub setting-changes" aria-label={text.valueChanges}>
      {entries.map(([name, [before, after]]) =>
        isSettingName(name) ? (
          <li key={name}>
            {messages.settings.fields[name]}: {formatSettingValue(name, before, locale)} →{" "}
            {formatSettingValue(name, after, locale)}
          </li>
        ) : null,
      )}
    </ul>
  );
}
