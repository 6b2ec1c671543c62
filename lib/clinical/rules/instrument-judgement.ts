// How each instrument of an episode moved from its baseline (SPEC §5 definitions): judgeable,
// improved by its MCID, worse on an NRS. Baseline and latest are day values (the worst of a
// date's values, lib/clinical/day-values.ts). The rules, the caseload's pain trend, the patient
// page and the report all read this one judgement, so the caseload never says "stable" beside
// a WORSENING flag.
import type { Instrument } from "../../generated/prisma/enums";
import { dayNumber } from "../calendar";
import { countUpTo, type DayValue, dayValuesByInstrument, type Measurement } from "../day-values";
import { changeFromBaseline, INSTRUMENTS, PAIN_INSTRUMENTS } from "../instruments";
import type { RuleSettings } from "./settings";

export type InstrumentJudgement = {
  instrument: Instrument;
  baseline: number;
  baselineDay: number;
  latest: number;
  latestDay: number;
  judgeable: boolean;
  improved: boolean;
  /** NRS only: latest at least `worseningPoints` above baseline, confirmed unless a clinician measured it. */
  worse: boolean;
};

type JudgementSettings = Pick<RuleSettings, "worseningPoints" | "judgeableDays">;

/** A small tolerance for thresholds that decimals cannot hold exactly (0.3 × 5, 2.5 + 2). */
export const EPSILON = 1e-9;

/** One instrument as of `asOfDay` from its day values (in date order), or null when it was not measured by then. */
export function judgeDays(
  instrument: Instrument,
  days: readonly DayValue[],
  asOfDay: number,
  settings: JudgementSettings,
): InstrumentJudgement | null {
  const count = countUpTo(days, asOfDay);
  if (count === 0) return null;
  const first = days[0]!;
  const last = days[count - 1]!;
  const previous = count >= 2 ? days[count - 2]! : undefined;
  const threshold = first.value + settings.worseningPoints - EPSILON;
  // One diary entry alone is not a trend: unless a clinician measured the rise on the latest
  // date, the previous date measured must be as high.
  const confirmed =
    (last.clinician !== null && last.clinician >= threshold) || (previous !== undefined && previous.value >= threshold);
  return {
    instrument,
    baseline: first.value,
    baselineDay: first.day,
    latest: last.value,
    latestDay: last.day,
    judgeable: last.day - first.day >= settings.judgeableDays,
    improved: changeFromBaseline(instrument, first.value, last.value).improved,
    worse: PAIN_INSTRUMENTS.includes(instrument) && last.value >= threshold && confirmed,
  };
}

/** Every instrument measured on or before `asOfDay`, in the order of SPEC §4; a rating of change has no baseline to judge against. */
export function judgeAll(
  byInstrument: ReadonlyMap<Instrument, readonly DayValue[]>,
  asOfDay: number,
  settings: JudgementSettings,
): InstrumentJudgement[] {
  return (Object.keys(INSTRUMENTS) as Instrument[]).flatMap((instrument) => {
    if (INSTRUMENTS[instrument].ratesChange) return [];
    const judged = judgeDays(instrument, byInstrument.get(instrument) ?? [], asOfDay, settings);
    return judged ? [judged] : [];
  });
}

/** Each instrument measured on or before `asOf`, from raw measurements. */
export function judgeInstruments(
  outcomes: readonly Measurement[],
  asOf: string,
  settings: JudgementSettings,
): InstrumentJudgement[] {
  return judgeAll(dayValuesByInstrument(outcomes), dayNumber(asOf), settings);
}

export type PainTrend = "IMPROVING" | "STABLE" | "WORSENING";

/** First-step pain from baseline to latest, as the rules judge it; null without a measurement. */
export function painTrend(judged: InstrumentJudgement[]): PainTrend | null {
  const firstStep = judged.find((j) => j.instrument === "NRS_FIRST_STEP");
  if (!firstStep) return null;
  return firstStep.worse ? "WORSENING" : firstStep.improved ? "IMPROVING" : "STABLE";
}

export type Improvement = "IMPROVED" | "NOT_IMPROVED" | "NOT_JUDGEABLE";

/**
 * An episode's improvement (SPEC §5): improved when a judgeable instrument improved, "no
 * improvement" when at least one is judgeable and none of those improved. NO_IMPROVEMENT and
 * the clinic report's milestones both read it.
 */
export function improvementOf(judged: InstrumentJudgement[]): Improvement {
  const judgeable = judged.filter((j) => j.judgeable);
  if (judgeable.length === 0) return "NOT_JUDGEABLE";
  return judgeable.some((j) => j.improved) ? "IMPROVED" : "NOT_IMPROVED";
}
