// Adherence to the HSR program (SPEC §7): completed / prescribed sessions per episode. The
// episode's first HSR program counts, over the whole program weeks it has run by the report's
// day (a week under way is not judged yet), cut short where the program ended or the episode
// was discharged. Sessions done are kept per program week, so the report can count exactly the
// weeks that have passed without reading the session log.
import { dayNumber, weeksSince } from "../calendar";
import { countValues, quantileOfCounts } from "./statistics";
import { canShow } from "./suppression";

export type HsrCourse = {
  start: string;
  sessionsPerWeek: number;
  /** Completed sessions in each whole program week the program can run (index 0 is week 1). */
  weeklyCompleted: number[];
};

/**
 * The program's weeks with the completed sessions of each. `weeks` is the program's length;
 * `endedOn` the day the program or the episode ended, if it did: the week under way then is
 * not counted.
 */
export function hsrCourse(
  program: { start: string; sessionsPerWeek: number; weeks: number; endedOn: string | null },
  sessions: { date: string; completed: boolean }[],
): HsrCourse {
  const start = dayNumber(program.start);
  // The day after the last day: a program ended on its 14th day ran two whole weeks.
  const ranWeeks = program.endedOn === null ? program.weeks : weeksSince(start, dayNumber(program.endedOn) + 1);
  const weeklyCompleted = Array.from({ length: Math.max(0, Math.min(program.weeks, ranWeeks)) }, () => 0);
  for (const session of sessions) {
    const index = weeksSince(start, dayNumber(session.date));
    if (session.completed && index >= 0 && index < weeklyCompleted.length) weeklyCompleted[index]! += 1;
  }
  return { start: program.start, sessionsPerWeek: program.sessionsPerWeek, weeklyCompleted };
}

/** Sessions completed and prescribed in the whole weeks passed by `asOf`; null before the first week is over. */
export function adherenceOn(course: HsrCourse, asOf: string): { completed: number; prescribed: number } | null {
  const passed = Math.min(course.weeklyCompleted.length, weeksSince(dayNumber(course.start), dayNumber(asOf) + 1));
  if (passed <= 0 || course.sessionsPerWeek <= 0) return null;
  const completed = course.weeklyCompleted.slice(0, passed).reduce((sum, n) => sum + n, 0);
  return { completed, prescribed: passed * course.sessionsPerWeek };
}

/** The bands of the distribution, by their lower bound; the last holds everything from 100 %. */
export const ADHERENCE_BANDS = [0, 0.25, 0.5, 0.75, 1] as const;

export type AdherenceSummary = {
  episodes: number;
  /** Episodes per band, in the order of ADHERENCE_BANDS. */
  bands: number[];
  /** The median share of prescribed sessions done; null when fewer than five episodes. */
  median: number | null;
};

export function adherenceSummary(
  episodes: { completed: number; prescribed: number; count: number }[],
): AdherenceSummary {
  const bands = ADHERENCE_BANDS.map(() => 0);
  const ratios: number[] = [];
  for (const row of episodes) {
    const ratio = row.completed / row.prescribed;
    const band = ADHERENCE_BANDS.findLastIndex((lower) => ratio >= lower);
    bands[band]! += row.count;
    for (let i = 0; i < row.count; i += 1) ratios.push(ratio);
  }
  return {
    episodes: ratios.length,
    bands,
    median: canShow(ratios.length) ? quantileOfCounts(countValues(ratios), 0.5) : null,
  };
}
