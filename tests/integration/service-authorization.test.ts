// The services' own authorization (SPEC §8), beneath the entry points' wrappers: every service
// that acts for an actor (found in lib/ by its signature, so a new one cannot be left out) ×
// a patient, a clinician, an administrator and another clinic's clinician × ids that are the
// patient's own, another patient's, another clinic's, or missing. A call the role may not make,
// or on data out of its reach, is refused, and the database is as it was.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEFAULT_RULE_SETTINGS } from "../../lib/clinical/rules/settings";
import { exportAuditEvents, listAuditEvents, ZAuditQuery } from "../../lib/platform/audit/audit-log";
import type { Actor } from "../../lib/platform/auth/actor";
import { can, type Permission } from "../../lib/platform/auth/permissions";
import { backupOverview, downloadBackup } from "../../lib/platform/backup/backup-downloads";
import { addDays, DEFAULT_TIME_ZONE, isoDate, today } from "../../lib/platform/dates";
import { isAppError } from "../../lib/platform/errors";
import { scheduledJobStatus } from "../../lib/platform/jobs/job-status";
import { getHiddenCaseloadColumns, setHiddenCaseloadColumns } from "../../lib/server/caseload/caseload-columns";
import { DEFAULT_QUERY } from "../../lib/server/caseload/caseload-query";
import { exportCaseload, listCaseload } from "../../lib/server/caseload/list-caseload";
import { getClinicProfile, saveClinicProfile } from "../../lib/server/clinics/clinic-profile";
import { getOutboxMessage, listOutbox } from "../../lib/server/email/outbox-view";
import { dischargeEpisode, previewDischarge } from "../../lib/server/episodes/discharge-episode";
import { changeEpisodeStatus, openEpisode } from "../../lib/server/episodes/episodes";
import { removeReferral, saveReferral } from "../../lib/server/episodes/referrals";
import { acknowledgeFlag, undoAcknowledgement } from "../../lib/server/flags/acknowledge-flag";
import { parseFlagQuery } from "../../lib/server/flags/flag-query";
import { getFlag, listEpisodeFlags, listFlags, nextOpenFlag } from "../../lib/server/flags/list-flags";
import { createInvite, getPortalAccess } from "../../lib/server/invites/invites";
import { revealWaitingPasswordLink } from "../../lib/server/invites/password-links";
import {
  correctLetter,
  createLetterDraft,
  getEpisodeLetter,
  getLetterDocument,
  listPatientLetters,
  saveLetterDraft,
  signLetter,
} from "../../lib/server/letters/discharge-letters";
import {
  openConversation,
  sendMessage,
  unreadForPatient,
  unreadFromPatients,
} from "../../lib/server/messages/messages";
import { getEpisodeRecord } from "../../lib/server/patients/get-episode-record";
import { getPatient } from "../../lib/server/patients/get-patient";
import { importPatients } from "../../lib/server/patients/import/import-patients";
import {
  archivePatient,
  createPatient as registerPatient,
  restorePatient,
  updatePatient,
} from "../../lib/server/patients/patients";
import { revealCpr } from "../../lib/server/patients/reveal-cpr";
import { logMorningPain, logSession } from "../../lib/server/portal/portal-logs";
import { getPortalOverview } from "../../lib/server/portal/portal-overview";
import { getWeeklyCheckIn, savePsfsActivities, saveWeeklyCheckIn } from "../../lib/server/portal/weekly-check-in";
import {
  adjustAssignment,
  assignProgram,
  continueAsMaintenance,
  endAssignment,
  getActiveAssignment,
  overrideProgression,
} from "../../lib/server/programs/assignments";
import { getCurrentPlan } from "../../lib/server/programs/current-plan";
import {
  copyTemplate,
  getTemplate,
  listTemplates,
  saveTemplateVersion,
  seedDefaultTemplates,
} from "../../lib/server/programs/templates";
import { deleteClinicalRecord, getClinicalRecord, listRevisions } from "../../lib/server/records/clinical-records";
import { clinicMeasurementsOn } from "../../lib/server/records/measured-today";
import { exportOwnRecord, exportPatientRecord } from "../../lib/server/records/patient-record";
import { saveAssessment, saveIntervention, saveOutcome } from "../../lib/server/records/record-services";
import { saveMeasurements } from "../../lib/server/records/save-measurements";
import {
  forgetPushSubscription,
  getReminderTimes,
  savePushSubscription,
  saveReminderTimes,
} from "../../lib/server/reminders/reminder-settings";
import { clinicReport, reportClinicians } from "../../lib/server/reports/clinic-report";
import { getDataRights } from "../../lib/server/retention/data-rights";
import { recordErasureRequest, requestOwnErasure } from "../../lib/server/retention/erasure-requests";
import { placeHold, releaseHold } from "../../lib/server/retention/record-holds";
import {
  clinicPainLimit,
  getClinicRuleSettings,
  previewClinicRuleSettings,
  updateClinicRuleSettings,
} from "../../lib/server/rules/clinic-rule-settings";
import { ruleSettingsImpact } from "../../lib/server/rules/settings-impact";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { listClinicians } from "../../lib/server/users/list-clinicians";
import { changeOwnPassword, getOwnAccount, updateOwnProfile } from "../../lib/server/users/own-account";
import {
  changeStaffRole,
  inviteStaff,
  listStaff,
  sendPasswordReset,
  setStaffActive,
} from "../../lib/server/users/staff-admin";
import { actorOf, APP_URL } from "../support/actors";
import { changedTables, fingerprint } from "../support/db-fingerprint";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

