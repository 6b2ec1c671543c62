// A patient's portal account against every clinic-side service (SPEC §8's matrix, the patient
// row): reads and writes of their own record and of other patients' alike answer NOT_FOUND,
// and nothing is written. The services are what the server actions call, so this covers the
// actions beneath the role check the actions make first.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor";
import { exportCaseload, listCaseload } from "../../lib/caseload/list-caseload";
import { DEFAULT_QUERY } from "../../lib/caseload/caseload-query";
import { addDays, isoDate, today } from "../../lib/dates";
import { changeEpisodeStatus, openEpisode } from "../../lib/episodes/episodes";
import { isAppError } from "../../lib/errors";
import { acknowledgeFlag } from "../../lib/flags/acknowledge-flag";
import { parseFlagQuery } from "../../lib/flags/flag-query";
import { getFlag, listEpisodeFlags, listFlags } from "../../lib/flags/list-flags";
import { createInvite, getPortalAccess } from "../../lib/invites/invites";
import { getEpisodeRecord } from "../../lib/patients/get-episode-record";
import { archivePatient, createPatient as registerPatient, updatePatient } from "../../lib/patients/save-patient";
import { logSession } from "../../lib/portal/portal-logs";
import { adjustAssignment, assignProgram, endAssignment, getActiveAssignment, overrideProgression } from "../../lib/programs/assignments";
import { copyTemplate, getTemplate, listTemplates, saveTemplateVersion, seedDefaultTemplates } from "../../lib/programs/templates";
import { deleteClinicalRecord, getClinicalRecord, listRevisions } from "../../lib/records/clinical-records";
import { saveAssessment, saveIntervention, saveOutcome } from "../../lib/records/record-services";
import { getClinicRuleSettings, updateClinicRuleSettings } from "../../lib/rules/clinic-rule-settings";
import { createClinic, createPatient, createUser } from "../../lib/seed/builders";
import { listClinicians } from "../../lib/users/list-clinicians";
import { actorOf } from "../support/actors";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let patientActor: Actor;
const day = today();
type Ids = { patientId: string; episodeId: string; assignmentId: string; templateId: string; outcomeId: string; flagId: string };
const ids: Record<"own" | "other", Ids> = {} as never;

beforeAll(async () => {
  t = await createTestDatabase();
  const clinicId = (await createClinic(t.prisma)).id;
  await seedDefaultTemplates(t.prisma, clinicId);
  const clinician = actorOf(await createUser(t.prisma, { clinicId, role: "CLINICIAN" }));
  const portalUser = await createUser(t.prisma, { clinicId, role: "PATIENT" });
  patientActor = actorOf(portalUser);
  const templateId = (await listTemplates(t.prisma, clinician)).find((tpl) => tpl.kind === "HSR")!.id;
  for (const who of ["own", "other"] as const) {
    const patient = await createPatient(t.prisma, { clinicId, clinicianId: clinician.userId, portalUserId: who === "own" ? portalUser.id : null });
    const start = addDays(day, -10);
    const episode = await t.prisma.episode.create({ data: { clinicId, patientId: patient.id, side: "LEFT", symptomOnset: start, treatmentStart: start } });
    await t.prisma.patient.update({ where: { id: patient.id }, data: { currentEpisodeId: episode.id } });
    const assignmentId = ((await assignProgram(t.prisma, clinician, episode.id, { templateId, startDate: isoDate(start), sessionsPerWeek: "3" })) as { id: string }).id;
    const outcome = await saveOutcome(t.prisma, clinician, { episodeId: episode.id, recordId: null }, { date: isoDate(day), instrument: "NRS_FIRST_STEP", value: "5" }, () => day);
    await t.prisma.sessionLog.create({
      data: { clientId: randomUUID(), clinicId, episodeId: episode.id, assignmentId, kind: "HSR", date: day, exercise: "HEEL_RAISE_TOWEL", painDuring: 8, completed: true },
    });
    const flag = await t.prisma.flag.create({
      data: { clinicId, episodeId: episode.id, code: "LOAD_RESPONSE", severity: "WARNING", evidence: {}, recommendation: {}, sources: [], ruleVersion: 1 },
    });
    ids[who] = { patientId: patient.id, episodeId: episode.id, assignmentId, templateId, outcomeId: (outcome as { id: string }).id, flagId: flag.id };
  }
});
afterAll(() => t.close());

