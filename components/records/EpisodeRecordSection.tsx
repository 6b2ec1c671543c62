import Link from "next/link";
import { deleteRecordAction, saveRecordAction } from "@/app/actions/records";
import { baselines, decimate, outcomeSeries, timeMarkers } from "@/lib/charts/chart-series";
import { FUNCTION_INSTRUMENTS, INSTRUMENTS } from "@/lib/clinical/instruments";
import { daysBetween, today } from "@/lib/dates";
import type { Instrument, Locale } from "@/lib/generated/prisma/enums";
import type { Messages } from "@/lib/i18n";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import type { getEpisodeRecord } from "@/lib/patients/get-episode-record";
import { programWeek } from "@/lib/programs/program-week";
import { describeRecord } from "@/lib/records/describe-record";
import type { RecordFormKind } from "@/lib/records/record-forms";
import { DeleteRecord } from "./DeleteRecord";
import { PatientCharts, type ChartPanel } from "./PatientCharts";
import { QuickNrsForm } from "./QuickNrsForm";
import { DataTableDetails } from "../DataTableDetails";
import { DetailsList } from "../DetailsList";

type EpisodeRecord = Awaited<ReturnType<typeof getEpisodeRecord>>;

/** About one point per 4 px of chart width; see decimate(). */
const MAX_CHART_POINTS = 240;

