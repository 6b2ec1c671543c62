import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { RULE_VERSION } from "../../lib/clinical/rules/evaluate";
import { DEFAULT_RULE_SETTINGS, SETTING_NAMES } from "../../lib/clinical/rules/settings";
import type { Actor } from "../../lib/platform/auth/actor";
import { addDays, DEFAULT_TIME_ZONE, today } from "../../lib/platform/dates";
import { toFieldValue } from "../../lib/present/settings/rule-setting-fields";
import { refreshEpisodeState } from "../../lib/server/episodes/episode-state";
import { getClinicRuleSettings, updateClinicRuleSettings } from "../../lib/server/rules/clinic-rule-settings";
import {
  completeReevaluationsBefore,
  pendingReevaluations,
  reevaluationProgress,
  requestForOutdatedRules,
  requestReevaluation,
  runReevaluation,
} from "../../lib/server/rules/reevaluation";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let admin: Actor;
let clinician: Actor;
/** The defaults as the form holds them (a share in percent). */
const defaults = Object.fromEntries(
  SETTING_NAMES.map((name) => [name, String(toFieldValue(name, DEFAULT_RULE_SETTINGS[name]))]),
);

beforeAll(async () => {
  t = await createTestDatabase();
  const clinic = await createClinic(t.prisma);
  admin = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "ADMIN" }));
  clinician = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "CLINICIAN" }));
});
afterAll(() => t.close());

