import { daysBetween, programWeekOf } from "../calendar";

/** The program week (1-based) on a date, or null before the start. */
export function programWeek(start: Date, on: Date): number | null {
  const days = daysBetween(start, on);
  return days < 0 ? null : programWeekOf(0, days);
}
