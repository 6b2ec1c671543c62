import Link from "next/link";
import { changeEpisodeStatusAction, openEpisodeAction } from "@/app/actions/episodes";
import { archivePatientAction, restorePatientAction } from "@/app/actions/patients";
import { AppShell } from "@/components/AppShell";
import { ConfirmDialog } from "@/components/ConfirmDialog";
import { EpisodeActions, OpenEpisodeForm } from "@/components/patients/EpisodeForms";
import { can } from "@/lib/auth/permissions";
import { bmi } from "@/lib/clinical/bmi";
import type { Comorbidity } from "@/lib/clinical/comorbidities";
import { ageOn, today } from "@/lib/dates";
import { DISCHARGE_REASONS } from "@/lib/episodes/episode-input";
import { Side } from "@/lib/generated/prisma/enums";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { getEpisodeRecord } from "@/lib/patients/get-episode-record";
import { listEpisodeFlags } from "@/lib/flags/list-flags";
import { listActivePrograms } from "@/lib/programs/active-programs";
import { listTemplates } from "@/lib/programs/templates";
import { ProgramsSection } from "@/components/programs/ProgramsSection";
import { PortalAccessSection } from "@/components/invites/PortalAccessSection";
import { getPortalAccess } from "@/lib/invites/invites";
import type { RuleCode } from "@/lib/rules/case";
import { EpisodeRecordSection } from "@/components/records/EpisodeRecordSection";
import { DetailsList } from "@/components/DetailsList";
import { z } from "zod";
import { ids } from "@/lib/entry/ids";
import { page } from "@/lib/entry/page.server";
import { searchOf } from "@/lib/entry/search";
import { getPatient } from "@/lib/patients/get-patient";

const ZPatientPageSearch = searchOf(z.object({ assign: z.string().max(100).optional().catch(undefined) }));

