// The patient page's chart panels from an episode's rows, in the user's language: plain data
// for the client chart components (PatientCharts.tsx), which only draw.
import { FUNCTION_INSTRUMENTS, INSTRUMENTS } from "@/lib/clinical/instruments";
import type { Instrument, InterventionType, Locale, ProgramKind, RecordedBy } from "@/lib/generated/prisma/enums";
import { baselines, decimate, outcomeSeries, timeMarkers } from "@/lib/present/charts/chart-series";
import type { Messages } from "@/lib/present/i18n";
import { formatNumber } from "@/lib/present/i18n/format";

import type { ChartPanel } from "./PatientCharts";

/** About one point per 4 px of chart width; see decimate(). */
const MAX_CHART_POINTS = 240;

type EpisodeRows = {
  outcomes: { date: Date; instrument: Instrument; value: number; recordedBy: RecordedBy }[];
  interventions: { date: Date; type: InterventionType }[];
  assignments: { kind: ProgramKind; startDate: Date; endedAt: Date | null; content: unknown }[];
};

export const sourceLabel = (recordedBy: RecordedBy, messages: Messages) =>
  recordedBy === "PATIENT" ? messages.charts.fromPortal : messages.charts.fromClinic;

export function chartPanels(rows: EpisodeRows, messages: Messages, locale: Locale, day: Date) {
  const series = outcomeSeries(rows.outcomes);
  const bases = baselines(rows.outcomes);
  const baselineOf = (instrument: Instrument) => {
    const base = bases.find((b) => b.instrument === instrument);
    return base ? { ...base, label: messages.charts.baseline(formatNumber(base.value, locale)) } : null;
  };
  const painSeries = series
    .filter((s) => s.instrument === "NRS_FIRST_STEP" || s.instrument === "NRS_ACTIVITY")
    .map((s) => ({
      key: `${s.instrument}-${s.recordedBy}`,
      label: `${messages.instrument[s.instrument]}, ${sourceLabel(s.recordedBy, messages)}`,
      points: decimate(s.points, MAX_CHART_POINTS),
      style:
        s.instrument === "NRS_ACTIVITY"
          ? ("secondary" as const)
          : s.recordedBy === "PATIENT"
            ? ("diary" as const)
            : ("clinic" as const),
    }));
  const pain: ChartPanel | null = painSeries.length
    ? { key: "pain", label: messages.charts.pain, max: 10, series: painSeries, baseline: baselineOf("NRS_FIRST_STEP") }
    : null;
  const functionPanels: ChartPanel[] = FUNCTION_INSTRUMENTS.flatMap((instrument) => {
    const own = series.filter((s) => s.instrument === instrument);
    if (own.length === 0) return [];
    return [
      {
        key: instrument,
        label: messages.instrument[instrument],
        max: INSTRUMENTS[instrument].max,
        series: own.map((s) => ({
          key: `${instrument}-${s.recordedBy}`,
          label: `${messages.instrument[instrument]}, ${sourceLabel(s.recordedBy, messages)}`,
          points: s.points,
          style: s.recordedBy === "PATIENT" ? ("diary" as const) : ("clinic" as const),
        })),
        baseline: baselineOf(instrument),
      },
    ];
  });
  const markers = timeMarkers(
    rows.assignments,
    rows.interventions.map((row) => ({ date: row.date, label: messages.intervention.types[row.type] })),
    (kind, phase) =>
      messages.charts.phaseStart(
        kind === "FIRST_WEEK"
          ? messages.program[kind]
          : `${messages.program[kind]}, ${messages.programs.editor.phase(phase).toLowerCase()}`,
      ),
    day,
  );
  return { pain, functionPanels, markers };
}
