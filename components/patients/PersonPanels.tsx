import Link from "next/link";
import type { ReactNode } from "react";

import { bmi } from "@/lib/clinical/bmi";
import type { Comorbidity } from "@/lib/clinical/comorbidities";
import { Side } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/platform/auth/actor";
import { can } from "@/lib/platform/auth/permissions";
import { maskedCpr } from "@/lib/platform/cpr/cpr";
import { isoDate } from "@/lib/platform/dates";
import { formatDate, formatNumber } from "@/lib/present/i18n/format";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";
import type { DISCHARGE_REASONS } from "@/lib/server/episodes/episode-input";
import { PAUSE_REASONS } from "@/lib/server/episodes/episode-input";
import type { getPatient } from "@/lib/server/patients/get-patient";
import { acceptsEntries } from "@/lib/server/retention/processing-stopped";

import type { CommandAction, FormAction } from "../action-types";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { DetailsList } from "../ui/DetailsList";
import { CprReveal, type RevealCpr } from "./CprReveal";
import { EpisodeActions, OpenEpisodeForm } from "./EpisodeForms";
import { contactDetails } from "./PatientContact";

type Patient = Awaited<ReturnType<typeof getPatient>>;

/** The person's details in a compact panel, with editing, archiving and (admins) the audit log. */
export async function PersonDetails({
  patient,
  actor,
  actions,
}: {
  patient: Patient;
  actor: Actor;
  /** From the page (app/actions/patients.ts). */
  actions: { archive: CommandAction<[patientId: string]>; revealCpr: RevealCpr };
}) {
  const messages = await getRequestMessages();
  const text = messages.patient;
  const locale = actor.locale;
  const number = (value: { toString(): string } | number | null) =>
    value === null ? messages.caseload.noValue : formatNumber(Number(value), locale);
  const patientBmi = bmi(patient.heightCm && Number(patient.heightCm), patient.weightKg && Number(patient.weightKg));
  const editable = acceptsEntries(patient);
  const details: [string, ReactNode][] = [
    [
      messages.patientForm.cpr,
      patient.cprHash ? (
        <CprReveal reveal={actions.revealCpr.bind(null, patient.id)} masked={maskedCpr(patient.dateOfBirth)} />
      ) : (
        messages.caseload.noValue
      ),
    ],
    [messages.patientForm.dateOfBirth, formatDate(patient.dateOfBirth, locale)],
    [messages.patientForm.sex, messages.sex[patient.sex]],
    [messages.patientForm.affectedSide, messages.side[patient.affectedSide]],
    [text.clinician, patient.clinician.name],
    ...contactDetails(patient, messages),
    [messages.patientForm.heightCm, number(patient.heightCm)],
    [messages.patientForm.weightKg, number(patient.weightKg)],
    [text.bmi, patientBmi === null ? messages.caseload.noValue : formatNumber(patientBmi, locale)],
    [messages.patientForm.footType, messages.footType[patient.footType]],
    [
      messages.patientForm.comorbidities,
      patient.comorbidities.map((code) => messages.comorbidity[code as Comorbidity] ?? code).join(", ") ||
        messages.caseload.noValue,
    ],
    [messages.patientForm.occupation, patient.occupation ?? messages.caseload.noValue],
    [messages.patientForm.standingHoursPerDay, number(patient.standingHoursPerDay)],
    [messages.patientForm.runningKmPerWeek, number(patient.runningKmPerWeek)],
    [messages.patientForm.recentLoadChange, patient.recentLoadChange ? text.yes : text.no],
    [messages.patientForm.shoeAgeKm, number(patient.shoeAgeKm)],
  ];
  return (
    <section aria-labelledby="details-heading" className="panel">
      <div className="panel-heading">
        <h2 id="details-heading">{messages.patientForm.identity}</h2>
        <div className="heading-actions">
          {editable && (
            <>
              <Link href={`/patients/${patient.id}/edit`} className="button secondary">
                {text.edit}
              </Link>
              <ConfirmDialog
                trigger={text.archive}
                title={text.archiveTitle}
                body={text.archiveBody}
                confirm={text.archiveConfirm}
                cancel={text.confirmCancel}
                action={actions.archive.bind(null, patient.id)}
              />
            </>
          )}
          <Link href={`/patients/${patient.id}/record`} className="button secondary">
            {messages.recordPrint.title}
          </Link>
          <a href={`/patients/${patient.id}/export/fhir`} className="button secondary" download>
            FHIR
          </a>
          {can(actor, "clinic-admin") && (
            <Link href={`/admin/audit?patient=${patient.id}`} className="button secondary">
              {messages.admin.audit.forPatient}
            </Link>
          )}
        </div>
      </div>
      <DetailsList items={details} compact />
    </section>
  );
}

