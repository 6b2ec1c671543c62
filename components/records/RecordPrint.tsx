import Link from "next/link";
import type { ReactNode } from "react";

import type { RuleCode } from "@/lib/clinical/rules/case";
import type { Locale } from "@/lib/generated/prisma/enums";
import { formatCpr } from "@/lib/platform/cpr/cpr";
import { isoDate } from "@/lib/platform/dates";
import { formatDate, formatDayMonth, formatMoment, formatNumber } from "@/lib/present/i18n/format";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";
import { describeRecord, outcomeValue } from "@/lib/present/records/describe-record";
import type { PatientRecord } from "@/lib/server/records/patient-record";
import { recordTimeline } from "@/lib/server/records/record-timeline";

import { SignedLetterInRecord } from "../letters/SignedLetterInRecord";
import { contactDetails } from "../patients/PatientContact";
import { referralDetails } from "../patients/ReferralPanel";
import { DataTable } from "../ui/DataTable";
import { DetailsList } from "../ui/DetailsList";
import { PrintButton } from "../ui/PrintButton";
import { sourceLabel } from "./chart-panels";

/**
 * A patient's whole record, readable on screen and on A4 paper (SPEC §9, the right of access):
 * the person, then each episode (oldest first) with its visits, measurements, the diary by week, programs,
 * interventions and flags; then the messages with the clinic. The same for the clinic and for the patient in the portal.
 */
