"use client";
import { useActionState, useEffect, useRef, useState } from "react";

import { DEFAULT_RULE_SETTINGS, type RuleSettingName, SETTING_GROUPS } from "@/lib/clinical/rules/settings";
import { type FormState, initialFormState } from "@/lib/present/forms/form-state";
import { formatNumber } from "@/lib/present/i18n/format";
import {
  defaultInputValues,
  formatSettingValue,
  isSettingName,
  SETTING_FIELD_LIMITS,
  settingUnit,
} from "@/lib/present/settings/rule-setting-fields";
import type { SettingsImpact } from "@/lib/server/rules/settings-impact";

import { useLocale, useMessages } from "./i18n/MessagesProvider";
import { FormMessages } from "./ui/FormMessages";
import { TextField } from "./ui/TextField";

/** What the preview step answers: each changed setting (before, after, as the rules keep it) and the impact. */
export type SettingsPreview = { changes: Record<string, [number, number]>; impact: SettingsImpact | null };
export type SettingsFormState = FormState & { preview: SettingsPreview | null };

/**
 * The clinic's rule thresholds, grouped by the rule that reads them, each field with its default
 * and each group with "Reset to default". Saving takes two steps: the first submit asks the
 * server what the change does (the changed values and how many patients' flags would differ), the
 * confirmation then saves. Editing a field after the preview withdraws it, so what is saved is
 * what was previewed.
 */
export function SettingsForm({
  action,
  initial,
}: {
  action: (state: SettingsFormState, formData: FormData) => Promise<SettingsFormState>;
  /** Each setting as the field holds it (a share in percent). */
  initial: Record<string, string>;
}) {
  const messages = useMessages();
  const text = messages.settings;
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, { ...initialFormState(initial), preview: null });
  const form = useRef<HTMLFormElement>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  // The answer whose preview was withdrawn (a field edited, "back" or a reset after it).
  const [withdrawn, setWithdrawn] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const preview = state.preview && withdrawn !== state.attempt ? state.preview : null;
  useEffect(() => {
    if (state.preview) confirmHeading.current?.focus();
  }, [state.preview, state.attempt]);

  const groupName = (rule: (typeof SETTING_GROUPS)[number]["rule"]) =>
    rule === "REPORT" ? text.reportGroup : messages.flags.codes[rule];
  const hint = (name: RuleSettingName) => {
    const limit = SETTING_FIELD_LIMITS[name];
    const unit = settingUnit(name);
    return text.limits(
      formatSettingValue(name, DEFAULT_RULE_SETTINGS[name], locale),
      `${formatNumber(limit.min, locale, limit.decimals)}${unit}`,
      `${formatNumber(limit.max, locale, limit.decimals)}${unit}`,
      limit.decimals,
    );
  };
  const withdraw = () => setWithdrawn(state.attempt);
  const reset = (group: (typeof SETTING_GROUPS)[number]) => {
    const defaults = defaultInputValues(locale);
    for (const name of group.settings) {
      const input = form.current?.elements.namedItem(name);
      if (input instanceof HTMLInputElement) input.value = defaults[name];
    }
    withdraw();
    setAnnouncement(text.resetDone(groupName(group.rule)));
  };

  return (
    <form
      key={state.attempt}
      ref={form}
      action={formAction}
      noValidate
      className="stack form-wide settings-form"
      aria-busy={pending}
      onChange={withdraw}
    >
      <FormMessages state={state} />
      {SETTING_GROUPS.map((group) => (
        <fieldset key={group.rule} className="settings-group">
          <legend>{groupName(group.rule)}</legend>
          <p className="hint">{text.groupAbout[group.rule]}</p>
          {group.settings.map((name) => (
            <TextField
              key={name}
              id={name}
              label={text.fields[name]}
              hint={hint(name)}
              inputMode="decimal"
              defaultValue={state.values[name]}
              error={state.errors[name]}
            />
          ))}
          <button
            type="button"
            className="button secondary"
            aria-label={text.resetGroup(groupName(group.rule))}
            onClick={() => reset(group)}
          >
            {text.resetLabel}
          </button>
        </fieldset>
      ))}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {preview ? (
        <section className="panel settings-confirm" aria-labelledby="settings-confirm">
          <h2 id="settings-confirm" tabIndex={-1} ref={confirmHeading}>
            {text.confirm.title}
          </h2>
          <Confirmation preview={preview} />
          <div className="form-actions">
            {Object.keys(preview.changes).length > 0 && (
              <button type="submit" name="intent" value="save" className="button primary" disabled={pending}>
                {pending ? text.saving : text.save}
              </button>
            )}
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                withdraw();
                form.current?.querySelector("input")?.focus();
              }}
            >
              {text.confirm.back}
            </button>
          </div>
        </section>
      ) : (
        <div className="form-actions">
          <button type="submit" name="intent" value="preview" className="button primary" disabled={pending}>
            {pending ? text.reviewing : text.review}
          </button>
        </div>
      )}
    </form>
  );
}

/** What the change is, old → new, and what it does to the open episodes' flags. */
function Confirmation({ preview }: { preview: SettingsPreview }) {
  const text = useMessages().settings;
  const locale = useLocale();
  const changes = Object.entries(preview.changes).filter(([name]) => isSettingName(name)) as [
    RuleSettingName,
    [number, number],
  ][];
  if (changes.length === 0) return <p>{text.confirm.noChanges}</p>;
  const impact = preview.impact;
  return (
    <>
      <h3>{text.confirm.changes}</h3>
      <ul className="setting-changes">
        {changes.map(([name, [before, after]]) => (
          <li key={name}>
            {text.fields[name]}: {formatSettingValue(name, before, locale)} → {formatSettingValue(name, after, locale)}
          </li>
        ))}
      </ul>
      {impact && (
        <>
          <p className="settings-impact" data-testid="settings-impact">
            {impact.episodes > 0 ? text.confirm.impact(impact.patients, impact.episodes) : text.confirm.noImpact}
          </p>
          {impact.episodes > 0 && <p>{text.confirm.flagCounts(impact.opened, impact.resolved, impact.changed)}</p>}
          <p className="hint">
            {text.confirm.basis}
            {impact.sampled && ` ${text.confirm.sampled(impact.evaluated, impact.total)}`}
          </p>
        </>
      )}
    </>
  );
}
