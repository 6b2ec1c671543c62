// The recovery curve (SPEC §7). An episode is *recovered* on the first day its first-step
// pain is at most the clinic's `recoveredPain` and has fallen from baseline by at least the
// MCID. Follow-up ends at discharge; an episode that has not recovered is censored at its last
// first-step measurement (nothing is known of it after that). The curve is the Kaplan–Meier
// estimate of the share recovered by week since treatment start.
import { dayNumber, weeksSince } from "../calendar";
import { dayValues } from "../day-values";
import { changeFromBaseline } from "../instruments";
import type { RuleCase } from "../rules/case";
import type { RuleSettings } from "../rules/settings";
import { REFERENCE_POINTS } from "./reference-points";
import { canShow } from "./suppression";

/** When an episode recovered, or when it was last seen without having recovered (censored). */
export type RecoveryTime = { week: number; recovered: boolean };

/** Week since treatment start of a day number; days before the start count as week 0. */
const weekOf = (day: number, start: number) => Math.max(0, weeksSince(start, day));

/** Null for an episode without a first-step measurement: it never entered follow-up. */
export function recoveryTime(
  outcomes: RuleCase["outcomes"],
  treatmentStart: string,
  dischargedAt: string | null,
  settings: Pick<RuleSettings, "recoveredPain">,
): RecoveryTime | null {
  const start = dayNumber(treatmentStart);
  const days = dayValues(outcomes, "NRS_FIRST_STEP", dischargedAt === null ? Infinity : dayNumber(dischargedAt));
  if (days.length === 0) return null;
  const baseline = days[0]!.value;
  const recovery = days.find(
    (d) => d.value <= settings.recoveredPain && changeFromBaseline("NRS_FIRST_STEP", baseline, d.value).improved,
  );
  return recovery
    ? { week: weekOf(recovery.day, start), recovered: true }
    : { week: weekOf(days.at(-1)!.day, start), recovered: false };
}

/** The episodes that recovered and that were censored in one week. */
export type WeekCounts = { week: number; recovered: number; censored: number };

export type CurveStep = WeekCounts & {
  /** Episodes still followed, not yet recovered, at the start of the week. */
  atRisk: number;
  /** The estimated share recovered by the end of the week; null when fewer than five were at risk. */
  share: number | null;
};

/**
 * The Kaplan–Meier estimate: at each week with an event or a censoring, the share not yet
 * recovered is multiplied by (1 − recovered / at risk). Within a week recoveries count before
 * censorings, the usual convention, so an episode censored in a week is still at risk in it.
 * Once fewer than five are at risk the estimate is no longer shown (suppression.ts).
 */
export function kaplanMeier(weeks: WeekCounts[]): CurveStep[] {
  let atRisk = weeks.reduce((sum, w) => sum + w.recovered + w.censored, 0);
  let notRecovered = 1;
  return [...weeks]
    .filter((w) => w.recovered + w.censored > 0)
    .sort((a, b) => a.week - b.week)
    .map((w) => {
      notRecovered *= 1 - w.recovered / atRisk;
      const step = { ...w, atRisk, share: canShow(atRisk) ? 1 - notRecovered : null };
      atRisk -= w.recovered + w.censored;
      return step;
    });
}

/**
 * The estimated share recovered by the end of `week`: the last step at or before it, provided
 * at least five episodes were still followed into that week; null otherwise (too few, or nobody
 * followed that long).
 */
export function shareRecoveredBy(steps: CurveStep[], week: number): number | null {
  const stillFollowed = steps.filter((s) => s.week >= week).reduce((sum, s) => sum + s.recovered + s.censored, 0);
  if (!canShow(stillFollowed)) return null;
  const last = steps.filter((s) => s.week <= week).at(-1);
  return last ? last.share : 0;
}

export { REFERENCE_POINTS };
export const REFERENCE_SOURCE = "LOEB_NU_2026" as const;
