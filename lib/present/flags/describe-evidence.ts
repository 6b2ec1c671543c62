import type { Instrument, Locale } from "../../generated/prisma/enums";
import type { Messages } from "../i18n";
import { formatDate, formatNumber } from "../i18n/format";
import { codeLabel } from "../records/describe-record";

type Measurement = {
  instrument: Instrument;
  baseline: number;
  baselineDate: string;
  latest: number;
  latestDate: string;
};

/** A flag's evidence as labelled lines in the user's language. */
export function describeEvidence(
  evidence: Record<string, unknown>,
  messages: Messages,
  locale: Locale,
): [string, string][] {
  const labels = messages.flags.evidenceLabels as Record<string, string>;
  const date = (value: string) => formatDate(new Date(`${value}T00:00:00.000Z`), locale);
  const isDate = (value: unknown): value is string => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const text = (value: unknown): string => {
    if (isDate(value)) return date(value);
    if (typeof value === "number") return formatNumber(value, locale);
    if (typeof value === "boolean") return value ? messages.assessment.yes : messages.assessment.no;
    if (Array.isArray(value)) return value.length ? value.map(text).join("; ") : messages.caseload.noValue;
    if (value && typeof value === "object") {
      const m = value as Partial<Measurement>;
      if (m.instrument) {
        return messages.flags.measurement(
          messages.instrument[m.instrument],
          text(m.baseline),
          date(m.baselineDate!),
          text(m.latest),
          date(m.latestDate!),
        );
      }
      return Object.entries(value)
        .map(([key, inner]) => `${labels[key] ?? key}: ${text(inner)}`)
        .join(", ");
    }
    if (value === null) return messages.caseload.noValue;
    if (typeof value === "string")
      return codeLabel({ ...messages.assessment.redFlag, ...messages.assessment.finding }, value);
    return String(value);
  };
  return Object.entries(evidence).map(([key, value]) => [labels[key] ?? key, text(value)]);
}
