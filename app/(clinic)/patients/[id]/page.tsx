import Link from "next/link";
import { Suspense } from "react";
import { z } from "zod";

import { savePsfsActivitiesAction } from "@/app/actions/check-in";
import { changeEpisodeStatusAction, openEpisodeAction } from "@/app/actions/episodes";
import { createInviteAction, revealPasswordLinkAction } from "@/app/actions/invites";
import { archivePatientAction, restorePatientAction, revealCprAction } from "@/app/actions/patients";
import {
  assignProgramAction,
  continueAsMaintenanceAction,
  endAssignmentAction,
  overrideProgressionAction,
} from "@/app/actions/programs";
import { deleteRecordAction, saveRecordAction } from "@/app/actions/records";
import { removeReferralAction, saveReferralAction } from "@/app/actions/referrals";
import { placeHoldAction, recordErasureRequestAction, releaseHoldAction } from "@/app/actions/retention";
import { PatientFlags } from "@/components/flags/PatientFlags";
import { PortalAccessSection } from "@/components/invites/PortalAccessSection";
import { PatientLetters } from "@/components/letters/PatientLetters";
import { DataRightsSection } from "@/components/patients/DataRightsSection";
import { OverviewTiles, RecordActions } from "@/components/patients/PatientOverview";
import { ArchivedNotice, EpisodesPanel, PersonDetails } from "@/components/patients/PersonPanels";
import { PsfsActivitiesForm } from "@/components/patients/PsfsActivitiesForm";
import { ReferralPanel } from "@/components/patients/ReferralPanel";
import { ProgramsSection } from "@/components/programs/ProgramsSection";
import { chartPanels } from "@/components/records/chart-panels";
import { InterventionList } from "@/components/records/InterventionList";
import { OutcomeTable } from "@/components/records/OutcomeTable";
import { FunctionChart, PainChart } from "@/components/records/PatientCharts";
import { QuickNrsForm } from "@/components/records/QuickNrsForm";
import { RecordTimeline } from "@/components/records/RecordTimeline";
import { FormDialog } from "@/components/ui/FormDialog";
import { SavedNotice } from "@/components/ui/SavedNotice";
import { ageOn, isoDate, today } from "@/lib/platform/dates";
import { ids } from "@/lib/platform/entry-points/ids";
import { page } from "@/lib/platform/entry-points/page.server";
import { searchOf } from "@/lib/platform/entry-points/search";
import { formatDate, formatMoment } from "@/lib/present/i18n/format";
import { listEpisodeFlags } from "@/lib/server/flags/list-flags";
import { getPortalAccess } from "@/lib/server/invites/invites";
import { listPatientLetters } from "@/lib/server/letters/discharge-letters";
import { unreadFromPatients } from "@/lib/server/messages/messages";
import { getEpisodeRecord } from "@/lib/server/patients/get-episode-record";
import { getPatient } from "@/lib/server/patients/get-patient";
import { progressOverview } from "@/lib/server/patients/progress-overview";
import { PSFS_ACTIVITY_FIELDS } from "@/lib/server/portal/weekly-check-in";
import { getCurrentPlan } from "@/lib/server/programs/current-plan";
import { listTemplates } from "@/lib/server/programs/templates";
import { PSFS_MAX_ITEMS } from "@/lib/server/records/kinds/outcome-input";
import { getDataRights } from "@/lib/server/retention/data-rights";
import { acceptsEntries } from "@/lib/server/retention/processing-stopped";

// The page's panels get their server actions from here (no component imports app/).
const personActions = { archive: archivePatientAction, revealCpr: revealCprAction };
const episodeActions = { changeStatus: changeEpisodeStatusAction, open: openEpisodeAction };
const referralActions = { save: saveReferralAction, remove: removeReferralAction };
const inviteActions = { createInvite: createInviteAction, revealPasswordLink: revealPasswordLinkAction };
const retentionActions = {
  recordRequest: recordErasureRequestAction,
  placeHold: placeHoldAction,
  releaseHold: releaseHoldAction,
};

const ZPatientPageSearch = searchOf(
  z.object({
    assign: z.string().max(100).optional().catch(undefined),
    /**
     * "onHold": a record just saved put the plan on hold; "discharged": the course has just ended;
     * "created" / "updated": the patient's details were just saved.
     */
    saved: z.enum(["onHold", "discharged", "created", "updated"]).optional().catch(undefined),
  }),
);

/**
 * The clinician's overview of one patient (decision record 013): who, where in treatment and
 * how they are doing, what needs attention and the pain chart on the first screen; the
 * function chart, the program, the record and the person's details below.
 */
