// Rule thresholds (SPEC §5), clinic settings with these defaults. Names are stable: the
// rules command's "settings" and the clinic settings page override them by name. Every
// threshold the rules, the caseload and the charts use is read from here.
import { z } from "zod";

import type { NumberLimit } from "../field-limits";

export const DEFAULT_RULE_SETTINGS = {
  /** NO_IMPROVEMENT fires from this many days in treatment (warning) … */
  noImprovementDays: 42,
  /** … and is high from this many. */
  noImprovementHighDays: 56,
  /** An instrument is judgeable when its latest value is this many days after its baseline. */
  judgeableDays: 14,
  /** WORSENING: latest NRS at least this many points above baseline. */
  worseningPoints: 2,
  /** LOAD_RESPONSE: window of days, and the highest acceptable pain during a session … */
  loadResponseWindowDays: 7,
  loadResponseMaxPain: 3,
  /** … or a next-morning first-step pain at least this many points above the session's morning. */
  morningRise: 2,
  /** LOW_ADHERENCE: window, share of prescribed sessions, and assignment age. */
  adherenceWindowDays: 14,
  adherenceMinFraction: 0.5,
  adherenceMinAssignmentDays: 14,
  /** Persisting symptoms (second-line and surgery reviews): latest NRS at least this. */
  persistingPain: 4,
  /** SECOND_LINE_REVIEW and INJECTION_REVIEW from this many days in treatment. */
  secondLineDays: 84,
  /** INJECTION_REVIEW: latest NRS at least this, fewer than this many prior injections, none in this many days. */
  injectionMinPain: 5,
  injectionMaxPrior: 2,
  injectionIntervalDays: 90,
  /** SURGERY_REVIEW from this many days in treatment. */
  surgeryDays: 365,
  /** FOLLOW_UP_OVERDUE: latest assessment more than this many days ago. */
  followUpDays: 42,
  /** BASELINE_MISSING from this many days in treatment. */
  baselineMissingDays: 7,
  /** RETURN_TO_RUN_READY: minutes of walking without next-morning worsening. */
  returnToRunWalkMinutes: 30,
  /** The clinic report's recovery curve: recovered at first-step pain this low, with the MCID met. */
  recoveredPain: 2,
};

export type RuleSettings = typeof DEFAULT_RULE_SETTINGS;
export type RuleSettingName = keyof RuleSettings;
export const SETTING_NAMES = Object.keys(DEFAULT_RULE_SETTINGS) as RuleSettingName[];

/**
 * The thresholds by the rule that reads them, in the order of SPEC §5: the settings page shows
 * each group under its rule's name. A threshold more than one rule reads sits with the first
 * (persisting pain with the second-line review, which surgery and the diagnosis check read too);
 * REPORT is the clinic report's, no rule's.
 */
export const SETTING_GROUPS = [
  { rule: "NO_IMPROVEMENT", settings: ["noImprovementDays", "noImprovementHighDays", "judgeableDays"] },
  { rule: "WORSENING", settings: ["worseningPoints"] },
  { rule: "LOAD_RESPONSE", settings: ["loadResponseWindowDays", "loadResponseMaxPain", "morningRise"] },
  { rule: "LOW_ADHERENCE", settings: ["adherenceWindowDays", "adherenceMinFraction", "adherenceMinAssignmentDays"] },
  { rule: "SECOND_LINE_REVIEW", settings: ["secondLineDays", "persistingPain"] },
  { rule: "INJECTION_REVIEW", settings: ["injectionMinPain", "injectionMaxPrior", "injectionIntervalDays"] },
  { rule: "SURGERY_REVIEW", settings: ["surgeryDays"] },
  { rule: "FOLLOW_UP_OVERDUE", settings: ["followUpDays"] },
  { rule: "BASELINE_MISSING", settings: ["baselineMissingDays"] },
  { rule: "RETURN_TO_RUN_READY", settings: ["returnToRunWalkMinutes"] },
  { rule: "REPORT", settings: ["recoveredPain"] },
] as const satisfies readonly { rule: string; settings: readonly RuleSettingName[] }[];
export type SettingGroup = (typeof SETTING_GROUPS)[number]["rule"];