/** An archived patient's notice, with restoring for admins. */
export async function ArchivedNotice({
  patientId,
  actor,
  restore,
}: {
  patientId: string;
  actor: Actor;
  /** From the page (app/actions/patients.ts). */
  restore: CommandAction<[patientId: string]>;
}) {
  const messages = await getRequestMessages();
  const text = messages.patient;
  return (
    <div className="warning-box">
      <p>{text.archived}</p>
      {can(actor, "clinic-admin") && (
        <ConfirmDialog
          trigger={text.restore}
          title={text.restoreTitle}
          body={text.restoreBody}
          confirm={text.restoreConfirm}
          cancel={text.confirmCancel}
          action={restore.bind(null, patientId)}
        />
      )}
    </div>
  );
}

/** Every episode of care with its status actions, and opening a new one when none is open. */
export async function EpisodesPanel({
  patient,
  day,
  locale,
  actions,
}: {
  patient: Patient;
  day: Date;
  locale: Actor["locale"];
  /** From the page (app/actions/episodes.ts); bound here to the patient and each episode. */
  actions: {
    changeStatus: CommandAction<[patientId: string, episodeId: string]>;
    open: FormAction<[patientId: string]>;
  };
}) {
  const messages = await getRequestMessages();
  const text = messages.patient;
  const date = (value: Date) => formatDate(value, locale);
  const editable = acceptsEntries(patient);
  const hasOpenEpisode = patient.episodes.some((episode) => episode.status !== "DISCHARGED");
  return (
    <section aria-labelledby="episodes-heading" className="panel">
      <h2 id="episodes-heading">{text.episodes}</h2>
      {patient.episodes.length === 0 && <p>{text.noEpisodes}</p>}
      <ul className="episodes">
        {patient.episodes.map((episode) => (
          <li key={episode.id} className="episode">
            <p>
              <strong>{messages.episodeStatus[episode.status]}</strong>
              {episode.dischargedAt && ` · ${text.dischargedOn(date(episode.dischargedAt))}`}
              {episode.dischargeReason &&
                ` · ${text.dischargeReasons[episode.dischargeReason as (typeof DISCHARGE_REASONS)[number]] ?? ""}`}
              {episode.pauseReason &&
                ` · ${text.pauseReasons[episode.pauseReason as (typeof PAUSE_REASONS)[number]] ?? ""}`}{" "}
              · {text.side}: {messages.side[episode.side]} · {text.symptomOnset}: {date(episode.symptomOnset)} ·{" "}
              {text.treatmentStart}: {date(episode.treatmentStart)}
            </p>
            {editable && (
              <EpisodeActions
                status={episode.status}
                canReopen={patient.currentEpisodeId === episode.id && !hasOpenEpisode}
                action={actions.changeStatus.bind(null, patient.id, episode.id)}
                pauseReasons={PAUSE_REASONS.map((value) => ({ value, label: text.pauseReasons[value] }))}
                dischargeHref={`/patients/${patient.id}/episodes/${episode.id}/discharge`}
              />
            )}
          </li>
        ))}
      </ul>
      {editable && !hasOpenEpisode && (
        <>
          <h3>{text.openEpisode}</h3>
          <OpenEpisodeForm
            action={actions.open.bind(null, patient.id)}

            sides={Object.values(Side).map((value) => ({ value, label: messages.side[value] }))}
            defaultSide={patient.affectedSide}
            today={isoDate(day)}
          />
        </>
      )}
    </section>
  );
}
