import { CLINIC_TIME_ZONE } from "../dates";
import type { Locale } from "../generated/prisma/enums";

const TAG: Record<Locale, string> = { da: "da-DK", en: "en-GB" };

/** The BCP 47 tag of a locale, for Intl in client components. */
export const localeTag = (locale: Locale) => TAG[locale];

/** A calendar date (held at midnight UTC) in the user's language, e.g. 3. mar. 2026. */
export function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(TAG[locale], { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(date);
}

/** A calendar date without the year, for ranges inside one view, e.g. 16. nov. */
export function formatDayMonth(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(TAG[locale], { day: "numeric", month: "short", timeZone: "UTC" }).format(date);
}

/**
 * A moment (a timestamp: when a flag opened, a record changed, an invitation expires) as the
 * date in the clinic's time zone, with the time if asked: 00:30 in Copenhagen is that day,
 * although it is the day before in UTC.
 */
export function formatMoment(moment: Date, locale: Locale, withTime = false): string {
  return new Intl.DateTimeFormat(TAG[locale], {
    day: "numeric", month: "short", year: "numeric", timeZone: CLINIC_TIME_ZONE, ...(withTime && { hour: "2-digit", minute: "2-digit" }),
  }).format(moment);
}

export function formatNumber(value: number, locale: Locale, maxDecimals = 1): string {
  return new Intl.NumberFormat(TAG[locale], { maximumFractionDigits: maxDecimals }).format(value);
}

/** A number as a form field shows it for editing: the locale's decimal sign, no grouping (parseNumber reads it back). */
export function formatInputNumber(value: number, locale: Locale, maxDecimals = 2): string {
  return new Intl.NumberFormat(TAG[locale], { maximumFractionDigits: maxDecimals, useGrouping: false }).format(value);
}

/** A change with its sign, e.g. +19 or −4,5 (a typographic minus, which reads better than a hyphen). */
export function formatChange(value: number, locale: Locale, maxDecimals = 1): string {
  return new Intl.NumberFormat(TAG[locale], { maximumFractionDigits: maxDecimals, signDisplay: "exceptZero" }).format(value).replace("-", "\u2212");
}
