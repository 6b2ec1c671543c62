// Median first-step pain by program week (SPEC §7): each episode's median for the week first,
// then the median across episodes, so a patient who logs every morning weighs no more than one
// seen at the clinic once a week. Program weeks count from the start of the episode's first
// HSR program (lib/clinical/programs/program-week.ts); week 0 is the week before it, the starting point.
import { dayNumber, programWeekOf } from "../calendar";
import { dayValues } from "../day-values";
import type { RuleCase } from "../rules/case";
import { median, quantileOfCounts, type ValueCount } from "./statistics";
import { canShow } from "./suppression";

/** Each program week's median of the episode's daily first-step pain, weeks 0…weeks; null where none. */
export function weeklyPain(outcomes: RuleCase["outcomes"], programStart: string, weeks: number): (number | null)[] {
  const start = dayNumber(programStart);
  const byWeek: number[][] = Array.from({ length: weeks + 1 }, () => []);
  for (const { day, value } of dayValues(outcomes, "NRS_FIRST_STEP")) {
    const week = programWeekOf(start, day);
    if (week >= 0 && week <= weeks) byWeek[week]!.push(value);
  }
  return byWeek.map((values) => median(values));
}

export type WeekPain = {
  week: number;
  /** Episodes with a measurement in the week. */
  episodes: number;
  /** Across those episodes' weekly medians; null when fewer than five. */
  median: number | null;
  lowerQuartile: number | null;
  upperQuartile: number | null;
};

/** The weeks' figures from each week's table of episode medians. */
export function painByWeek(weeks: { week: number; medians: ValueCount[] }[]): WeekPain[] {
  return [...weeks]
    .sort((a, b) => a.week - b.week)
    .map(({ week, medians }) => {
      const episodes = medians.reduce((sum, row) => sum + row.count, 0);
      const q = (p: number) => (canShow(episodes) ? quantileOfCounts(medians, p) : null);
      return { week, episodes, median: q(0.5), lowerQuartile: q(0.25), upperQuartile: q(0.75) };
    });
}