type Ids = {
  patientId: string;
  episodeId: string;
  assignmentId: string;
  templateId: string;
  outcomeId: string;
  flagId: string;
  staffId: string;
  messageId: string;
  holdId: string;
};
type Variant = "own" | "otherPatient" | "otherClinic" | "missing";
/** A service's rule: a permission, or any role within reach of the data (clinic scope, a patient's own record). */
type Access = Permission | "scoped";
type Service = { access: Access; usesIds: boolean; call: (actor: Actor, ids: Partial<Ids>) => Promise<unknown> };

const day = today(DEFAULT_TIME_ZONE);
/** A backup folder with nothing in it: the calls are refused before they would look. */
const NO_BACKUPS = { folder: path.join(os.tmpdir(), "heelpain-no-backups"), keepDays: 14 };
let t: TestDatabase;
const actors = {} as Record<"patient" | "clinician" | "admin" | "stranger", Actor>;
const ids = {} as Record<Exclude<Variant, "missing">, Ids>;

/** Every service, called as an entry point would; ids come from the cell's variant. */
const SERVICES: Record<string, Service> = {
  listCaseload: {
    access: "clinic-patients",
    usesIds: false,
    call: (a) => listCaseload(t.prisma, a, DEFAULT_QUERY, day),
  },
  exportCaseload: {
    access: "clinic-patients",
    usesIds: false,
    call: (a) => exportCaseload(t.prisma, a, DEFAULT_QUERY, day),
  },
  listClinicians: { access: "clinic-patients", usesIds: false, call: (a) => listClinicians(t.prisma, a) },
  getHiddenCaseloadColumns: {
    access: "clinic-patients",
    usesIds: false,
    call: (a) => getHiddenCaseloadColumns(t.prisma, a),
  },
  setHiddenCaseloadColumns: {
    access: "clinic-patients",
    usesIds: false,
    call: (a) => setHiddenCaseloadColumns(t.prisma, a, ["age"]),
  },
  createPatient: {
    access: "clinic-patients",
    usesIds: false,
    call: (a) =>
      registerPatient(
        t.prisma,
        a,
        { name: "X", dateOfBirth: "1970-01-01", sex: "FEMALE", affectedSide: "LEFT" },
        { today: () => day, confirmDuplicate: true },
      ),
  },
  updatePatient: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) =>
      updatePatient(
        t.prisma,
        a,
        i.patientId!,
        { name: "X", dateOfBirth: "1970-01-01", sex: "FEMALE", affectedSide: "LEFT" },
        { today: () => day, confirmDuplicate: true },
      ),
  },
  archivePatient: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => archivePatient(t.prisma, a, i.patientId!),
  },
  revealCpr: { access: "clinic-patients", usesIds: true, call: (a, i) => revealCpr(t.prisma, a, i.patientId!) },
  exportPatientRecord: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => exportPatientRecord(t.prisma, a, i.patientId!, "fhir"),
  },
  exportOwnRecord: { access: "own-record", usesIds: false, call: (a) => exportOwnRecord(t.prisma, a, "print") },
  importPatients: {
    access: "clinic-admin",
    usesIds: false,
    call: (a) =>
      importPatients(
        t.prisma,
        a,
        new TextEncoder().encode("Navn;Fødselsdato;Køn;Ramt side;Fysioterapeutens e-mail\r\n"),
        { dryRun: true, today: () => day },
      ),
  },
  restorePatient: { access: "clinic-admin", usesIds: true, call: (a, i) => restorePatient(t.prisma, a, i.patientId!) },
  getPatient: { access: "scoped", usesIds: true, call: (a, i) => getPatient(t.prisma, a, i.patientId!) },
  openEpisode: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) =>
      openEpisode(
        t.prisma,
        a,
        i.patientId!,
        { side: "LEFT", symptomOnset: isoDate(day), treatmentStart: isoDate(day) },
        () => day,
      ),
  },
  changeEpisodeStatus: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => changeEpisodeStatus(t.prisma, a, i.episodeId!, { action: "pause", reason: "ILLNESS" }),
  },
  previewDischarge: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => previewDischarge(t.prisma, a, i.episodeId!, { date: isoDate(day), reason: "RECOVERED" }, () => day),
  },
  dischargeEpisode: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => dischargeEpisode(t.prisma, a, i.episodeId!, { date: isoDate(day), reason: "RECOVERED" }, () => day),
  },
  saveReferral: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) =>
      saveReferral(
        t.prisma,
        a,
        i.patientId!,
        i.episodeId!,
        { referralDate: isoDate(day), doctorName: "Læge", diagnosisText: "Hælsmerter" },
        () => day,
      ),
  },
  removeReferral: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => removeReferral(t.prisma, a, i.patientId!, i.episodeId!),
  },
  getEpisodeRecord: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => getEpisodeRecord(t.prisma, a, i.episodeId!),
  },
  saveAssessment: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) =>
      saveAssessment(
        t.prisma,
        a,
        { episodeId: i.episodeId!, recordId: null },
        { date: isoDate(day), notes: "x" },
        () => day,
      ),
  },
  saveMeasurements: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) =>
      saveMeasurements(t.prisma, a, i.episodeId!, { date: isoDate(day), measured: { NRS_ACTIVITY: "1" } }, () => day),
  },
  saveOutcome: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) =>
      saveOutcome(
        t.prisma,
        a,
        { episodeId: i.episodeId!, recordId: i.outcomeId! },
        { date: isoDate(day), instrument: "NRS_ACTIVITY", value: "1" },
        () => day,
      ),
  },
  saveIntervention: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) =>
      saveIntervention(
        t.prisma,
        a,
        { episodeId: i.episodeId!, recordId: null },
        { date: isoDate(day), type: "EDUCATION" },
        () => day,
      ),
  },
  deleteClinicalRecord: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => deleteClinicalRecord(t.prisma, a, "OutcomeMeasurement", i.outcomeId!, "x"),
  },
  getClinicalRecord: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => getClinicalRecord(t.prisma, a, "OutcomeMeasurement", i.outcomeId!),
  },
  listRevisions: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => listRevisions(t.prisma, a, "OutcomeMeasurement", i.outcomeId!),
  },
  listFlags: { access: "clinic-patients", usesIds: false, call: (a) => listFlags(t.prisma, a, parseFlagQuery({})) },
  getFlag: { access: "clinic-patients", usesIds: true, call: (a, i) => getFlag(t.prisma, a, i.flagId!) },
  listEpisodeFlags: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => listEpisodeFlags(t.prisma, a, i.episodeId!),
  },
  acknowledgeFlag: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => acknowledgeFlag(t.prisma, a, i.flagId!, "seen"),
  },
  undoAcknowledgement: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => undoAcknowledgement(t.prisma, a, i.flagId!),
  },
  nextOpenFlag: { access: "clinic-patients", usesIds: true, call: (a, i) => nextOpenFlag(t.prisma, a, i.flagId!) },
  getClinicRuleSettings: { access: "clinic-admin", usesIds: false, call: (a) => getClinicRuleSettings(t.prisma, a) },
  getClinicProfile: { access: "clinic-admin", usesIds: false, call: (a) => getClinicProfile(t.prisma, a) },
  saveClinicProfile: {
    access: "clinic-admin",
    usesIds: false,
    call: (a) => saveClinicProfile(t.prisma, a, { name: "Klinikken" }),
  },
  updateClinicRuleSettings: {
    access: "clinic-admin",
    usesIds: false,
    call: (a) => updateClinicRuleSettings(t.prisma, a, { followUpDays: "30" }),
  },
  previewClinicRuleSettings: {
    access: "clinic-admin",
    usesIds: false,
    call: (a) => previewClinicRuleSettings(t.prisma, a, { followUpDays: "30" }),
  },
  ruleSettingsImpact: {
    access: "clinic-admin",
    usesIds: false,
    call: (a) => ruleSettingsImpact(t.prisma, a, { ...DEFAULT_RULE_SETTINGS, followUpDays: 30 }),
  },
  listTemplates: { access: "clinic-patients", usesIds: false, call: (a) => listTemplates(t.prisma, a) },
  getTemplate: { access: "clinic-patients", usesIds: true, call: (a, i) => getTemplate(t.prisma, a, i.templateId!) },
  copyTemplate: {
    access: "clinic-admin",
    usesIds: true,
    call: (a, i) => copyTemplate(t.prisma, a, i.templateId!, { nameDa: "Kopi", nameEn: "Copy" }),
  },
  saveTemplateVersion: {
    access: "clinic-admin",
    usesIds: true,
    call: (a, i) => saveTemplateVersion(t.prisma, a, i.templateId!, {}),
  },
  getCurrentPlan: { access: "scoped", usesIds: true, call: (a, i) => getCurrentPlan(t.prisma, a, i.episodeId!, day) },
  assignProgram: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) =>
      assignProgram(t.prisma, a, i.episodeId!, {
        templateId: i.templateId,
        startDate: isoDate(day),
        sessionsPerWeek: "3",
      }),
  },
  getActiveAssignment: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => getActiveAssignment(t.prisma, a, i.assignmentId!),
  },
  adjustAssignment: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => adjustAssignment(t.prisma, a, i.assignmentId!, { sessionsPerWeek: "4" }),
  },
  endAssignment: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => endAssignment(t.prisma, a, i.assignmentId!, { reason: "OTHER" }, day),
  },
  continueAsMaintenance: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => continueAsMaintenance(t.prisma, a, i.assignmentId!, day),
  },
  overrideProgression: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => overrideProgression(t.prisma, a, i.assignmentId!, { date: isoDate(day), phase: "2", reason: "x" }),
  },
  createInvite: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => createInvite(t.prisma, a, i.patientId!, new Date(), APP_URL),
  },
  getPortalAccess: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => getPortalAccess(t.prisma, a, i.patientId!, new Date()),
  },
  revealWaitingPasswordLink: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => revealWaitingPasswordLink(t.prisma, a, i.patientId!, new Date()),
  },
  getPortalOverview: { access: "own-record", usesIds: false, call: (a) => getPortalOverview(t.prisma, a, day) },
  logMorningPain: {
    access: "own-record",
    usesIds: false,
    call: (a) => logMorningPain(t.prisma, a, { clientId: randomUUID(), date: isoDate(day), value: "3" }, day),
  },
  listStaff: { access: "clinic-admin", usesIds: false, call: (a) => listStaff(t.prisma, a, new Date()) },
  inviteStaff: {
    access: "clinic-admin",
    usesIds: false,
    call: (a) =>
      inviteStaff(
        t.prisma,
        a,
        { name: "X", email: `x-${randomUUID()}@example.test`, role: "CLINICIAN" },
        new Date(),
        APP_URL,
      ),
  },
  changeStaffRole: {
    access: "clinic-admin",
    usesIds: true,
    call: (a, i) => changeStaffRole(t.prisma, a, i.staffId!, { role: "ADMIN" }),
  },
  setStaffActive: {
    access: "clinic-admin",
    usesIds: true,
    call: (a, i) => setStaffActive(t.prisma, a, i.staffId!, false),
  },
  sendPasswordReset: {
    access: "clinic-admin",
    usesIds: true,
    call: (a, i) => sendPasswordReset(t.prisma, a, i.staffId!, new Date(), APP_URL),
  },
  getOwnAccount: { access: "own-account", usesIds: false, call: (a) => getOwnAccount(t.prisma, a) },
  updateOwnProfile: {
    access: "own-account",
    usesIds: false,
    call: (a) => updateOwnProfile(t.prisma, a, { name: "X", locale: "da" }),
  },
  changeOwnPassword: {
    access: "own-account",
    usesIds: false,
    call: (a) =>
      changeOwnPassword(t.prisma, a, { currentPassword: "x", password: "x", confirmPassword: "x" }, new Date()),
  },
  listAuditEvents: {
    access: "clinic-admin",
    usesIds: false,
    call: (a) => listAuditEvents(t.prisma, a, ZAuditQuery.parse({})),
  },
  exportAuditEvents: {
    access: "clinic-admin",
    usesIds: false,
    call: (a) => exportAuditEvents(t.prisma, a, ZAuditQuery.parse({})),
  },
  listOutbox: { access: "clinic-admin", usesIds: false, call: (a) => listOutbox(t.prisma, a, 1) },
  getOutboxMessage: {
    access: "clinic-admin",
    usesIds: true,
    call: (a, i) => getOutboxMessage(t.prisma, a, i.messageId!),
  },
  backupOverview: { access: "clinic-admin", usesIds: false, call: (a) => backupOverview(t.prisma, a, NO_BACKUPS) },
  downloadBackup: {
    access: "clinic-admin",
    usesIds: false,
    call: (a) => downloadBackup(t.prisma, a, NO_BACKUPS, "backup-2026-12-01T01-00-00Z.sql"),
  },
  requestOwnErasure: { access: "own-record", usesIds: false, call: (a) => requestOwnErasure(t.prisma, a) },
  getReminderTimes: { access: "own-record", usesIds: false, call: (a) => getReminderTimes(t.prisma, a) },
  saveReminderTimes: {
    access: "own-record",
    usesIds: false,
    call: (a) => saveReminderTimes(t.prisma, a, { MORNING_PAIN: "07:30" }),
  },
  savePushSubscription: {
    access: "own-record",
    usesIds: false,
    call: (a) =>
      savePushSubscription(t.prisma, a, {
        endpoint: `https://fcm.googleapis.com/fcm/send/${randomUUID()}`,
        keys: { p256dh: "B".repeat(87), auth: "A".repeat(22) },
      }),
  },
  forgetPushSubscription: {
    access: "own-record",
    usesIds: false,
    call: (a) => forgetPushSubscription(t.prisma, a, "https://fcm.googleapis.com/fcm/send/x"),
  },
  openConversation: {
    access: "scoped",
    usesIds: true,
    call: (a, i) => openConversation(t.prisma, a, i.patientId ?? ""),
  },
  sendMessage: {
    access: "scoped",
    usesIds: true,
    call: (a, i) => sendMessage(t.prisma, a, i.patientId ?? "", { body: "Hej" }),
  },
  unreadForPatient: { access: "own-record", usesIds: false, call: (a) => unreadForPatient(t.prisma, a) },
  unreadFromPatients: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => unreadFromPatients(t.prisma, a, i.patientId ? [i.patientId] : []),
  },
  getWeeklyCheckIn: { access: "own-record", usesIds: false, call: (a) => getWeeklyCheckIn(t.prisma, a, day) },
  saveWeeklyCheckIn: {
    access: "own-record",
    usesIds: false,
    call: (a) => saveWeeklyCheckIn(t.prisma, a, { activityPain: "3", globalChange: "1" }, day),
  },
  clinicMeasurementsOn: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => clinicMeasurementsOn(t.prisma, a, i.episodeId ?? "", day),
  },
  savePsfsActivities: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => savePsfsActivities(t.prisma, a, i.episodeId ?? "", { "activity.0": "Gå" }),
  },
  recordErasureRequest: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => recordErasureRequest(t.prisma, a, i.patientId!),
  },
  getDataRights: { access: "clinic-patients", usesIds: true, call: (a, i) => getDataRights(t.prisma, a, i.patientId!) },
  placeHold: {
    access: "clinic-admin",
    usesIds: true,
    call: (a, i) => placeHold(t.prisma, a, i.patientId!, { kind: "COMPLAINT" }),
  },
  releaseHold: { access: "clinic-admin", usesIds: true, call: (a, i) => releaseHold(t.prisma, a, i.holdId!) },
  clinicReport: {
    access: "clinic-patients",
    usesIds: false,
    call: (a) => clinicReport(t.prisma, a, { from: "2025-01-01", to: isoDate(day) }, isoDate(day)),
  },
  reportClinicians: { access: "clinic-admin", usesIds: false, call: (a) => reportClinicians(t.prisma, a) },
  scheduledJobStatus: { access: "clinic-admin", usesIds: false, call: (a) => scheduledJobStatus(t.prisma, a) },
  clinicPainLimit: { access: "own-record", usesIds: false, call: (a) => clinicPainLimit(t.prisma, a) },
  logSession: {
    access: "own-record",
    usesIds: true,
    call: (a, i) =>
      logSession(
        t.prisma,
        a,
        { clientId: randomUUID(), assignmentId: i.assignmentId, date: isoDate(day), completed: "yes", painDuring: "1" },
        day,
      ),
  },
  // The discharge letter (decision record 032): the episode of the ids is active, so an allowed
  // call would be refused as a conflict; the refusals here come before that, from the scope.
  getEpisodeLetter: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => getEpisodeLetter(t.prisma, a, i.patientId!, i.episodeId!),
  },
  createLetterDraft: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => createLetterDraft(t.prisma, a, i.patientId!, i.episodeId!),
  },
  saveLetterDraft: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => saveLetterDraft(t.prisma, a, i.patientId!, i.episodeId!, 1, { reason: "x" }),
  },
  signLetter: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => signLetter(t.prisma, a, i.patientId!, i.episodeId!, 1, new Date()),
  },
  correctLetter: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => correctLetter(t.prisma, a, i.patientId!, i.episodeId!, { correctionReason: "x" }),
  },
  getLetterDocument: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => getLetterDocument(t.prisma, a, i.patientId!, i.episodeId!, null, "print"),
  },
  listPatientLetters: {
    access: "clinic-patients",
    usesIds: true,
    call: (a, i) => listPatientLetters(t.prisma, a, i.patientId!),
  },
};