/** The current episode's clinical record on the patient page. */
export function EpisodeRecordSection({
  patientId,
  record,
  editable,
  messages,
  locale,
}: {
  patientId: string;
  record: EpisodeRecord;
  editable: boolean;
  messages: Messages;
  locale: Locale;
}) {
  const day = today();
  const date = (value: Date) => formatDate(value, locale);
  const outcomes = record.outcomes.map((row) => ({ ...row, value: Number(row.value) }));
  const series = outcomeSeries(outcomes);
  const bases = baselines(outcomes);
  const baselineOf = (instrument: Instrument) => {
    const base = bases.find((b) => b.instrument === instrument);
    return base ? { ...base, label: messages.charts.baseline(formatNumber(base.value, locale)) } : null;
  };
  const sourceLabel = (recordedBy: "PATIENT" | "CLINICIAN") => (recordedBy === "PATIENT" ? messages.charts.fromPortal : messages.charts.fromClinic);

  const painSeries = series
    .filter((s) => s.instrument === "NRS_FIRST_STEP" || s.instrument === "NRS_ACTIVITY")
    .map((s) => ({
      key: `${s.instrument}-${s.recordedBy}`,
      label: `${messages.instrument[s.instrument]}, ${sourceLabel(s.recordedBy)}`,
      points: decimate(s.points, MAX_CHART_POINTS),
      style: s.instrument === "NRS_ACTIVITY" ? ("secondary" as const) : s.recordedBy === "PATIENT" ? ("diary" as const) : ("clinic" as const),
    }));
  const pain: ChartPanel | null = painSeries.length ? { key: "pain", label: messages.charts.pain, max: 10, series: painSeries, baseline: baselineOf("NRS_FIRST_STEP") } : null;
  const functionPanels: ChartPanel[] = FUNCTION_INSTRUMENTS.flatMap((instrument) => {
    const own = series.filter((s) => s.instrument === instrument);
    if (own.length === 0) return [];
    return [{
      key: instrument,
      label: messages.instrument[instrument],
      max: INSTRUMENTS[instrument].max,
      series: own.map((s) => ({ key: `${instrument}-${s.recordedBy}`, label: `${messages.instrument[instrument]}, ${sourceLabel(s.recordedBy)}`, points: s.points, style: "clinic" as const })),
      baseline: baselineOf(instrument),
    }];
  });
  const markers = timeMarkers(
    record.assignments,
    record.interventions.map((row) => ({ date: row.date, label: messages.intervention.types[row.type] })),
    (kind, phase) => messages.charts.phaseStart(kind === "FIRST_WEEK" ? messages.program[kind] : `${messages.program[kind]}, ${messages.programs.editor.phase(phase).toLowerCase()}`),
    day,
  );

  const week = record.programStart ? programWeek(record.programStart, day) : null;
  const summary: [string, string][] = [
    [messages.caseload.columns.weeks, String(Math.max(0, Math.floor(daysBetween(record.treatmentStart, day) / 7)))],
    [
      messages.caseload.columns.phase,
      record.programKind && week !== null && record.programPhase !== null
        ? messages.caseload.phase(messages.program[record.programKind], week, record.programPhase)
        : messages.caseload.noValue,
    ],
    [messages.caseload.columns.pain, record.latestPain === null ? messages.caseload.noValue : messages.caseload.painValue(formatNumber(Number(record.latestPain), locale))],
    [messages.caseload.columns.flags, messages.flagCounts(record.openUrgentFlags, record.openHighFlags, record.openWarningFlags, record.openInfoFlags)],
  ];

  type Entry = { kind: RecordFormKind; id: string; date: Date; label: string; text: string; redFlag: boolean };
  const entries: Entry[] = [
    ...record.assessments.map((row) => ({ kind: "assessment" as const, id: row.id, date: row.date, label: messages.timeline.assessment, text: describeRecord("assessment", row, messages, locale), redFlag: row.redFlags.length > 0 })),
    ...record.interventions.map((row) => ({ kind: "intervention" as const, id: row.id, date: row.date, label: messages.timeline.intervention, text: describeRecord("intervention", row, messages, locale), redFlag: false })),
    ...record.outcomes
      .filter((row) => row.recordedBy === "CLINICIAN")
      .map((row) => ({ kind: "outcome" as const, id: row.id, date: row.date, label: messages.timeline.outcome, text: describeRecord("outcome", row, messages, locale), redFlag: false })),
  ].sort((a, b) => b.date.getTime() - a.date.getTime());

  return (
    <>
      <section aria-labelledby="summary-heading" className="panel">
        <h2 id="summary-heading">{messages.patient.details}</h2>
        <DetailsList items={summary} />
        {editable && (
          <>
            <div className="record-links">
              <Link className="button secondary" href={`/patients/${patientId}/records/assessment/new`}>{messages.record.newAssessment}</Link>
              <Link className="button secondary" href={`/patients/${patientId}/records/outcome/new`}>{messages.record.newOutcome}</Link>
              <Link className="button secondary" href={`/patients/${patientId}/records/intervention/new`}>{messages.record.newIntervention}</Link>
            </div>
            <QuickNrsForm
              action={saveRecordAction.bind(null, "outcome", { patientId, episodeId: record.id, recordId: null })}
              today={day.toISOString().slice(0, 10)}
              text={{ title: messages.outcome.quickNrs, value: messages.outcome.quickNrsValue, save: messages.outcome.quickNrsSave }}
            />
          </>
        )}
      </section>

      <section aria-labelledby="charts-heading" className="panel">
        <h2 id="charts-heading">{messages.charts.pain} · {messages.charts.function}</h2>
        <PatientCharts
          pain={pain}
          functionPanels={functionPanels}
          markers={markers}
          locale={locale === "da" ? "da-DK" : "en-GB"}
          text={{ pain: messages.charts.pain, function: messages.charts.function, instrument: messages.charts.functionInstrument, noData: messages.charts.noData }}
        />
        {(pain || functionPanels.length > 0) && <p className="hint">{messages.charts.bandExplained}</p>}
        {markers.length > 0 && (
          <>
            <h3 className="visually-hidden">{messages.charts.markers}</h3>
            <ol className="marker-list" aria-label={messages.charts.markers}>
              {markers.map((marker, index) => (
                <li key={`${marker.t}-${marker.label}`} value={index + 1}>
                  {date(new Date(marker.t))}: {marker.label}
                </li>
              ))}
            </ol>
          </>
        )}
        {outcomes.length > 0 && (
          <DataTableDetails
            summary={messages.charts.dataTable}
            columns={[messages.charts.date, messages.charts.measure, messages.charts.value, messages.charts.recordedBy]}
            rows={[...outcomes].reverse().map((row) => ({
              key: row.id,
              cells: [date(row.date), messages.instrument[row.instrument], formatNumber(row.value, locale), sourceLabel(row.recordedBy)],
            }))}
          />
        )}
      </section>

      <section aria-labelledby="timeline-heading" className="panel">
        <h2 id="timeline-heading">{messages.timeline.title}</h2>
        {entries.length === 0 && <p>{messages.timeline.empty}</p>}
        <ol className="timeline">
          {entries.map((entry) => (
            <li key={entry.id} className={entry.redFlag ? "timeline-item red-flag" : "timeline-item"}>
              <p>
                <strong>{date(entry.date)}</strong> · {entry.label}
                {record.revisedIds.has(entry.id) && <> · <em>{messages.timeline.corrected}</em></>}
              </p>
              <p>{entry.text}</p>
              {editable && (
                <div className="entry-actions">
                  <Link href={`/patients/${patientId}/records/${entry.kind}/${entry.id}/edit`}>{messages.record.edit}</Link>
                  {record.revisedIds.has(entry.id) && <Link href={`/patients/${patientId}/records/${entry.kind}/${entry.id}/history`}>{messages.record.history}</Link>}
                  <DeleteRecord
                    action={deleteRecordAction.bind(null, entry.kind, patientId, entry.id)}
                    text={{ delete: messages.record.delete, title: messages.record.deleteTitle, body: messages.record.deleteBody, reason: messages.record.deleteReason, cancel: messages.record.cancel }}
                  />
                </div>
              )}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
