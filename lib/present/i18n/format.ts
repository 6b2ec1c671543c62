import type { Locale } from "../../generated/prisma/enums";
import { DEFAULT_TIME_ZONE } from "../../platform/dates";

const TAG: Record<Locale, string> = { da: "da-DK", en: "en-GB" };

/** The BCP 47 tag of a locale, for Intl in client components. */
export const localeTag = (locale: Locale) => TAG[locale];

/**
 * Intl formats are costly to make and cheap to use (a chart of two years of daily values spent
 * more time making date formats than drawing: npm run bench:chart), so each is made once per
 * locale and kind, on first use.
 */
const made = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dateFormat(key: string, locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `date:${key}:${locale}`;
  if (!made.has(id)) made.set(id, new Intl.DateTimeFormat(TAG[locale], options));
  return made.get(id) as Intl.DateTimeFormat;
}
function numberFormat(key: string, locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `number:${key}:${locale}`;
  if (!made.has(id)) made.set(id, new Intl.NumberFormat(TAG[locale], options));
  return made.get(id) as Intl.NumberFormat;
}

/** A calendar date (held at midnight UTC) in the user's language, e.g. 3. mar. 2026. */
export function formatDate(date: Date, locale: Locale): string {
  return dateFormat("date", locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(date);
}

/** A calendar date with a two-digit year, for a chart's axis and tooltip, e.g. 3. mar. 26. */
export function formatShortDate(date: Date, locale: Locale): string {
  return dateFormat("short-date", locale, { day: "numeric", month: "short", year: "2-digit", timeZone: "UTC" }).format(
    date,
  );
}

/** A calendar date without the year, for ranges inside one view, e.g. 16. nov. */
export function formatDayMonth(date: Date, locale: Locale): string {
  return dateFormat("day-month", locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(date);
}

/**
 * A moment (a timestamp: when a flag opened, a record changed, an invitation expires) as the
 * date in Danish time, with the time if asked: 00:30 in Copenhagen is that day, although it
 * is the day before in UTC. Shown in the default zone, which every clinic keeps today: client
 * components format moments too, and they do not know the clinic.
 */
export function formatMoment(moment: Date, locale: Locale, withTime = false): string {
  return dateFormat(withTime ? "moment-time" : "moment", locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: DEFAULT_TIME_ZONE,
    ...(withTime && { hour: "2-digit", minute: "2-digit" }),
  }).format(moment);
}

export function formatNumber(value: number, locale: Locale, maxDecimals = 1): string {
  return numberFormat(`number-${maxDecimals}`, locale, { maximumFractionDigits: maxDecimals }).format(value);
}

/** A number as a form field shows it for editing: the locale's decimal sign, no grouping (parseNumber reads it back). */
export function formatInputNumber(value: number, locale: Locale, maxDecimals = 2): string {
  return numberFormat(`input-${maxDecimals}`, locale, {
    maximumFractionDigits: maxDecimals,
    useGrouping: false,
  }).format(value);
}

/** A change with its sign, e.g. +19 or −4,5 (a typographic minus, which reads better than a hyphen). */
export function formatChange(value: number, locale: Locale, maxDecimals = 1): string {
  return numberFormat(`change-${maxDecimals}`, locale, {
    maximumFractionDigits: maxDecimals,
    signDisplay: "exceptZero",
  })
    .format(value)
    .replace("-", "\u2212");
}