export default page(
  {
    name: "/patients/[id]",
    access: "clinic-patients",
    params: z.object({ id: ids.patient }),
    search: ZPatientPageSearch,
  },
  async ({ actor, db, messages, params, search }) => {
    const locale = actor.locale;
    const patient = await getPatient(db, actor, params.id);
    const episodeId = patient.currentEpisodeId;
    const day = today(actor.timeZone);
    const [record, flags, current, templates, portalAccess, dataRights, unread] = await Promise.all([
      episodeId ? getEpisodeRecord(db, actor, episodeId) : null,
      episodeId ? listEpisodeFlags(db, actor, episodeId) : [],
      episodeId ? getCurrentPlan(db, actor, episodeId, day) : null,
      episodeId ? listTemplates(db, actor) : [],
      // An archived patient, or one who asked to be erased, has no portal to manage.
      acceptsEntries(patient) ? getPortalAccess(db, actor, patient.id, new Date()) : null,
      getDataRights(db, actor, patient.id),
      unreadFromPatients(db, actor, [patient.id]).then((counts) => counts[0]?.unread ?? 0),
    ]);
    // The discharge letters of the patient's episodes, listed beside the episodes.
    const letters = await listPatientLetters(db, actor, patient.id);
    const editable = acceptsEntries(patient);
    const recording = editable && record !== null && record.status !== "DISCHARGED";

    const outcomes = record?.outcomes.map((row) => ({ ...row, value: Number(row.value) })) ?? [];
    const programs = current?.programs ?? [];
    const progress = progressOverview(current?.judged ?? []);
    const charts = record ? chartPanels({ ...record, outcomes }, messages, locale, day) : null;
    // The weekly check-in's date: its activity pain from the portal.
    const lastCheckIn =
      outcomes.filter((row) => row.recordedBy === "PATIENT" && row.instrument === "NRS_ACTIVITY").at(-1)?.date ?? null;
    const mainProgram = programs.find((program) => program.kind === "HSR") ?? programs.at(-1);

    return (
      <div className="wide-page">
        <div className="patient-heading">
          <div>
            <p className="breadcrumb">
              <Link href="/caseload">{messages.nav.caseload}</Link>
            </p>
            <h1>{patient.name}</h1>
            <p className="who">
              {messages.overview.who(
                messages.patient.years(ageOn(patient.dateOfBirth, day)),
                messages.overview.heel[record?.side ?? patient.affectedSide],
              )}{" "}
              · {messages.overview.clinician(patient.clinician.name)} ·{" "}
              <Link href={`/patients/${patient.id}/messages`} className={unread > 0 ? "unread-link" : undefined}>
                {unread > 0
                  ? `${messages.conversation.title} (${messages.conversation.unread(unread)})`
                  : messages.conversation.title}
              </Link>
            </p>
          </div>
          {recording && <RecordActions patientId={patient.id} examined={record.assessments.length > 0} />}
        </div>
        {patient.archivedAt !== null && (
          <ArchivedNotice patientId={patient.id} actor={actor} restore={restorePatientAction} />
        )}
        {dataRights.processingStoppedAt && (
          <p className="warning-box" role="note">
            {messages.retention.stopped(formatMoment(dataRights.processingStoppedAt, locale))}
          </p>
        )}
        {(search.saved === "created" || search.saved === "updated") && (
          <SavedNotice>
            {search.saved === "created"
              ? record
                ? messages.patient.created
                : messages.patient.createdOpenEpisode
              : messages.patient.updated}
          </SavedNotice>
        )}
        {search.saved === "onHold" && current?.plan?.status === "ON_HOLD" && (
          <p className="notice" role="status">
            {portalAccess?.account?.active ? messages.plan.savedOnHold : messages.plan.savedOnHoldNoPortal}
          </p>
        )}
        {/* The end of a course offers its letter to the doctor at once (SPEC §11). */}
        {search.saved === "discharged" && record?.status === "DISCHARGED" && (
          <p className="notice" role="status">
            {messages.discharge.done}{" "}
            <Link href={`/patients/${patient.id}/episodes/${record.id}/letter`}>{messages.discharge.writeLetter}</Link>
          </p>
        )}
        {!record && <EpisodesPanel patient={patient} day={day} locale={locale} actions={episodeActions} />}

        {record && charts && (
          <>
            <OverviewTiles
              episode={record}
              program={mainProgram}
              plan={current?.plan ?? null}
              progress={progress}
              day={day}

              locale={locale}
            />
            <div className="overview-grid">
              <PatientFlags flags={flags} patient={patient} locale={locale} />
              <section aria-labelledby="pain-chart-heading" className="panel">
                <div className="panel-heading">
                  <h2 id="pain-chart-heading">{messages.charts.pain}</h2>
                  {recording && (
                    <QuickNrsForm
                      action={saveRecordAction.bind(null, "outcome", {
                        patientId: patient.id,
                        episodeId: record.id,
                        recordId: null,
                      })}
                      today={isoDate(day)}
                    />
                  )}
                </div>
                <PainChart panel={charts.pain} markers={charts.markers} locale={locale} />
                {charts.markers.length > 0 && (
                  <ol className="marker-list" aria-label={messages.charts.markers}>
                    {charts.markers.map((marker, index) => (
                      <li key={`${marker.t}-${marker.label}`} value={index + 1}>
                        {formatDate(new Date(marker.t), locale)}: {marker.label}
                      </li>
                    ))}
                  </ol>
                )}
              </section>
            </div>

            {/* Nothing here waits: each boundary lets React hydrate the part below it as a task of its own, so the page's hydration is not one long task (decision record 018). */}
            <Suspense>
              <div className="record-grid wider-right page-section">
                <div className="column">
                  <section aria-labelledby="function-chart-heading" className="panel">
                    <h2 id="function-chart-heading">{messages.charts.function}</h2>
                    <FunctionChart panels={charts.functionPanels} markers={charts.markers} locale={locale} />
                    {(charts.pain || charts.functionPanels.length > 0) && (
                      <p className="hint">{messages.charts.bandExplained}</p>
                    )}
                    {outcomes.length > 0 && <OutcomeTable outcomes={outcomes} locale={locale} />}
                  </section>
                  <InterventionList
                    interventions={record.interventions}
                    comorbidities={patient.comorbidities}

                    locale={locale}
                  />
                  {/* The referral beside the interventions, where the column is shorter than the programs beside it. */}
                  <ReferralPanel
                    patientId={patient.id}
                    episodeId={record.id}
                    referral={patient.episodes.find((episode) => episode.id === record.id)?.referral ?? null}
                    editable={editable}
                    day={day}
                    locale={locale}
                    actions={referralActions}
                  />
                </div>
                <ProgramsSection
                  patientId={patient.id}
                  episode={record}
                  plan={current?.plan ?? null}
                  programs={programs}
                  templates={templates.map((template) => ({
                    ...template,
                    sessionsPerWeek: template.content.sessionsPerWeek[0],
                  }))}
                  // ?assign=<template key> opens the assign dialog with a template chosen, e.g. return to running after HSR.
                  assignTemplateId={templates.find((template) => template.key === search.assign)?.id}
                  editable={recording}
                  today={day}
                  locale={locale}
                  actions={{
                    assign: assignProgramAction,
                    override: overrideProgressionAction,
                    end: endAssignmentAction,
                    maintain: continueAsMaintenanceAction,
                  }}
                />
              </div>
            </Suspense>

            <Suspense>
              <div className="record-grid wider-left page-section">
                {/* The record's retention and the weekly check-in sit under the record, where the left column has room. */}
                <div className="column">
                  <RecordTimeline
                    patientId={patient.id}
                    record={{ ...record, outcomes }}
                    editable={editable}
                    locale={locale}
                    deleteRecord={deleteRecordAction}
                  />
                  <DataRightsSection
                    patientId={patient.id}
                    rights={dataRights}
                    actor={actor}
                    actions={retentionActions}
                  />
                  {/* What the portal asks the patient each week, under the record, where the left column has room. */}
                  <section aria-labelledby="check-in-heading" className="panel">
                    <h2 id="check-in-heading">{messages.checkIn.clinicTitle}</h2>
                    {record.psfsActivities.length > 0 ? (
                      <ol aria-label={messages.instrument.PSFS}>
                        {record.psfsActivities.map((activity) => (
                          <li key={activity}>{activity}</li>
                        ))}
                      </ol>
                    ) : (
                      <p>{messages.checkIn.noActivities}</p>
                    )}
                    <p>
                      {lastCheckIn
                        ? messages.checkIn.lastCheckIn(formatDate(lastCheckIn, locale))
                        : messages.checkIn.noCheckIn}
                    </p>
                    {recording && (
                      <FormDialog
                        trigger={messages.checkIn.setActivities}
                        title={messages.checkIn.setActivities}
                        close={messages.dialog.close}
                      >
                        <PsfsActivitiesForm
                          action={savePsfsActivitiesAction.bind(null, patient.id, record.id)}
                          activities={record.psfsActivities}
                          slots={PSFS_MAX_ITEMS}
                          maxLength={PSFS_ACTIVITY_FIELDS.activity.maxLength}
                        />
                      </FormDialog>
                    )}
                  </section>
                </div>
                <div className="column">
                  <PersonDetails patient={patient} actor={actor} actions={personActions} />
                  {portalAccess && (
                    <PortalAccessSection
                      patientId={patient.id}
                      access={portalAccess}
                      locale={locale}
                      actions={inviteActions}
                    />
                  )}
                  <EpisodesPanel patient={patient} day={day} locale={locale} actions={episodeActions} />
                  <PatientLetters
                    patientId={patient.id}
                    episodes={patient.episodes}
                    letters={letters}
                    locale={locale}
                  />
                </div>
              </div>
            </Suspense>
          </>
        )}
        {!record && (
          <div className="record-grid page-section">
            <PersonDetails patient={patient} actor={actor} actions={personActions} />
            {portalAccess && (
              <PortalAccessSection
                patientId={patient.id}
                access={portalAccess}
                locale={locale}
                actions={inviteActions}
              />
            )}
            <DataRightsSection patientId={patient.id} rights={dataRights} actor={actor} actions={retentionActions} />
          </div>
        )}
      </div>
    );
  },
);
