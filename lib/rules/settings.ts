// Rule thresholds (SPEC §5), clinic settings with these defaults. Names are stable: the
// rules command's "settings" and the clinic settings page override them by name.
import { z } from "zod";

export const DEFAULT_RULE_SETTINGS = {
  /** NO_IMPROVEMENT fires from this many days in treatment (warning) … */
  noImprovementDays: 42,
  /** … and is high from this many. */
  noImprovementHighDays: 56,
  /** An instrument is judgeable when its latest value is this many days after its baseline. */
  judgeableDays: 14,
  /** WORSENING: latest NRS at least this many points above baseline. */
  worseningPoints: 2,
  /** LOAD_RESPONSE: window of days, and the highest acceptable pain during a session. */
  loadResponseWindowDays: 7,
  loadResponseMaxPain: 3,
  /** LOW_ADHERENCE: window, share of prescribed sessions, and assignment age. */
  adherenceWindowDays: 14,
  adherenceMinFraction: 0.5,
  adherenceMinAssignmentDays: 14,
  /** SECOND_LINE_REVIEW and INJECTION_REVIEW from this many days in treatment. */
  secondLineDays: 84,
  /** INJECTION_REVIEW: latest NRS at least this, and fewer than this many prior injections. */
  injectionMinPain: 5,
  injectionMaxPrior: 2,
  /** SURGERY_REVIEW from this many days in treatment. */
  surgeryDays: 365,
  /** FOLLOW_UP_OVERDUE: latest assessment more than this many days ago. */
  followUpDays: 42,
  /** BASELINE_MISSING from this many days in treatment. */
  baselineMissingDays: 7,
  /** RETURN_TO_RUN_READY: minutes of walking without next-morning worsening. */
  returnToRunWalkMinutes: 30,
};

export type RuleSettings = typeof DEFAULT_RULE_SETTINGS;

/** Each threshold's allowed range; fractions and pain scores may have decimals. */
const DAYS = [0, 3650] as const;
export const SETTING_LIMITS = {
  noImprovementDays: DAYS,
  noImprovementHighDays: DAYS,
  judgeableDays: DAYS,
  worseningPoints: [0, 10],
  loadResponseWindowDays: DAYS,
  loadResponseMaxPain: [0, 10],
  adherenceWindowDays: DAYS,
  adherenceMinFraction: [0, 1],
  adherenceMinAssignmentDays: DAYS,
  secondLineDays: DAYS,
  injectionMinPain: [0, 10],
  injectionMaxPrior: [0, 100],
  surgeryDays: DAYS,
  followUpDays: DAYS,
  baselineMissingDays: DAYS,
  returnToRunWalkMinutes: [0, 600],
} as const satisfies Record<keyof RuleSettings, readonly [number, number]>;
const DECIMAL_SETTINGS = new Set(["worseningPoints", "loadResponseMaxPain", "adherenceMinFraction", "injectionMinPain"]);

/** Partial overrides, by name; unknown names are refused so a typo is not silently ignored. */
export const ZRuleSettingsOverride = z
  .object(
    Object.fromEntries(
      Object.entries(SETTING_LIMITS).map(([name, [min, max]]) => [name, (DECIMAL_SETTINGS.has(name) ? z.number() : z.number().int()).min(min).max(max)]),
    ) as Record<keyof RuleSettings, z.ZodNumber>,
  )
  .partial()
  .strict();

export function ruleSettings(overrides: z.infer<typeof ZRuleSettingsOverride> = {}): RuleSettings {
  return { ...DEFAULT_RULE_SETTINGS, ...overrides };
}