export async function RecordPrint({
  record,
  fhirHref,
  backHref,
  today,
  locale,
  forPatient = false,
}: {
  record: PatientRecord;
  fhirHref: string;
  /** The patient's own copy in the portal: the file is named by what it is for, not its format. */
  forPatient?: boolean;
  backHref: string;
  today: Date;
  locale: Locale;
}) {
  const messages = await getRequestMessages();
  const text = messages.recordPrint;
  const c = text.columns;
  const date = (value: Date) => formatDate(value, locale);
  const person: [string, ReactNode][] = [
    [text.cpr, record.cpr ? formatCpr(record.cpr) : text.noCpr],
    [messages.patientForm.dateOfBirth, date(record.dateOfBirth)],
    [messages.patientForm.sex, messages.sex[record.sex]],
    ...contactDetails(record, messages),
    [messages.patient.clinician, record.clinician.name],
  ];
  return (
    <article className="record-print">
      <div className="no-print heading-actions">
        <PrintButton label={text.print} />
        <a href={fhirHref} className="button secondary" download>
          {forPatient ? messages.portal.recordFhir : text.downloadFhir}
        </a>
        <Link href={backHref}>{text.back}</Link>
      </div>
      <header>
        <p className="hint">{text.printedOn(date(today), record.clinicName)}</p>
        <h1>
          {text.title}: {record.name}
        </h1>
      </header>
      <section aria-labelledby="print-person">
        <h2 id="print-person">{text.person}</h2>
        <DetailsList items={person} compact />
      </section>
      {record.episodes.length === 0 && <p>{messages.patient.noEpisodes}</p>}
      {record.episodes.map((episode) => {
        // Oldest first, as the rest of the print.
        const diary = recordTimeline(
          [],
          episode.outcomes.filter(isDiaryPain).map((o) => ({ date: isoDate(o.date), value: Number(o.value) })),
          episode.sessionLogs.map((s) => ({ date: isoDate(s.date), completed: s.completed })),
        ).reverse();
        const heading = `print-episode-${episode.id}`;
        return (
          <section key={episode.id} aria-labelledby={heading} className="print-episode">
            <h2 id={heading}>{text.episode(messages.overview.heel[episode.side], date(episode.treatmentStart))}</h2>
            <p>
              {messages.episodeStatus[episode.status]}
              {episode.dischargedAt && ` · ${messages.patient.dischargedOn(date(episode.dischargedAt))}`} ·{" "}
              {messages.patient.symptomOnset}: {date(episode.symptomOnset)}
            </p>
            <h3>{messages.referral.title}</h3>
            {episode.referral ? (
              <DetailsList items={referralDetails(episode.referral, messages, locale)} compact />
            ) : (
              <p>{messages.referral.none}</p>
            )}
            <PrintTable
              title={text.assessments}
              none={text.none}
              columns={[c.date, c.what, c.by]}
              rows={episode.assessments.map((a) => [
                date(a.date),
                describeRecord("assessment", a, messages, locale),
                record.recorderNames.get(a.recordedById) ?? "",
              ])}
            />
            <PrintTable
              title={text.measurements}
              none={text.none}
              columns={[c.date, c.measure, c.value, c.source]}
              rows={episode.outcomes
                .filter((o) => !isDiaryPain(o))
                .map((o) => [
                  date(o.date),
                  messages.instrument[o.instrument],
                  outcomeValue(o, locale),
                  sourceLabel(o.recordedBy, messages),
                ])}
            />
            <PrintTable
              title={text.diary}
              none={text.none}
              columns={[c.week, c.what]}
              rows={diary.flatMap((week) =>
                week.kind === "diary"
                  ? [
                      [
                        `${week.week} (${formatDayMonth(new Date(`${week.weekStart}T00:00:00Z`), locale)}–${formatDayMonth(new Date(`${week.weekEnd}T00:00:00Z`), locale)} ${week.weekEnd.slice(0, 4)})`,
                        [
                          week.pain &&
                            messages.timeline.diaryPain(
                              week.pain.count,
                              formatNumber(week.pain.mean, locale),
                              week.pain.min,
                              week.pain.max,
                            ),
                          week.sessions.logged > 0 &&
                            messages.timeline.diarySessions(week.sessions.logged, week.sessions.completed),
                        ]
                          .filter(Boolean)
                          .join(" · "),
                      ],
                    ]
                  : [],
              )}
            />
            <PrintTable
              title={text.programs}
              none={text.none}
              columns={[c.program, c.start, c.end, c.ended]}
              rows={episode.assignments.map((a) => [
                messages.programs.templateVersion(
                  locale === "da" ? a.template.nameDa : a.template.nameEn,
                  a.template.version,
                ),
                date(a.startDate),
                a.endedAt ? date(a.endedAt) : text.ongoing,
                a.endReason
                  ? (messages.programs.endReasons[a.endReason as keyof typeof messages.programs.endReasons] ??
                    a.endReason)
                  : "",
              ])}
            />
            <PrintTable
              title={text.interventions}
              none={text.none}
              columns={[c.date, c.type, c.note]}
              rows={episode.interventions.map((i) => [date(i.date), messages.intervention.types[i.type], i.note ?? ""])}
            />
            <PrintTable
              title={text.flags}
              note={text.flagsExplained}
              none={text.none}
              columns={[c.opened, c.rule, c.severity, c.flagStatus, c.resolved]}
              rows={episode.flags.map((f) => [
                formatMoment(f.openedAt, locale),
                messages.flags.codes[f.code as RuleCode] ?? f.code,
                messages.flags.severities[f.severity],
                messages.flags.statuses[f.status],
                f.resolvedAt ? formatMoment(f.resolvedAt, locale) : "",
              ])}
            />
            <SignedLetterInRecord letters={episode.letters} />
          </section>
        );
      })}
      <section aria-labelledby="print-messages">
        <h2 id="print-messages">{text.messages}</h2>
        {record.messages.length === 0 ? (
          <p>{text.none}</p>
        ) : (
          <DataTable
            label={text.messages}
            columns={[c.sent, c.from, c.message, c.read]}
            rows={record.messages.map((m) => ({
              key: m.id,
              cells: [
                formatMoment(m.sentAt, locale, true),
                m.fromPatient ? record.name : m.sender.name,
                m.body,
                m.readAt ? formatMoment(m.readAt, locale, true) : messages.conversation.notRead,
              ],
            }))}
            className="print-table card-rows"
          />
        )}
      </section>
    </article>
  );
}

/** The diary's daily first-step pain, which the print sums up by week; the weekly check-ins are measurements like the clinic's. */
const isDiaryPain = (o: { recordedBy: string; instrument: string }) =>
  o.recordedBy === "PATIENT" && o.instrument === "NRS_FIRST_STEP";

/** One section of the record as a table, or "None."; it wraps on paper (globals.css). */
function PrintTable({
  title,
  note,
  none,
  columns,
  rows,
}: {
  title: string;
  note?: string;
  none: string;
  columns: string[];
  rows: ReactNode[][];
}) {
  return (
    <>
      <h3>{title}</h3>
      {note && <p className="hint">{note}</p>}
      {rows.length === 0 ? (
        <p>{none}</p>
      ) : (
        <DataTable
          label={title}
          columns={columns}
          rows={rows.map((cells, i) => ({ key: String(i), cells }))}
          className="print-table card-rows"
        />
      )}
    </>
  );
}
