import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { today } from "../dates";
import type { Db } from "../db/client";
import { refreshEpisodeSummaries } from "../episodes/refresh-episode-summary";
import { syncEpisodeFlags } from "../flags/sync-flags";
import { type FieldErrors, fieldErrorsOf } from "../forms/form-input";
import { DEFAULT_RULE_SETTINGS, ruleSettings, type RuleSettings, ZRuleSettingsOverride } from "./settings";

export const SETTING_NAMES = Object.keys(DEFAULT_RULE_SETTINGS) as (keyof RuleSettings)[];

/** The clinic's thresholds: its overrides on top of the defaults. Admins only. */
export async function getClinicRuleSettings(db: Db, actor: Actor): Promise<RuleSettings> {
  assertCan(actor, "clinic-admin");
  const clinic = await db.clinic.findUniqueOrThrow({ where: { id: actor.clinicId }, select: { ruleSettings: true } });
  return ruleSettings(ZRuleSettingsOverride.catch({}).parse(clinic.ruleSettings));
}

const BATCH = 500;

/**
 * Saves the thresholds (every field a number in its range; nothing saved otherwise), audits
 * the change and re-evaluates the clinic's active and paused episodes with them.
 */
export async function updateClinicRuleSettings(
  db: Db,
  actor: Actor,
  raw: Record<string, string | undefined>,
): Promise<{ status: "saved"; episodes: number } | { status: "invalid"; fieldErrors: FieldErrors }> {
  assertCan(actor, "clinic-admin");
  const numbers = Object.fromEntries(SETTING_NAMES.map((name) => [name, raw[name] === undefined ? Number.NaN : Number(raw[name]!.replace(",", "."))]));
  const parsed = ZRuleSettingsOverride.required().safeParse(numbers);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const field of Object.keys(fieldErrorsOf(parsed.error))) fieldErrors[field] = raw[field] === undefined ? "required" : Number.isNaN(numbers[field]) ? "notANumber" : "outOfRange";
    return { status: "invalid", fieldErrors };
  }
  await db.$transaction(async (tx) => {
    await tx.clinic.update({ where: { id: actor.clinicId }, data: { ruleSettings: parsed.data } });
    await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "ClinicRuleSettings", entityId: actor.clinicId });
  });
  const episodes = await db.episode.findMany({ where: { clinicId: actor.clinicId, status: { not: "DISCHARGED" } }, select: { id: true } });
  for (let i = 0; i < episodes.length; i += BATCH) {
    const ids = episodes.slice(i, i + BATCH).map((e) => e.id);
    await db.$transaction(async (tx) => {
      await syncEpisodeFlags(tx, ids, today());
      await refreshEpisodeSummaries(tx, ids);
    }, { timeout: 120_000 });
  }
  return { status: "saved", episodes: episodes.length };
}
