import Link from "next/link";
import type { ReactNode } from "react";

import type { Plan } from "@/lib/clinical/episode-state";
import { weeksInTreatment } from "@/lib/clinical/treatment-time";
import type { EpisodeStatus, Locale } from "@/lib/generated/prisma/enums";
import { formatChange, formatDate, formatNumber } from "@/lib/present/i18n/format";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";
import { planText } from "@/lib/present/programs/plan-text";
import type { InstrumentProgress } from "@/lib/server/patients/progress-overview";
import type { ActiveProgram } from "@/lib/server/programs/current-plan";

type Props = {
  patientId: string;
  episode: { treatmentStart: Date; status: EpisodeStatus };
  /** The program the caseload shows as the phase: HSR if active, else the latest active one. */
  program: ActiveProgram | undefined;
  /** The plan's status, once a program is running. */
  plan: Plan | null;
  progress: { pain: InstrumentProgress | null; function: InstrumentProgress | null };
  day: Date;
  locale: Locale;
};

/**
 * The record's everyday actions, beside the patient's name. The usual next visit is the primary
 * button: the first assessment until the episode has one, then the short follow-up visit.
 */
export async function RecordActions({ patientId, examined }: { patientId: string; examined: boolean }) {
  const messages = await getRequestMessages();
  const visits = [
    { href: `/patients/${patientId}/records/assessment/new?visit=follow-up`, label: messages.record.newFollowUp },
    { href: `/patients/${patientId}/records/assessment/new`, label: messages.record.newAssessment },
  ];
  if (!examined) visits.reverse();
  return (
    <nav className="record-links" aria-label={messages.overview.actions}>
      {visits.map((visit, i) => (
        <Link key={visit.href} className={`button ${i === 0 ? "primary" : "secondary"}`} href={visit.href}>
          {visit.label}
        </Link>
      ))}
      <Link className="button secondary" href={`/patients/${patientId}/records/outcome/new`}>
        {messages.record.newOutcome}
      </Link>
      <Link className="button secondary" href={`/patients/${patientId}/records/intervention/new`}>
        {messages.record.newIntervention}
      </Link>
    </nav>
  );
}

/** Where the patient is in treatment and how they are doing, as four tiles: the top of the patient page. */
export async function OverviewTiles({ episode, program, plan, progress, day, locale }: Omit<Props, "patientId">) {
  const messages = await getRequestMessages();
  const text = messages.overview;
  const date = (value: Date | string) =>
    formatDate(typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value, locale);
  const value = (progress: InstrumentProgress) => formatNumber(progress.latest, locale);
  const prescription = program?.prescription;
  const thisWeek = prescription?.weeks.at(-1);
  return (
    <ul className="stat-tiles" aria-label={text.tiles}>
      <li className="stat-tile">
        <p className="label">{text.treatment}</p>
        <p className="figure">{text.weeks(weeksInTreatment(episode.treatmentStart, day))}</p>
        <p className="sub">
          {episode.status === "ACTIVE" ? text.since(date(episode.treatmentStart)) : text.episodeStatus[episode.status]}
        </p>
      </li>
      <li className="stat-tile">
        <p className="label">{text.program}</p>
        {program ? (
          <>
            <p className="figure">{messages.program[program.kind]}</p>
            {prescription ? (
              <>
                <p className="sub">
                  {program.maintenanceSince
                    ? text.maintenance
                    : prescription.completed
                      ? text.programDone(prescription.totalWeeks)
                      : text.programWeek(prescription.week, prescription.totalWeeks, prescription.phase)}
                </p>
                {thisWeek && <p className="sub">{text.thisWeek(thisWeek.completed, thisWeek.prescribed)}</p>}
                {/* Only a plan that is not simply running says so: its status and why. */}
                {plan && plan.status !== "ACTIVE" && (
                  <p className="sub">
                    <span className="plan-status" data-plan={plan.status}>
                      {planText(plan, messages)}
                    </span>
                  </p>
                )}
              </>
            ) : (
              <p className="sub">{text.notStarted(date(program.startDate))}</p>
            )}
          </>
        ) : (
          <p className="sub">{text.noProgram}</p>
        )}
      </li>
      <ProgressTile
        label={text.pain}
        progress={progress.pain}
        figure={
          progress.pain && (
            <>
              {value(progress.pain)}
              <small>/10</small>
            </>
          )
        }

        locale={locale}
      />
      <ProgressTile
        label={progress.function ? messages.instrument[progress.function.instrument] : text.function}
        progress={progress.function}
        figure={progress.function && value(progress.function)}

        locale={locale}
      />
    </ul>
  );
}

async function ProgressTile({
  label,
  progress,
  figure,
  locale,
}: {
  label: string;
  progress: InstrumentProgress | null;
  figure: ReactNode;
  locale: Locale;
}) {
  const messages = await getRequestMessages();
  const text = messages.overview;
  const number = (value: number) => formatNumber(value, locale);
  return (
    <li className="stat-tile">
      <p className="label">{label}</p>
      {progress ? (
        <>
          <p className="figure">{figure}</p>
          <p className="sub">
            {progress.verdict === "BASELINE_ONLY"
              ? text.latestOn(formatDate(new Date(`${progress.latestDate}T00:00:00Z`), locale))
              : text.change(formatChange(progress.change, locale), number(progress.baseline))}
          </p>
          <p className="sub">
            <span className="verdict" data-verdict={progress.verdict}>
              {text.verdict[progress.verdict]}
            </span>{" "}
            <span className="muted">
              <abbr title={text.mcid}>MCID</abbr> {number(progress.mcid)}
            </span>
          </p>
        </>
      ) : (
        <p className="sub">{text.noMeasurement}</p>
      )}
    </li>
  );
}
