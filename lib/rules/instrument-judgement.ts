// How each instrument of an episode moved from its baseline (SPEC §5 definitions): judgeable,
// improved by its MCID, worse on an NRS. The rules and the caseload's pain trend both read
// this one judgement, so the caseload never says "stable" beside a WORSENING flag.
import { changeFromBaseline, INSTRUMENTS, PAIN_INSTRUMENTS } from "../clinical/instruments";
import type { Instrument } from "../generated/prisma/enums";
import type { RuleCase } from "./case";
import type { RuleSettings } from "./settings";

type Outcome = RuleCase["outcomes"][number];

export type InstrumentJudgement = {
  instrument: Instrument;
  baseline: number;
  baselineDay: number;
  latest: number;
  latestDay: number;
  judgeable: boolean;
  improved: boolean;
  /** NRS only: latest at least `worseningPoints` above baseline, confirmed when the patient logged it. */
  worse: boolean;
};

const DAY_MS = 86_400_000;
export const dayNumber = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`) / DAY_MS;
export const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** One instrument's measurements on or before `asOf` (a day number), by day. */
function outcomesByDay(outcomes: Outcome[], instrument: Instrument, asOf: number): Map<number, Outcome[]> {
  const byDay = new Map<number, Outcome[]>();
  for (const o of outcomes) {
    if (o.instrument !== instrument || dayNumber(o.date) > asOf) continue;
    const d = dayNumber(o.date);
    byDay.set(d, [...(byDay.get(d) ?? []), o]);
  }
  return byDay;
}

/**
 * One instrument's value per day, in date order, on or before `asOf` (a day number): on one
 * date the highest value counts, as the rules count it.
 */
export function dailyValues(outcomes: Outcome[], instrument: Instrument, asOf = Infinity): { day: number; value: number }[] {
  return [...outcomesByDay(outcomes, instrument, asOf)]
    .map(([day, list]) => ({ day, value: Math.max(...list.map((o) => o.value)) }))
    .sort((a, b) => a.day - b.day);
}

/** Each instrument measured on or before `asOf`; on one date the highest value counts. */
export function judgeInstruments(outcomes: Outcome[], asOf: string, settings: RuleSettings): InstrumentJudgement[] {
  const now = dayNumber(asOf);
  return (Object.keys(INSTRUMENTS) as Instrument[]).flatMap((instrument) => {
    const byDay = outcomesByDay(outcomes, instrument, now);
    if (byDay.size === 0) return [];
    const days = [...byDay.keys()].sort((a, b) => a - b);
    const highest = (d: number) => Math.max(...byDay.get(d)!.map((o) => o.value));
    const baselineDay = days[0]!;
    const latestDay = days.at(-1)!;
    const baseline = highest(baselineDay);
    const latest = highest(latestDay);
    const threshold = baseline + settings.worseningPoints;
    // One diary entry alone is not a trend: a rise only the patient logged needs the
    // measurement before it to be as high.
    const raisedByClinician = byDay.get(latestDay)!.some((o) => o.value >= threshold && o.recordedBy === "CLINICIAN");
    const previousDay = days.at(-2);
    const confirmed = raisedByClinician || (previousDay !== undefined && highest(previousDay) >= threshold);
    return [{
      instrument,
      baseline,
      baselineDay,
      latest,
      latestDay,
      judgeable: latestDay - baselineDay >= settings.judgeableDays,
      improved: changeFromBaseline(instrument, baseline, latest).improved,
      worse: PAIN_INSTRUMENTS.includes(instrument) && latest >= threshold && confirmed,
    }];
  });
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
