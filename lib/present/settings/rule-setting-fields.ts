// How the rule settings are shown and typed: the one place where the value a person reads and
// enters differs from the value the rules use. A share the rules keep as a fraction from 0 to 1
// (adherenceMinFraction) is a percentage from 0 to 100 on the page, in the form's checks, in its
// error texts and in the audit log; the service converts the typed value back before it stores it.
import type { NumberLimit } from "../../clinical/field-limits";
import {
  DEFAULT_RULE_SETTINGS,
  type RuleSettingName,
  SETTING_DECIMALS,
  SETTING_LIMITS,
  SETTING_NAMES,
} from "../../clinical/rules/settings";
import type { Locale } from "../../generated/prisma/enums";
import type { Messages } from "../i18n";
import { formatInputNumber, formatNumber } from "../i18n/format";

/** Settings kept as a fraction (0–1) and shown as a percentage (0–100 %). */
export const PERCENT_SETTINGS: ReadonlySet<RuleSettingName> = new Set<RuleSettingName>(["adherenceMinFraction"]);

const scaleOf = (name: RuleSettingName) => (PERCENT_SETTINGS.has(name) ? 100 : 1);
const storedDecimals = (name: RuleSettingName) => SETTING_DECIMALS[name] ?? 0;
/** A fraction with 2 decimals is a whole percentage. */
const fieldDecimals = (name: RuleSettingName) => Math.max(0, storedDecimals(name) - Math.log10(scaleOf(name)));
const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** What the field accepts, in the field's unit: its zod-free check and its error text both read it. */
export function settingFieldLimit(name: RuleSettingName): NumberLimit {
  const [min, max] = SETTING_LIMITS[name];
  const scale = scaleOf(name);
  return {
    min: round(min * scale, fieldDecimals(name)),
    max: round(max * scale, fieldDecimals(name)),
    decimals: fieldDecimals(name),
  };
}

export const SETTING_FIELD_LIMITS = Object.fromEntries(
  SETTING_NAMES.map((name) => [name, settingFieldLimit(name)]),
) as Record<RuleSettingName, NumberLimit>;

/** A value the rules use, as the field shows it (0.5 → 50). */
export function toFieldValue(name: RuleSettingName, stored: number): number {
  return round(stored * scaleOf(name), fieldDecimals(name));
}

/** A value typed in the field, as the rules use it (50 → 0.5). */
export function fromFieldValue(name: RuleSettingName, entered: number): number {
  return round(entered / scaleOf(name), storedDecimals(name));
}

/** The field's unit after a number, or nothing: "%" for a percentage. */
export const settingUnit = (name: RuleSettingName): string => (PERCENT_SETTINGS.has(name) ? " %" : "");

/** A stored value as a person reads it, with its unit (50 %, 42, 2,5). */
export function formatSettingValue(name: RuleSettingName, stored: number, locale: Locale): string {
  return `${formatNumber(toFieldValue(name, stored), locale, fieldDecimals(name))}${settingUnit(name)}`;
}

/** A stored value as the field holds it for editing (no unit: the label says it). */
export function settingInputValue(name: RuleSettingName, stored: number, locale: Locale): string {
  return formatInputNumber(toFieldValue(name, stored), locale, fieldDecimals(name));
}

/** Each field's default as the field holds it, for "Reset to default". */
export function defaultInputValues(locale: Locale): Record<RuleSettingName, string> {
  return Object.fromEntries(
    SETTING_NAMES.map((name) => [name, settingInputValue(name, DEFAULT_RULE_SETTINGS[name], locale)]),
  ) as Record<RuleSettingName, string>;
}

export const isSettingName = (name: string): name is RuleSettingName => SETTING_NAMES.includes(name as RuleSettingName);

/** A settings change as one line of text (the audit log's CSV): "label: 50 % → 60 %; …". */
export function settingChangesText(
  changes: Record<string, readonly [number, number]>,
  messages: Messages,
  locale: Locale,
): string {
  return Object.entries(changes)
    .flatMap(([name, [before, after]]) =>
      isSettingName(name)
        ? [
            `${messages.settings.fields[name]}: ${formatSettingValue(name, before, locale)} → ${formatSettingValue(name, after, locale)}`,
          ]
        : [],
    )
    .join("; ");
}