/** Services that take an actor but are not reached from an entry point on their own, and why. */
const NOT_ENTRY_SERVICES: Record<string, string> = {
  earlierWrite: "finds the caller's own earlier write by its idempotency key, for the service that calls it",
  findEpisode:
    "finds the episode a record write changes, for saveClinicalRecord and saveMeasurements (it checks the actor)",
  readCaseload: "the caseload's query behind listCaseload and exportCaseload (it checks the actor too)",
  recordAuditEvent: "writes the audit row of the service that calls it",
  saveClinicalRecord: "the generic write behind saveAssessment, saveOutcome and saveIntervention",
  setUserLocale: "changes only the caller's own account, whoever they are",
};

/** Every exported function in lib/ whose first parameters are (db, actor: Actor). */
function servicesInCode(): string[] {
  const names: string[] = [];
  for (const file of readdirSync("lib", { recursive: true, encoding: "utf8" }).filter(
    (f) => f.endsWith(".ts") && !f.endsWith(".test.ts"),
  )) {
    const source = readFileSync(path.join("lib", file), "utf8");
    for (const match of source.matchAll(
      /export (?:async )?function (\w+)(?:<[^>]*>)?\(\s*db: (?:Pick<[^>]+>|[^,]+),\s*actor: Actor\b/g,
    ))
      names.push(match[1]!);
  }
  return names.sort();
}

/** The role's relation to the variant's data, and so whether the call must be refused. */
function mustRefuse(who: keyof typeof actors, service: Service, variant: Variant): boolean {
  const actor = actors[who];
  if (service.access !== "scoped" && !can(actor, service.access)) return true;
  if (!service.usesIds) return false;
  if (variant === "missing") return true;
  const sameClinic = (variant === "otherClinic") === (who === "stranger");
  if (!sameClinic) return true;
  return who === "patient" && variant !== "own";
}

beforeAll(async () => {
  t = await createTestDatabase();
  const clinicId = (await createClinic(t.prisma)).id;
  const otherClinicId = (await createClinic(t.prisma)).id;
  actors.clinician = actorOf(await createUser(t.prisma, { clinicId, role: "CLINICIAN" }));
  actors.admin = actorOf(await createUser(t.prisma, { clinicId, role: "ADMIN" }));
  actors.stranger = actorOf(await createUser(t.prisma, { clinicId: otherClinicId, role: "CLINICIAN" }));
  const portalUser = await createUser(t.prisma, { clinicId, role: "PATIENT" });
  actors.patient = actorOf(portalUser);
  // Each patient has a CPR number (born 1980-01-01, as the builder makes them), so that the
  // refusal to show it is not only the absence of one.
  const world = async (clinic: string, clinician: Actor, portalUserId: string | null, cpr: string): Promise<Ids> => {
    await seedDefaultTemplates(t.prisma, clinic);
    const templateId = (await listTemplates(t.prisma, clinician)).find((tpl) => tpl.kind === "HSR")!.id;
    const patient = await createPatient(t.prisma, {
      clinicId: clinic,
      clinicianId: clinician.userId,
      portalUserId,
      cpr,
    });
    const start = addDays(day, -10);
    const episode = await t.prisma.episode.create({
      data: { clinicId: clinic, patientId: patient.id, side: "LEFT", symptomOnset: start, treatmentStart: start },
    });
    await t.prisma.patient.update({ where: { id: patient.id }, data: { currentEpisodeId: episode.id } });
    const assignmentId = (
      (await assignProgram(t.prisma, clinician, episode.id, {
        templateId,
        startDate: isoDate(start),
        sessionsPerWeek: "3",
      })) as { id: string }
    ).id;
    const outcome = await saveOutcome(
      t.prisma,
      clinician,
      { episodeId: episode.id, recordId: null },
      { date: isoDate(day), instrument: "NRS_FIRST_STEP", value: "5" },
      () => day,
    );
    const flag = await t.prisma.flag.create({
      data: {
        clinicId: clinic,
        episodeId: episode.id,
        code: "LOAD_RESPONSE",
        severity: "WARNING",
        evidence: {},
        sources: [],
        ruleVersion: 2,
      },
    });
    const staff = await createUser(t.prisma, { clinicId: clinic, role: "CLINICIAN", passwordHash: "none" });
    const message = await t.prisma.emailMessage.create({
      data: { clinicId: clinic, kind: "STAFF_INVITE", to: staff.email, subject: "x", text: "x" },
    });
    const hold = await t.prisma.recordHold.create({
      data: { clinicId: clinic, patientId: patient.id, kind: "COMPLAINT", placedById: clinician.userId },
    });
    return {
      patientId: patient.id,
      episodeId: episode.id,
      assignmentId,
      templateId,
      outcomeId: (outcome as { id: string }).id,
      flagId: flag.id,
      staffId: staff.id,
      messageId: message.id,
      holdId: hold.id,
    };
  };
  ids.own = await world(clinicId, actors.clinician, portalUser.id, "0101801001");
  ids.otherPatient = await world(clinicId, actors.clinician, null, "0101801002");
  ids.otherClinic = await world(otherClinicId, actors.stranger, null, "0101801003");
});
afterAll(() => t.close());

describe(`the services' authorization on ${TEST_DB_KIND}`, () => {
  it("covers every service in lib/ that acts for an actor", () => {
    expect(servicesInCode()).toEqual([...Object.keys(SERVICES), ...Object.keys(NOT_ENTRY_SERVICES)].sort());
  });

  it("refuses every call a role may not make, or on data out of its reach, and changes nothing", async () => {
    let cells = 0;
    for (const [name, service] of Object.entries(SERVICES)) {
      for (const who of Object.keys(actors) as (keyof typeof actors)[]) {
        for (const variant of ["own", "otherPatient", "otherClinic", "missing"] as const) {
          if (!mustRefuse(who, service, variant)) continue;
          if (!service.usesIds && variant !== "own") continue;
          const where = `${name} as ${who} on ${variant}`;
          const before = await fingerprint(t.prisma);
          const outcome = await service.call(actors[who], variant === "missing" ? {} : ids[variant]).then(
            (value) => ({ value }),
            (error: unknown) => ({ error }),
          );
          expect(changedTables(before, await fingerprint(t.prisma)), `${where} changed the database`).toEqual([]);
          // A role without the permission: NOT_FOUND from the service's own check. Data out of
          // reach: not found, or refused as input; a list shows none of it; the portal's session
          // form calls another patient's program no choice of theirs.
          if (service.access !== "scoped" && !can(actors[who], service.access)) {
            expect(
              "error" in outcome && isAppError(outcome.error, "NOT_FOUND"),
              `${where}: ${JSON.stringify(outcome)}`,
            ).toBe(true);
          } else {
            const refused =
              ("error" in outcome &&
                (isAppError(outcome.error, "NOT_FOUND") || isAppError(outcome.error, "INVALID_INPUT"))) ||
              ("value" in outcome && Array.isArray(outcome.value) && outcome.value.length === 0) ||
              ("value" in outcome &&
                name === "logSession" &&
                (outcome.value as { fieldErrors?: { assignmentId?: string } }).fieldErrors?.assignmentId !== undefined);
            expect(refused, `${where}: ${JSON.stringify(outcome)}`).toBe(true);
          }
          cells += 1;
        }
      }
    }
    expect(cells).toBeGreaterThan(200);
    console.log(
      `Service authorization matrix on ${TEST_DB_KIND}: ${cells} refused calls, each leaving the database unchanged.`,
    );
  });
});