export default page({ name: "/patients/[id]", access: "clinic-patients", params: z.object({ id: ids.patient }), search: ZPatientPageSearch }, async ({ actor, db, messages, params, search }) => {
  const text = messages.patient;
  const patient = await getPatient(db, actor, params.id);
  const record = patient.currentEpisodeId ? await getEpisodeRecord(db, actor, patient.currentEpisodeId) : null;
  const flags = patient.currentEpisodeId ? await listEpisodeFlags(db, actor, patient.currentEpisodeId) : [];
  const day = today();
  const programs = record ? await listActivePrograms(db, actor, record.id, day) : [];
  const templates = record ? await listTemplates(db, actor) : [];
  const assignKey = search.assign;
  const date = (value: Date) => formatDate(value, actor.locale);
  const number = (value: { toString(): string } | number | null) => (value === null ? messages.caseload.noValue : formatNumber(Number(value), actor.locale));
  const patientBmi = bmi(patient.heightCm && Number(patient.heightCm), patient.weightKg && Number(patient.weightKg));
  const hasOpenEpisode = patient.episodes.some((episode) => episode.status !== "DISCHARGED");
  const editable = patient.archivedAt === null;
  // An archived patient has no portal to manage.
  const portalAccess = editable ? await getPortalAccess(db, actor, patient.id, new Date()) : null;
  const details: [string, string][] = [
    [text.age, text.years(ageOn(patient.dateOfBirth, day))],
    [messages.patientForm.dateOfBirth, date(patient.dateOfBirth)],
    [messages.patientForm.sex, messages.sex[patient.sex]],
    [messages.patientForm.affectedSide, messages.side[patient.affectedSide]],
    [text.clinician, patient.clinician.name],
    [messages.patientForm.heightCm, number(patient.heightCm)],
    [messages.patientForm.weightKg, number(patient.weightKg)],
    [text.bmi, patientBmi === null ? messages.caseload.noValue : formatNumber(patientBmi, actor.locale)],
    [messages.patientForm.footType, messages.footType[patient.footType]],
    [messages.patientForm.comorbidities, patient.comorbidities.map((code) => messages.comorbidity[code as Comorbidity] ?? code).join(", ") || messages.caseload.noValue],
    [messages.patientForm.occupation, patient.occupation ?? messages.caseload.noValue],
    [messages.patientForm.standingHoursPerDay, number(patient.standingHoursPerDay)],
    [messages.patientForm.runningKmPerWeek, number(patient.runningKmPerWeek)],
    [messages.patientForm.recentLoadChange, patient.recentLoadChange ? text.yes : text.no],
    [messages.patientForm.shoeAgeKm, number(patient.shoeAgeKm)],
    [text.contact, [patient.email, patient.phone].filter(Boolean).join(", ") || messages.caseload.noValue],
  ];

  return (
    <AppShell actor={actor} messages={messages} current="/caseload">
      <div className="page-heading">
        <h1>{patient.name}</h1>
        <div className="heading-actions">
          {can(actor, "clinic-admin") && (
            <Link href={`/admin/audit?patient=${patient.id}`} className="button secondary">
              {messages.admin.audit.forPatient}
            </Link>
          )}
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
                action={archivePatientAction.bind(null, patient.id)}
              />
            </>
          )}
        </div>
      </div>
      {!editable && (
        <div className="warning-box">
          <p>{text.archived}</p>
          {can(actor, "clinic-admin") && (
            <ConfirmDialog
              trigger={text.restore}
              title={text.restoreTitle}
              body={text.restoreBody}
              confirm={text.restoreConfirm}
              cancel={text.confirmCancel}
              action={restorePatientAction.bind(null, patient.id)}
            />
          )}
        </div>
      )}

      {record && (
        <section aria-labelledby="flags-heading" className="panel">
          <h2 id="flags-heading">{messages.flags.onPatient}</h2>
          {flags.length === 0 ? (
            <p>{messages.flags.none}</p>
          ) : (
            <ul className="flag-list">
              {flags.map((flag) => (
                <li key={flag.id} data-severity={flag.severity}>
                  <Link href={`/flags/${flag.id}`}>
                    {messages.flags.codes[flag.code as RuleCode]} ({messages.flags.severities[flag.severity]}, {messages.flags.statuses[flag.status]})
                  </Link>
                  <p>{(flag.recommendation as { da: string; en: string })[actor.locale]}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {record && (
        <ProgramsSection
          patientId={patient.id}
          episode={record}
          programs={programs}
          templates={templates.map((template) => ({ ...template, sessionsPerWeek: template.content.sessionsPerWeek[0] }))}
          // ?assign=<template key> preselects a template, e.g. return to running after HSR.
          assignTemplateId={templates.find((template) => template.key === assignKey)?.id}
          editable={editable && record.status !== "DISCHARGED"}
          today={day}
          messages={messages}
          locale={actor.locale}
        />
      )}
      {record && <EpisodeRecordSection patientId={patient.id} record={record} editable={editable} messages={messages} locale={actor.locale} />}

      {portalAccess && <PortalAccessSection patientId={patient.id} access={portalAccess} messages={messages} locale={actor.locale} />}

      <section aria-labelledby="details-heading" className="panel">
        <h2 id="details-heading">{messages.patientForm.identity}</h2>
        <DetailsList items={details} />
      </section>

      <section aria-labelledby="episodes-heading" className="panel">
        <h2 id="episodes-heading">{text.episodes}</h2>
        {patient.episodes.length === 0 && <p>{text.noEpisodes}</p>}
        <ul className="episodes">
          {patient.episodes.map((episode) => (
            <li key={episode.id} className="episode">
              <p className="episode-status">
                <strong>{messages.episodeStatus[episode.status]}</strong>
                {episode.dischargedAt && ` · ${text.dischargedOn(date(episode.dischargedAt))}`}
                {episode.dischargeReason && ` · ${text.dischargeReasons[episode.dischargeReason as (typeof DISCHARGE_REASONS)[number]] ?? ""}`}
              </p>
              <p>
                {text.side}: {messages.side[episode.side]} · {text.symptomOnset}: {date(episode.symptomOnset)} · {text.treatmentStart}:{" "}
                {date(episode.treatmentStart)}
              </p>
              {editable && (
                <EpisodeActions
                  status={episode.status}
                  canReopen={patient.currentEpisodeId === episode.id && !hasOpenEpisode}
                  action={changeEpisodeStatusAction.bind(null, patient.id, episode.id)}
                  reasons={DISCHARGE_REASONS.map((value) => ({ value, label: text.dischargeReasons[value] }))}
                  text={{
                    pause: text.pause, resume: text.resume, reopen: text.reopen, discharge: text.discharge,
                    dischargeTitle: text.dischargeTitle, dischargeBody: text.dischargeBody,
                    dischargeReason: text.dischargeReason, choose: messages.patientForm.choose, cancel: text.confirmCancel,
                  }}
                />
              )}
            </li>
          ))}
        </ul>
        {editable && !hasOpenEpisode && (
          <>
            <h3>{text.openEpisode}</h3>
            <OpenEpisodeForm
              action={openEpisodeAction.bind(null, patient.id)}
              text={{
                title: text.openEpisode, side: text.side, symptomOnset: text.symptomOnset,
                treatmentStart: text.treatmentStart, submit: text.openEpisode, choose: messages.patientForm.choose,
              }}
              sides={Object.values(Side).map((value) => ({ value, label: messages.side[value] }))}
              defaultSide={patient.affectedSide}
              today={day.toISOString().slice(0, 10)}
            />
          </>
        )}
      </section>
    </AppShell>
  );
});