/** Each threshold's allowed range; fractions and pain scores may have decimals. */
const DAYS = [0, 3650] as const;
export const SETTING_LIMITS = {
  noImprovementDays: DAYS,
  noImprovementHighDays: DAYS,
  judgeableDays: DAYS,
  worseningPoints: [1, 10],
  loadResponseWindowDays: [1, 60],
  loadResponseMaxPain: [0, 10],
  morningRise: [1, 10],
  adherenceWindowDays: [7, 90],
  adherenceMinFraction: [0, 1],
  adherenceMinAssignmentDays: DAYS,
  persistingPain: [0, 10],
  secondLineDays: DAYS,
  injectionMinPain: [0, 10],
  injectionMaxPrior: [0, 100],
  injectionIntervalDays: DAYS,
  surgeryDays: DAYS,
  followUpDays: [1, 3650],
  baselineMissingDays: DAYS,
  returnToRunWalkMinutes: [0, 600],
  recoveredPain: [0, 10],
} as const satisfies Record<RuleSettingName, readonly [number, number]>;

/** Decimals each setting keeps; the others are whole numbers. */
export const SETTING_DECIMALS: Partial<Record<RuleSettingName, number>> = {
  worseningPoints: 1,
  loadResponseMaxPain: 1,
  morningRise: 1,
  adherenceMinFraction: 2,
  persistingPain: 1,
  injectionMinPain: 1,
  recoveredPain: 1,
};

/** Each setting as a form field's limits (lib/clinical/field-limits.ts), for its error text. */
export const SETTING_FIELDS = Object.fromEntries(
  SETTING_NAMES.map((name) => [
    name,
    { min: SETTING_LIMITS[name][0], max: SETTING_LIMITS[name][1], decimals: SETTING_DECIMALS[name] ?? 0 },
  ]),
) as Record<RuleSettingName, NumberLimit>;

/**
 * Pairs that must not cross: the first may not be above the second (a high NO_IMPROVEMENT
 * before its warning, a second-line review before "no improvement", surgery before second line).
 */
export const SETTING_ORDER: [RuleSettingName, RuleSettingName][] = [
  ["noImprovementDays", "noImprovementHighDays"],
  ["noImprovementDays", "secondLineDays"],
  ["secondLineDays", "surgeryDays"],
];

const settingNumber = (name: RuleSettingName) => {
  const [min, max] = SETTING_LIMITS[name];
  const scale = 10 ** (SETTING_DECIMALS[name] ?? 0);
  return z
    .number()
    .min(min, "outOfRange")
    .max(max, "outOfRange")
    .refine((value) => Math.abs(Math.round(value * scale) - value * scale) < 1e-9, "tooManyDecimals");
};

/** Partial overrides, by name; unknown names are refused so a typo is not silently ignored. */
export const ZRuleSettingsOverride = z
  .object(
    Object.fromEntries(SETTING_NAMES.map((name) => [name, settingNumber(name)])) as Record<
      RuleSettingName,
      z.ZodNumber
    >,
  )
  .partial()
  .strict();
export type RuleSettingsOverride = z.infer<typeof ZRuleSettingsOverride>;

/** The pairs of SETTING_ORDER that a full set of settings crosses, named by the later one. */
export function crossedSettings(settings: RuleSettings): { name: RuleSettingName; before: RuleSettingName }[] {
  return SETTING_ORDER.filter(([before, name]) => settings[before] > settings[name]).map(([before, name]) => ({
    name,
    before,
  }));
}

export function ruleSettings(overrides: RuleSettingsOverride = {}): RuleSettings {
  return { ...DEFAULT_RULE_SETTINGS, ...overrides };
}

/** A clinic's stored overrides on top of the defaults; anything unreadable falls back to the defaults. */
export function clinicRuleSettings(stored: unknown): RuleSettings {
  const settings = ruleSettings(ZRuleSettingsOverride.catch({}).parse(stored));
  return crossedSettings(settings).length === 0 ? settings : DEFAULT_RULE_SETTINGS;
}
