// The report's query: a period of treatment starts and, for admins, a clinician. Read from the
// page's URL, so a report can be linked and printed; a bad value answers with a field error.
import { z } from "zod";

import { MAX_PERIOD_YEARS } from "../../clinical/reports/report-period";
import { addDays, isoDate } from "../../platform/dates";
import { searchOf } from "../../platform/entry-points/search";
import { parseDateText } from "../../present/forms/date-text";

/** A day as the date field takes it (dd-mm-yyyy or yyyy-mm-dd), held as yyyy-mm-dd. */
const ZDay = z.string("required").transform((value, context) => {
  const iso = parseDateText(value);
  if (iso === null) {
    context.addIssue({ code: "custom", message: "invalidDate" });
    return z.NEVER;
  }
  return iso;
});

export { MAX_PERIOD_YEARS };

export const ZReportQuery = z
  .object({
    from: ZDay,
    to: ZDay,
    /** Empty: the whole clinic (admins), or one's own caseload (clinicians). */
    clinician: z.union([z.literal(""), z.uuid("invalidChoice")]).default(""),
  })
  .superRefine((query, context) => {
    if (query.to < query.from) context.addIssue({ code: "custom", path: ["to"], message: "periodOrder" });
    else if (query.to > isoDate(addDays(new Date(`${query.from}T00:00:00Z`), Math.round(MAX_PERIOD_YEARS * 365.25)))) {
      context.addIssue({ code: "custom", path: ["to"], message: "periodTooLong" });
    }
  });
export type ReportQuery = z.output<typeof ZReportQuery>;

/** The default period: the twelve months up to today. */
export function defaultPeriod(today: Date): { from: string; to: string } {
  const from = new Date(today);
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  return { from: isoDate(addDays(from, 1)), to: isoDate(today) };
}

export const QUICK_PERIODS = ["last3Months", "last12Months", "thisYear", "lastYear"] as const;
export type QuickPeriod = (typeof QUICK_PERIODS)[number];

/** The periods a clinic owner asks for most, one click each: the last 3 or 12 months, this year, last year. */
export function quickPeriods(today: Date): Record<QuickPeriod, { from: string; to: string }> {
  const year = today.getUTCFullYear();
  const monthsBack = (months: number) => {
    const from = new Date(today);
    from.setUTCMonth(from.getUTCMonth() - months);
    return { from: isoDate(addDays(from, 1)), to: isoDate(today) };
  };
  return {
    last3Months: monthsBack(3),
    last12Months: defaultPeriod(today),
    thisYear: { from: `${year}-01-01`, to: isoDate(today) },
    lastYear: { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
  };
}

/** The URL's values as typed, checked by ZReportQuery in the service. */
export const ZReportSearch = searchOf(
  z.object({
    from: z.string().max(40).optional().catch(undefined),
    to: z.string().max(40).optional().catch(undefined),
    clinician: z.string().max(60).optional().catch(undefined),
  }),
);

/** The query as a URL search, for the CSV links and the print view. */
export function reportSearch(query: ReportQuery): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.clinician) params.set("clinician", query.clinician);
  return `?${params}`;
}
