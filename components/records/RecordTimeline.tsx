import Link from "next/link";

import type { Locale } from "@/lib/generated/prisma/enums";
import { isoDate } from "@/lib/platform/dates";
import type { Messages } from "@/lib/present/i18n";
import { formatDate, formatDayMonth, formatNumber } from "@/lib/present/i18n/format";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";
import { recordParts } from "@/lib/present/records/describe-record";
import { journalNote } from "@/lib/present/records/journal-note";
import type { getEpisodeRecord } from "@/lib/server/patients/get-episode-record";
import type { RecordFormKind } from "@/lib/server/records/record-forms";
import { recordTimeline, type TimelineGroup } from "@/lib/server/records/record-timeline";

import type { CommandAction } from "../action-types";
import { CopyButton } from "../ui/CopyButton";
import { LazyDetails } from "../ui/LazyDetails";
import { DeleteRecord } from "./DeleteRecord";

/** A record of the clinic's as the timeline lists it, described in the user's language. */
type TimelineEntry = {
  kind: RecordFormKind;
  id: string;
  date: string;
  /** What it says, part by part (describe-record.ts). */
  parts: string[];
  redFlag: boolean;
  corrected: boolean;
};

type EpisodeRecord = Awaited<ReturnType<typeof getEpisodeRecord>>;
/** The episode's rows, its measurements' values as numbers. */
type EpisodeRows = Pick<EpisodeRecord, "assessments" | "interventions" | "sessionLogs" | "revisedIds"> & {
  outcomes: (Omit<EpisodeRecord["outcomes"][number], "value"> & { value: number })[];
};

/** The clinic's own records as timeline entries; the patient's diary goes into the weekly summaries. */
function clinicEntries(record: EpisodeRows, messages: Messages, locale: Locale): TimelineEntry[] {
  return [
    ...record.assessments.map((row) => ({ kind: "assessment" as const, row, redFlag: row.redFlags.length > 0 })),
    ...record.interventions.map((row) => ({ kind: "intervention" as const, row, redFlag: false })),
    ...record.outcomes
      .filter((row) => row.recordedBy !== "PATIENT")
      .map((row) => ({ kind: "outcome" as const, row, redFlag: false })),
  ].map(({ kind, row, redFlag }) => ({
    kind,
    id: row.id,
    date: isoDate(row.date),
    parts: recordParts(kind, row, messages, locale),
    redFlag,
    corrected: record.revisedIds.has(row.id),
  }));
}

/** Groups shown before "show earlier": the latest visits and diary weeks. */
const LATEST_GROUPS = 4;

/**
 * The episode's record, newest first, grouped by visit; the patient's diary summarised per
 * week. Each of the clinic's records can be corrected or deleted from its line.
 */
export async function RecordTimeline({
  patientId,
  record,
  editable,
  locale,
  deleteRecord,
}: {
  patientId: string;
  record: EpisodeRows;
  editable: boolean;
  locale: Locale;
  /** From the page (app/actions/records.ts); bound here to each entry. */
  deleteRecord: CommandAction<[kind: RecordFormKind, patientId: string, recordId: string]>;
}) {
  const messages = await getRequestMessages();
  const text = messages.timeline;
  const groups = recordTimeline(
    clinicEntries(record, messages, locale),
    record.outcomes
      .filter((row) => row.recordedBy === "PATIENT" && row.instrument === "NRS_FIRST_STEP")
      .map((row) => ({ date: isoDate(row.date), value: row.value })),
    record.sessionLogs.map((row) => ({ date: isoDate(row.date), completed: row.completed })),
  );
  const latest = groups.slice(0, LATEST_GROUPS);
  const earlier = groups.slice(LATEST_GROUPS);
  const day = (ymd: string) => new Date(`${ymd}T00:00:00Z`);
  const label = { assessment: text.assessment, outcome: text.outcome, intervention: text.intervention };
  const heading = (g: { date: string; kind: "visit" | "records" }) =>
    `${formatDate(day(g.date), locale)} · ${g.kind === "visit" ? text.visit : text.records}`;

  const group = (g: TimelineGroup<TimelineEntry>) =>
    g.kind === "diary" ? (
      <li key={`diary-${g.weekStart}`} className="timeline-group" data-kind="diary">
        <h3>{text.diary(g.week, formatDayMonth(day(g.weekStart), locale), formatDayMonth(day(g.weekEnd), locale))}</h3>
        <p>
          {[
            g.pain && text.diaryPain(g.pain.count, formatNumber(g.pain.mean, locale), g.pain.min, g.pain.max),
            g.sessions.logged > 0 && text.diarySessions(g.sessions.logged, g.sessions.completed),
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
      </li>
    ) : (
      <li
        key={`day-${g.date}`}
        className={g.records.some((r) => r.redFlag) ? "timeline-group red-flag" : "timeline-group"}
        data-kind={g.kind}
      >
        <div className="timeline-day-head">
          <h3>{heading(g)}</h3>
          {editable && (
            <CopyButton
              value={journalNote(
                heading(g),
                g.records.map((entry) => ({ label: label[entry.kind], parts: entry.parts })),
              )}
              label={text.copyNote}
              copiedLabel={text.noteCopied}
            />
          )}
        </div>
        <ul>
          {g.records.map((entry) => (
            <li key={entry.id} className="timeline-item">
              <p>
                <span className="muted">{label[entry.kind]}:</span> {entry.parts.join(" · ")}
                {entry.corrected && (
                  <>
                    {" "}
                    · <em>{text.corrected}</em>
                  </>
                )}
              </p>
              {editable && (
                <div className="entry-actions">
                  <Link className="button quiet" href={`/patients/${patientId}/records/${entry.kind}/${entry.id}/edit`}>
                    {messages.record.edit}
                  </Link>
                  {entry.corrected && (
                    <Link
                      className="button quiet"
                      href={`/patients/${patientId}/records/${entry.kind}/${entry.id}/history`}
                    >
                      {messages.record.history}
                    </Link>
                  )}
                  <DeleteRecord action={deleteRecord.bind(null, entry.kind, patientId, entry.id)} />
                </div>
              )}
            </li>
          ))}
        </ul>
      </li>
    );

  return (
    <section aria-labelledby="timeline-heading" className="panel">
      <h2 id="timeline-heading">{text.title}</h2>
      {groups.length === 0 && <p>{text.empty}</p>}
      <ol className="timeline">{latest.map(group)}</ol>
      {earlier.length > 0 && (
        <LazyDetails summary={text.earlier(earlier.length)} className="timeline-more disclosure">
          <ol className="timeline">{earlier.map(group)}</ol>
        </LazyDetails>
      )}
    </section>
  );
}