describe(`a patient against the clinic's services on ${TEST_DB_KIND}`, () => {
  const calls = (i: Ids): [string, () => Promise<unknown>][] => [
    ["listCaseload", () => listCaseload(t.prisma, patientActor, DEFAULT_QUERY, day)],
    ["exportCaseload", () => exportCaseload(t.prisma, patientActor, DEFAULT_QUERY, day)],
    ["listClinicians", () => listClinicians(t.prisma, patientActor)],
    ["registerPatient", () => registerPatient(t.prisma, patientActor, { name: "X" }, { today: () => day, confirmDuplicate: true })],
    ["updatePatient", () => updatePatient(t.prisma, patientActor, i.patientId, { name: "X" }, { today: () => day, confirmDuplicate: true })],
    ["archivePatient", () => archivePatient(t.prisma, patientActor, i.patientId)],
    ["openEpisode", () => openEpisode(t.prisma, patientActor, i.patientId, {}, () => day)],
    ["changeEpisodeStatus", () => changeEpisodeStatus(t.prisma, patientActor, i.episodeId, { action: "pause" }, day)],
    ["getEpisodeRecord", () => getEpisodeRecord(t.prisma, patientActor, i.episodeId)],
    ["saveAssessment", () => saveAssessment(t.prisma, patientActor, { episodeId: i.episodeId, recordId: null }, {}, () => day)],
    ["saveOutcome", () => saveOutcome(t.prisma, patientActor, { episodeId: i.episodeId, recordId: i.outcomeId }, { value: "0" }, () => day)],
    ["saveIntervention", () => saveIntervention(t.prisma, patientActor, { episodeId: i.episodeId, recordId: null }, {}, () => day)],
    ["deleteClinicalRecord", () => deleteClinicalRecord(t.prisma, patientActor, "OutcomeMeasurement", i.outcomeId, "x")],
    ["getClinicalRecord", () => getClinicalRecord(t.prisma, patientActor, "OutcomeMeasurement", i.outcomeId)],
    ["listRevisions", () => listRevisions(t.prisma, patientActor, "OutcomeMeasurement", i.outcomeId)],
    ["listFlags", () => listFlags(t.prisma, patientActor, parseFlagQuery({}))],
    ["getFlag", () => getFlag(t.prisma, patientActor, i.flagId)],
    ["listEpisodeFlags", () => listEpisodeFlags(t.prisma, patientActor, i.episodeId)],
    ["acknowledgeFlag", () => acknowledgeFlag(t.prisma, patientActor, i.flagId, "seen")],
    ["getClinicRuleSettings", () => getClinicRuleSettings(t.prisma, patientActor)],
    ["updateClinicRuleSettings", () => updateClinicRuleSettings(t.prisma, patientActor, {})],
    ["listTemplates", () => listTemplates(t.prisma, patientActor)],
    ["getTemplate", () => getTemplate(t.prisma, patientActor, i.templateId)],
    ["copyTemplate", () => copyTemplate(t.prisma, patientActor, i.templateId, { name: "X" })],
    ["saveTemplateVersion", () => saveTemplateVersion(t.prisma, patientActor, i.templateId, {})],
    ["assignProgram", () => assignProgram(t.prisma, patientActor, i.episodeId, {})],
    ["getActiveAssignment", () => getActiveAssignment(t.prisma, patientActor, i.assignmentId)],
    ["adjustAssignment", () => adjustAssignment(t.prisma, patientActor, i.assignmentId, {})],
    ["endAssignment", () => endAssignment(t.prisma, patientActor, i.assignmentId, { reason: "OTHER" }, day)],
    ["overrideProgression", () => overrideProgression(t.prisma, patientActor, i.assignmentId, { date: isoDate(day), phase: "2", reason: "x" })],
    ["createInvite", () => createInvite(t.prisma, patientActor, i.patientId, new Date())],
    ["getPortalAccess", () => getPortalAccess(t.prisma, patientActor, i.patientId, new Date())],
  ];

  for (const who of ["own", "other"] as const) {
    it(`answers NOT_FOUND for every clinic service, on the patient's ${who} record`, async () => {
      const before = await t.prisma.auditEvent.count({ where: { actorId: patientActor.userId } });
      for (const [name, call] of calls(ids[who])) {
        await expect(call(), name).rejects.toSatisfy((error) => isAppError(error, "NOT_FOUND"));
      }
      expect(await t.prisma.auditEvent.count({ where: { actorId: patientActor.userId } })).toBe(before);
      expect(await t.prisma.programAssignment.count({ where: { episodeId: ids[who].episodeId, status: "ACTIVE" } })).toBe(1);
      expect(await t.prisma.flag.count({ where: { id: ids[who].flagId, status: "OPEN" } })).toBe(1);
    });
  }

  it("cannot log to another patient's program through the portal either", async () => {
    expect(await logSession(t.prisma, patientActor, { clientId: randomUUID(), assignmentId: ids.other.assignmentId, date: isoDate(day), completed: "yes", painDuring: "1" }, day)).toEqual({
      status: "invalid", fieldErrors: { assignmentId: "invalidChoice" },
    });
  });
});
