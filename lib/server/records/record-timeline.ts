// The episode's record as a timeline for the patient page, newest first: the clinic's records
// of one date form one group (a visit when an assessment was made that day, with the
// measurements and interventions of that date), and the patient's diary (morning pain and
// logged sessions) is summarised per calendar week (Monday to Sunday, as Danish calendars
// count), so a daily diary adds one line a week rather than seven. Pure.
import { DAY_MS, dayNumber, isoDay } from "../../clinical/calendar";

export type TimelineRecord = { kind: "assessment" | "outcome" | "intervention"; date: string };

export type DiaryWeek = {
  kind: "diary";
  /** Monday and Sunday of the week, yyyy-mm-dd; `week` is its ISO week number. */
  weekStart: string;
  weekEnd: string;
  week: number;
  /** The newest diary entry of the week: where the week sits in the timeline. */
  date: string;
  pain: { count: number; mean: number; min: number; max: number } | null;
  sessions: { logged: number; completed: number };
};

export type RecordDay<R> = { kind: "visit" | "records"; date: string; records: R[] };
export type TimelineGroup<R> = RecordDay<R> | DiaryWeek;

/** Days since Monday: 1970-01-01 was a Thursday. */
const weekdayOf = (day: number) => (day + 3) % 7;

/** ISO 8601 week number of the week starting on Monday `monday` (its Thursday decides the year). */
function isoWeekNumber(monday: number): number {
  const thursday = new Date((monday + 3) * DAY_MS);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1) / DAY_MS;
  return Math.floor((monday + 3 - yearStart) / 7) + 1;
}

const KIND_ORDER = { assessment: 0, outcome: 1, intervention: 2 } as const;

export function recordTimeline<R extends TimelineRecord>(
  records: R[],
  diaryPain: { date: string; value: number }[],
  sessions: { date: string; completed: boolean }[],
): TimelineGroup<R>[] {
  const days = new Map<string, R[]>();
  for (const record of records) days.set(record.date, [...(days.get(record.date) ?? []), record]);
  const recordDays: RecordDay<R>[] = [...days].map(([date, list]) => {
    const sorted = [...list].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
    return { kind: sorted[0]!.kind === "assessment" ? "visit" : "records", date, records: sorted };
  });

  const weeks = new Map<number, { dates: string[]; pain: number[]; logged: number; completed: number }>();
  const weekOf = (date: string) => {
    const day = dayNumber(date);
    const monday = day - weekdayOf(day);
    const week = weeks.get(monday) ?? { dates: [], pain: [], logged: 0, completed: 0 };
    weeks.set(monday, week);
    week.dates.push(date);
    return week;
  };
  for (const entry of diaryPain) weekOf(entry.date).pain.push(entry.value);
  for (const session of sessions) {
    const week = weekOf(session.date);
    week.logged += 1;
    if (session.completed) week.completed += 1;
  }
  const diaryWeeks: DiaryWeek[] = [...weeks].map(([monday, week]) => ({
    kind: "diary",
    weekStart: isoDay(monday),
    weekEnd: isoDay(monday + 6),
    week: isoWeekNumber(monday),
    date: week.dates.reduce((a, b) => (a > b ? a : b)),
    pain: week.pain.length
      ? {
          count: week.pain.length,
          mean: week.pain.reduce((a, b) => a + b, 0) / week.pain.length,
          min: Math.min(...week.pain),
          max: Math.max(...week.pain),
        }
      : null,
    sessions: { logged: week.logged, completed: week.completed },
  }));

  // Newest first; on one date the clinic's records come before the diary week that ends there.
  const rank = (group: TimelineGroup<R>) => (group.kind === "diary" ? 1 : 0);
  return [...recordDays, ...diaryWeeks].sort((a, b) => b.date.localeCompare(a.date) || rank(a) - rank(b));
}
