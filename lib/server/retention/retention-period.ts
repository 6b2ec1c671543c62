// How long a patient's record is kept (SPEC §9): at least 5 years from the last entry
// (journalføringsbekendtgørelsen § 15, stk. 2), longer while a hold is open. Pure.
import { today } from "../../platform/dates";

export const RETENTION_YEARS = 5;

/** The first day the record may be erased: the last entry's calendar day (in the clinic's zone), 5 years on. */
export function retainUntil(lastEntryAt: Date, timeZone: string): Date {
  const day = today(timeZone, lastEntryAt);
  return new Date(Date.UTC(day.getUTCFullYear() + RETENTION_YEARS, day.getUTCMonth(), day.getUTCDate()));
}

/** Whether a record whose last entry was at `lastEntryAt` may be erased on `on` (a calendar day). */
export function pastRetention(lastEntryAt: Date, on: Date, timeZone: string): boolean {
  return on.getTime() >= retainUntil(lastEntryAt, timeZone).getTime();
}
