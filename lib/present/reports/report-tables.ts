// Every table of the clinic report, defined once: the page shows them under their charts and
// the CSV export writes the same rows (SPEC §7 "tables under every chart, CSV of every table").
// A cell holds its number; the page formats it for the user's language and the CSV writes it
// with a decimal comma. A share is a percentage; a share or median that suppression withheld
// is null, shown as "–" and written as an empty field.
import { ADHERENCE_BANDS } from "../../clinical/reports/adherence";
import { shareOf } from "../../clinical/reports/suppression";
import type { ClinicReport } from "../../server/reports/clinic-report";
import type { Messages } from "../i18n";

export type ReportCell =
  | { kind: "text"; value: string }
  | { kind: "count"; value: number }
  | { kind: "share" | "decimal"; value: number | null };

export type ReportTable = { key: ReportTableKey; title: string; header: string[]; rows: ReportCell[][] };

export const REPORT_TABLES = [
  "episodes",
  "improvement",
  "instruments",
  "recovery",
  "expected",
  "pain",
  "adherence",
  "flags",
  "interventions",
] as const;
export type ReportTableKey = (typeof REPORT_TABLES)[number];

const text = (value: string): ReportCell => ({ kind: "text", value });
const count = (value: number): ReportCell => ({ kind: "count", value });
const share = (value: number | null): ReportCell => ({ kind: "share", value });
const decimal = (value: number | null): ReportCell => ({ kind: "decimal", value });

/** A reference point's expected share in words: "more than 50 %", "about 75 %". */
export function expectedShare(point: { expected: number; atLeast: boolean }, messages: Messages): string {
  const r = messages.reports.recovery;
  return (point.atLeast ? r.atLeast : r.about2)(`${point.expected * 100} %`);
}

export function reportTables(report: ClinicReport, messages: Messages): Record<ReportTableKey, ReportTable> {
  const r = messages.reports;
  const table = (key: ReportTableKey, title: string, header: string[], rows: ReportCell[][]): ReportTable => ({
    key,
    title,
    header,
    rows,
  });
  const { milestones } = report;
  return {
    episodes: table(
      "episodes",
      r.episodes.title,
      [r.episodes.what, r.episodes.count],
      [
        [text(r.episodes.started), count(report.episodes.started)],
        [text(r.episodes.active), count(report.episodes.active)],
        [text(r.episodes.paused), count(report.episodes.paused)],
        [text(r.episodes.discharged), count(report.episodes.discharged)],
      ],
    ),
    improvement: table(
      "improvement",
      r.improvement.title,
      [
        r.improvement.milestone,
        r.improvement.reached,
        r.improvement.improved,
        r.improvement.notImproved,
        r.improvement.notJudgeable,
        r.improvement.share,
      ],
      milestones.map((m) => [
        text(r.improvement.weeks(m.weeks)),
        count(m.reached),
        count(m.improved),
        count(m.notImproved),
        count(m.notJudgeable),
        share(m.share),
      ]),
    ),
    instruments: table(
      "instruments",
      `${r.improvement.title}: ${r.improvement.instruments.toLowerCase()}`,
      [
        r.improvement.instrument,
        ...milestones.flatMap((m) => [
          r.improvement.judged(m.weeks),
          r.improvement.improvedAt(m.weeks),
          r.improvement.shareAt(m.weeks),
        ]),
      ],
      [...new Set(milestones.flatMap((m) => m.instruments.map((i) => i.instrument)))].map((instrument) => [
        text(messages.instrument[instrument]),
        ...milestones.flatMap((m) => {
          const row = m.instruments.find((i) => i.instrument === instrument);
          return [count(row?.judged ?? 0), count(row?.improved ?? 0), share(row?.share ?? null)];
        }),
      ]),
    ),
    recovery: table(
      "recovery",
      r.recovery.title,
      [r.recovery.week, r.recovery.atRisk, r.recovery.recovered, r.recovery.censored, r.recovery.share],
      report.recovery.steps.map((s) => [
        count(s.week),
        count(s.atRisk),
        count(s.recovered),
        count(s.censored),
        share(s.share),
      ]),
    ),
    expected: table(
      "expected",
      r.recovery.references,
      [r.recovery.point, r.recovery.expectedShare, r.recovery.clinicShare],
      report.recovery.references.map((point) => [
        text(point.key === "year" ? r.recovery.year : r.recovery.twoYears),
        text(expectedShare(point, messages)),
        share(point.clinic),
      ]),
    ),
    pain: table(
      "pain",
      r.pain.title,
      [r.pain.week, r.pain.episodes, r.pain.median, r.pain.lowerQuartile, r.pain.upperQuartile],
      report.weeklyPain.map((w) => [
        count(w.week),
        count(w.episodes),
        decimal(w.median),
        decimal(w.lowerQuartile),
        decimal(w.upperQuartile),
      ]),
    ),
    adherence: table(
      "adherence",
      r.adherence.title,
      [r.adherence.band, r.adherence.episodes, r.adherence.share],
      [
        ...ADHERENCE_BANDS.map((_, i) => [
          text(r.adherence.bands[i]!),
          count(report.adherence.bands[i]!),
          share(shareOf(report.adherence.bands[i]!, report.adherence.episodes)),
        ]),
        [text(r.adherence.medianRow), count(report.adherence.episodes), share(report.adherence.median)],
      ],
    ),
    flags: table(
      "flags",
      r.flags.title,
      [r.flags.rule, r.flags.raised, r.flags.episodes, r.flags.acknowledged, r.flags.hours],
      report.flags.map((f) => [
        text(messages.flags.codes[f.code]),
        count(f.raised),
        count(f.episodes),
        count(f.acknowledged),
        decimal(f.medianHours),
      ]),
    ),
    interventions: table(
      "interventions",
      r.interventions.title,
      [r.interventions.type, r.interventions.episodes],
      report.interventions.map((i) => [text(messages.intervention.types[i.type]), count(i.episodes)]),
    ),
  };
}