describe(`rule settings on ${TEST_DB_KIND}`, () => {
  it("start at the SPEC defaults and are for admins only", async () => {
    expect(await getClinicRuleSettings(t.prisma, admin)).toEqual(DEFAULT_RULE_SETTINGS);
    await expect(getClinicRuleSettings(t.prisma, clinician)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateClinicRuleSettings(t.prisma, clinician, defaults)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuse values out of range, not numbers or with too many decimals, saving nothing", async () => {
    const result = await updateClinicRuleSettings(t.prisma, admin, {
      ...defaults,
      noImprovementDays: "-1",
      adherenceMinFraction: "150",
      surgeryDays: "ever",
      followUpDays: undefined,
      morningRise: "2,25",
      judgeableDays: "1e1",
    });
    expect(result).toEqual({
      status: "invalid",
      fieldErrors: {
        noImprovementDays: "outOfRange",
        adherenceMinFraction: "outOfRange",
        surgeryDays: "notANumber",
        followUpDays: "required",
        morningRise: "tooManyDecimals",
        judgeableDays: "notANumber",
      },
    });
    expect(await getClinicRuleSettings(t.prisma, admin)).toEqual(DEFAULT_RULE_SETTINGS);
  });

  it("refuse settings that contradict each other (high before warning)", async () => {
    expect(await updateClinicRuleSettings(t.prisma, admin, { ...defaults, noImprovementHighDays: "30" })).toEqual({
      status: "invalid",
      fieldErrors: { noImprovementHighDays: "settingsOrder" },
    });
    expect(await updateClinicRuleSettings(t.prisma, admin, { ...defaults, surgeryDays: "80" })).toEqual({
      status: "invalid",
      fieldErrors: { surgeryDays: "settingsOrder" },
    });
    expect(await getClinicRuleSettings(t.prisma, admin)).toEqual(DEFAULT_RULE_SETTINGS);
  });

  it("a saved change is audited and re-evaluates the clinic's active episodes", async () => {
    const patient = await createPatient(t.prisma, { clinicId: admin.clinicId, clinicianId: clinician.userId });
    const start = addDays(today(DEFAULT_TIME_ZONE), -50);
    const episode = await t.prisma.episode.create({
      data: {
        clinicId: admin.clinicId,
        patientId: patient.id,
        side: "LEFT",
        symptomOnset: start,
        treatmentStart: start,
      },
    });
    await t.prisma.outcomeMeasurement.createMany({
      data: [0, 20].map((d) => ({
        clinicId: admin.clinicId,
        episodeId: episode.id,
        recordedById: clinician.userId,
        recordedBy: "CLINICIAN" as const,
        date: addDays(start, d),
        instrument: "NRS_FIRST_STEP" as const,
        value: 6,
      })),
    });
    await refreshEpisodeState(t.prisma, [episode.id], today(DEFAULT_TIME_ZONE));
    const severity = async () =>
      (await t.prisma.flag.findFirstOrThrow({ where: { episodeId: episode.id, code: "NO_IMPROVEMENT" } })).severity;
    expect(await severity()).toBe("WARNING");

    expect(await updateClinicRuleSettings(t.prisma, admin, { ...defaults, noImprovementHighDays: "49" })).toEqual({
      status: "saved",
      episodes: 1,
    });
    expect((await getClinicRuleSettings(t.prisma, admin)).noImprovementHighDays).toBe(49);
    // The change is saved with a request to re-evaluate; the run follows in the background.
    expect(await reevaluationProgress(t.prisma, admin.clinicId)).toEqual({ pending: true, done: 0, total: 1 });
    expect(await severity()).toBe("WARNING");
    await runReevaluation(t.prisma, admin.clinicId);
    expect(await reevaluationProgress(t.prisma, admin.clinicId)).toEqual({ pending: false, done: 1, total: 1 });
    expect(await severity()).toBe("HIGH");
    expect((await t.prisma.episode.findUniqueOrThrow({ where: { id: episode.id } })).openHighFlags).toBe(1);
    expect(await t.prisma.auditEvent.count({ where: { entity: "ClinicRuleSettings", actorId: admin.userId } })).toBe(1);
  });

  it("an interrupted re-evaluation resumes where it stopped, and one after an upgrade moves every flag to the new rules", async () => {
    const clinic = await createClinic(t.prisma);
    const clinicAdmin = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "ADMIN" }));
    const start = addDays(today(DEFAULT_TIME_ZONE), -60);
    const episodes = [];
    for (let i = 0; i < 5; i += 1) {
      const patient = await createPatient(t.prisma, { clinicId: clinic.id, clinicianId: clinicAdmin.userId });
      episodes.push(
        await t.prisma.episode.create({
          data: {
            clinicId: clinic.id,
            patientId: patient.id,
            side: "LEFT",
            symptomOnset: start,
            treatmentStart: start,
          },
        }),
      );
    }
    // Flags as an older RULE_VERSION left them: BASELINE_MISSING for every episode, marked version 1.
    await refreshEpisodeState(
      t.prisma,
      episodes.map((e) => e.id),
      today(DEFAULT_TIME_ZONE),
    );
    await t.prisma.flag.updateMany({ where: { clinicId: clinic.id }, data: { ruleVersion: 1 } });
    await t.prisma.clinic.update({ where: { id: clinic.id }, data: { rulesVersion: 1 } });

    expect(await requestForOutdatedRules(t.prisma)).toContain(clinic.id);
    expect(await requestForOutdatedRules(t.prisma)).not.toContain(clinic.id);
    let batches = 0;
    await runReevaluation(t.prisma, clinic.id, { batchSize: 2, stopBefore: () => batches++ === 1 });
    expect(await reevaluationProgress(t.prisma, clinic.id)).toEqual({ pending: true, done: 2, total: 5 });
    expect(await pendingReevaluations(t.prisma)).toContain(clinic.id);
    await runReevaluation(t.prisma, clinic.id, { batchSize: 2 });
    expect(await reevaluationProgress(t.prisma, clinic.id)).toEqual({ pending: false, done: 5, total: 5 });
    expect(await t.prisma.flag.count({ where: { clinicId: clinic.id, ruleVersion: RULE_VERSION } })).toBe(5);
    expect(await t.prisma.flag.findFirstOrThrow({ where: { clinicId: clinic.id } })).toMatchObject({
      sources: ["KOC_2023_JOSPT_CPG", "CLINIC_DEFAULT"],
    });
  });

  it("the daily sweep completes a re-evaluation asked for before it started", async () => {
    const clinic = await createClinic(t.prisma);
    await t.prisma.$transaction((tx) => requestReevaluation(tx, clinic.id));
    expect((await reevaluationProgress(t.prisma, clinic.id)).pending).toBe(true);
    await completeReevaluationsBefore(t.prisma, new Date(Date.now() - 60_000));
    expect((await reevaluationProgress(t.prisma, clinic.id)).pending).toBe(true);
    await completeReevaluationsBefore(t.prisma, new Date());
    expect((await reevaluationProgress(t.prisma, clinic.id)).pending).toBe(false);
  });
});
