import {
  clinicRuleSettings,
  crossedSettings,
  type RuleSettings,
  SETTING_DECIMALS,
  SETTING_LIMITS,
  SETTING_NAMES,
} from "../../clinical/rules/settings";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";
import type { FieldErrors } from "../../present/forms/form-input";
import { parseNumber } from "../../present/forms/parse-number";
import { requestReevaluation } from "./reevaluation";

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

/** Every field a number in its range with no more decimals than it keeps, and no pair crossed. */
function parseSettings(
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
    const parsed = parseNumber(text, SETTING_DECIMALS[name] ?? 0);
    const [min, max] = SETTING_LIMITS[name];
    if (!parsed.ok) fieldErrors[name] = parsed.error;
    else if (parsed.value < min || parsed.value > max) fieldErrors[name] = "outOfRange";
    else settings[name] = parsed.value;
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  for (const { name } of crossedSettings(settings)) fieldErrors[name] = "settingsOrder";
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, settings };
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
    await tx.clinic.update({ where: { id: actor.clinicId }, data: { ruleSettings: parsed.settings } });
    await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "ClinicRuleSettings", entityId: actor.clinicId });
    await requestReevaluation(tx, actor.clinicId);
    return tx.episode.count({ where: { clinicId: actor.clinicId, status: { not: "DISCHARGED" } } });
  });
  return { status: "saved", episodes };
}
