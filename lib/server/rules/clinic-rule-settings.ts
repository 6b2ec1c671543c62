import { clinicRuleSettings, crossedSettings, type RuleSettings, SETTING_NAMES } from "../../clinical/rules/settings";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";
import type { FieldErrors } from "../../present/forms/form-input";
import { parseNumber } from "../../present/forms/parse-number";
import { fromFieldValue, SETTING_FIELD_LIMITS } from "../../present/settings/rule-setting-fields";
import { requestReevaluation } from "./reevaluation";
import { ruleSettingsImpact, type SettingsImpact } from "./settings-impact";

/** The clinic's thresholds: its overrides on top of the defaults. Admins only. */
export async function getClinicRuleSettings(db: Db, actor: Actor): Promise<RuleSettings> {
  assertCan(actor, "clinic-admin");
  const clinic = await db.clinic.findUniqueOrThrow({ where: { id: actor.clinicId }, select: { ruleSettings: true } });
  return clinicRuleSettings(clinic.ruleSettings);
}

/** The pain limit every sentence that states it reads (the clinic's loadResponseMaxPain), for the portal's patient. */
export async function clinicPainLimit(db: Db, actor: Actor): Promise<number> {
  assertCan(actor, "own-record");
  const clinic = await db.clinic.findUniqueOrThrow({ where: { id: actor.clinicId }, select: { ruleSettings: true } });
  return clinicRuleSettings(clinic.ruleSettings).loadResponseMaxPain;
}

/**
 * Every field a number in its range with no more decimals than it keeps, and no pair crossed.
 * The fields are in the form's units (a share in percent); the answer is in the rules' own.
 */
export function parseSettings(
  raw: Record<string, string | undefined>,
): { ok: true; settings: RuleSettings } | { ok: false; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  const settings = {} as RuleSettings;
  for (const name of SETTING_NAMES) {
    const text = raw[name];
    if (text === undefined || text.trim() === "") {
      fieldErrors[name] = "required";
      continue;
    }
    const { min, max, decimals } = SETTING_FIELD_LIMITS[name];
    const parsed = parseNumber(text, decimals);
    if (!parsed.ok) fieldErrors[name] = parsed.error;
    else if (parsed.value < min || parsed.value > max) fieldErrors[name] = "outOfRange";
    else settings[name] = fromFieldValue(name, parsed.value);
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  for (const { name } of crossedSettings(settings)) fieldErrors[name] = "settingsOrder";
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, settings };
}

/** Each setting whose value differs, with its value before and after. */
export function settingChanges(before: RuleSettings, after: RuleSettings): Record<string, [number, number]> {
  return Object.fromEntries(
    SETTING_NAMES.filter((name) => before[name] !== after[name]).map((name) => [name, [before[name], after[name]]]),
  );
}

/**
 * Saves the thresholds (nothing is saved unless all are valid), audits the change and, in
 * the same transaction, asks for the clinic's open episodes to be re-evaluated with them
 * (lib/server/rules/reevaluation.ts runs it in the background and shows progress).
 */
export async function updateClinicRuleSettings(
  db: Db,
  actor: Actor,
  raw: Record<string, string | undefined>,
): Promise<{ status: "saved"; episodes: number } | { status: "invalid"; fieldErrors: FieldErrors }> {
  assertCan(actor, "clinic-admin");
  const parsed = parseSettings(raw);
  if (!parsed.ok) return { status: "invalid", fieldErrors: parsed.fieldErrors };
  const episodes = await db.$transaction(async (tx) => {
    const before = await tx.clinic.findUniqueOrThrow({ where: { id: actor.clinicId }, select: { ruleSettings: true } });
    await tx.clinic.update({ where: { id: actor.clinicId }, data: { ruleSettings: parsed.settings } });
    // The audit row says what changed, old → new (usability finding 14): thresholds, never patient data.
    await recordAuditEvent(tx, actor, {
      action: "UPDATE",
      entity: "ClinicRuleSettings",
      entityId: actor.clinicId,
      detail: settingChanges(clinicRuleSettings(before.ruleSettings), parsed.settings),
    });
    await requestReevaluation(tx, actor.clinicId);
    return tx.episode.count({ where: { clinicId: actor.clinicId, status: { not: "DISCHARGED" } } });
  });
  return { status: "saved", episodes };
}

export type RuleSettingsPreview = {
  status: "preview";
  /** Each changed setting with its value before and after, in the rules' units. */
  changes: Record<string, [number, number]>;
  /** What the change would do to the open episodes' flags today; null when nothing changed. */
  impact: SettingsImpact | null;
};

/**
 * The confirmation step before a save: checks the thresholds as a save would, and answers what
 * would change and how many open episodes' flags would differ (a dry run; nothing is written).
 */
export async function previewClinicRuleSettings(
  db: Db,
  actor: Actor,
  raw: Record<string, string | undefined>,
  options: { asOf?: Date; maxEpisodes?: number } = {},
): Promise<RuleSettingsPreview | { status: "invalid"; fieldErrors: FieldErrors }> {
  const current = await getClinicRuleSettings(db, actor);
  const parsed = parseSettings(raw);
  if (!parsed.ok) return { status: "invalid", fieldErrors: parsed.fieldErrors };
  const changes = settingChanges(current, parsed.settings);
  const impact =
    Object.keys(changes).length === 0 ? null : await ruleSettingsImpact(db, actor, parsed.settings, options);
  return { status: "preview", changes, impact };
}
