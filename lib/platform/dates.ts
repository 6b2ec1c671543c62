// Clinical dates are calendar dates (no time of day), held as Date at midnight UTC, which is
// how Prisma reads and writes PostgreSQL `date` columns.
import { DAY_MS } from "../clinical/calendar";

/**
 * The zone a clinic gets unless it says otherwise: the database's default for Clinic.timeZone,
 * for tools that run before any clinic exists. Requests use their clinic's (Actor.timeZone).
 */
export const DEFAULT_TIME_ZONE = "Europe/Copenhagen";

// Made once per time zone: making an Intl.DateTimeFormat costs far more than using one, and
// every request asks for today (a CPU profile of the portal's morning peak showed it).
const ymdFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's calendar date in a clinic's time zone: the one input every "today" comes from. */
export function today(timeZone: string, now = new Date()): Date {
  let format = ymdFormats.get(timeZone);
  if (!format) ymdFormats.set(timeZone, (format = new Intl.DateTimeFormat("en-CA", { timeZone })));
  return new Date(`${format.format(now)}T00:00:00.000Z`);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Age in whole years on a date. */
export function ageOn(dateOfBirth: Date, on: Date): number {
  let age = on.getUTCFullYear() - dateOfBirth.getUTCFullYear();
  const beforeBirthday =
    on.getUTCMonth() < dateOfBirth.getUTCMonth() ||
    (on.getUTCMonth() === dateOfBirth.getUTCMonth() && on.getUTCDate() < dateOfBirth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

/** A calendar date as yyyy-mm-dd, as links, forms' initial values and the pure clinical modules use it. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
