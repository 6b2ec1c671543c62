// Calendar days as the clinical modules count them (SPEC §5, §6): a date is a yyyy-mm-dd
// string or its day number (days since 1970-01-01), so "days in treatment", windows and
// program weeks are plain subtraction. No time of day, no time zone.

export const DAY_MS = 86_400_000;

/** The day number of a yyyy-mm-dd date. */
export const dayNumber = (ymd: string): number => Date.parse(`${ymd}T00:00:00Z`) / DAY_MS;

/** The yyyy-mm-dd date of a day number. */
export const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The date `days` after a yyyy-mm-dd date (before it when negative). */
export const plusDays = (ymd: string, days: number): string => isoDay(dayNumber(ymd) + days);

/** Whole weeks from `startDay` to `day`: 0 in the first week, negative before it. */
export const weeksSince = (startDay: number, day: number): number => Math.floor((day - startDay) / 7);

/** The program week of a day (SPEC §6): ⌊(day − start) / 7⌋ + 1; 0 or less before the start. */
export const programWeekOf = (startDay: number, day: number): number => weeksSince(startDay, day) + 1;

/** The first day of a program week. */
export const firstDayOfWeek = (startDay: number, week: number): number => startDay + (week - 1) * 7;

/** Whole days from `from` to `to`. */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}
