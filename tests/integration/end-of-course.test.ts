import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "../../lib/platform/auth/actor";
import { addDays, DEFAULT_TIME_ZONE, isoDate, today } from "../../lib/platform/dates";
import { dischargeEpisode, previewDischarge } from "../../lib/server/episodes/discharge-episode";
import { readEpisodeState } from "../../lib/server/episodes/episode-state";
import { instrumentProgress } from "../../lib/server/patients/progress-overview";
import { getPortalOverview } from "../../lib/server/portal/portal-overview";
import { saveMeasurements } from "../../lib/server/records/save-measurements";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let clinician: Actor;
let outsider: Actor;
let clinicId: string;
const day = today(DEFAULT_TIME_ZONE);
const clinicToday = () => day;
const start = addDays(day, -56);

beforeAll(async () => {
  t = await createTestDatabase();
  clinicId = (await createClinic(t.prisma)).id;
  clinician = actorOf(await createUser(t.prisma, { clinicId, role: "CLINICIAN" }));
  const other = await createClinic(t.prisma);
  outsider = actorOf(await createUser(t.prisma, { clinicId: other.id, role: "CLINICIAN" }));
});
afterAll(() => t.close());

/** A patient eight weeks into a course, measured at baseline: first-step pain 7, FAAM daily life 50 %. */
async function patientInCourse(portalUserId?: string) {
  const patient = await createPatient(t.prisma, { clinicId, clinicianId: clinician.userId, portalUserId });
  const episode = await t.prisma.episode.create({
    data: { clinicId, patientId: patient.id, side: "LEFT", symptomOnset: start, treatmentStart: start },
  });
  await t.prisma.patient.update({ where: { id: patient.id }, data: { currentEpisodeId: episode.id } });
  const baseline = { date: isoDate(start), measured: { NRS_FIRST_STEP: "7", FAAM_ADL: "50" } };
  expect(await saveMeasurements(t.prisma, clinician, episode.id, baseline, clinicToday)).toMatchObject({
    status: "saved",
  });
  return { patient, episode };
}

const counts = async (episodeId: string) => ({
  outcomes: await t.prisma.outcomeMeasurement.count({ where: { episodeId } }),
  status: (await t.prisma.episode.findUniqueOrThrow({ where: { id: episodeId } })).status,
});

describe(`ending a course on ${TEST_DB_KIND}`, () => {
  it("refuses a missing reason and a value out of range together, and writes nothing", async () => {
    const { episode } = await patientInCourse();
    const raw = { date: isoDate(day), measured: { NRS_FIRST_STEP: "11" } };
    const expected = { status: "invalid", fieldErrors: { reason: "required", NRS_FIRST_STEP: "outOfRange" } };
    expect(await previewDischarge(t.prisma, clinician, episode.id, raw, clinicToday)).toEqual(expected);
    expect(await dischargeEpisode(t.prisma, clinician, episode.id, raw, clinicToday)).toEqual(expected);
    expect(await counts(episode.id)).toEqual({ outcomes: 2, status: "ACTIVE" });
  });

  it("shows the result against the MCID before anything is saved; the confirmed discharge keeps exactly that result", async () => {
    const { episode } = await patientInCourse();
    const raw = {
      date: isoDate(day),
      reason: "RECOVERED",
      measured: { NRS_FIRST_STEP: "2", FAAM_ADL: "54", GLOBAL_CHANGE: "3" },
    };
    const preview = await previewDischarge(t.prisma, clinician, episode.id, raw, clinicToday);
    expect(preview).toMatchObject({
      status: "preview",
      result: {
        date: isoDate(day),
        measuredOnDay: 3,
        improvement: "IMPROVED",
        instruments: [
          { instrument: "NRS_FIRST_STEP", baseline: 7, latest: 2, change: -5, mcid: 2, verdict: "IMPROVED" },
          // 4 points, under the FAAM's MCID of 8.
          { instrument: "FAAM_ADL", baseline: 50, latest: 54, change: 4, mcid: 8, verdict: "NO_CHANGE" },
        ],
      },
    });
    expect(await counts(episode.id)).toEqual({ outcomes: 2, status: "ACTIVE" });

    expect(await dischargeEpisode(t.prisma, clinician, episode.id, raw, clinicToday)).toEqual({
      status: "discharged",
      episodeId: episode.id,
    });
    expect(await counts(episode.id)).toEqual({ outcomes: 5, status: "DISCHARGED" });
    expect(await t.prisma.episode.findUniqueOrThrow({ where: { id: episode.id } })).toMatchObject({
      dischargedAt: day,
      dischargeReason: "RECOVERED",
    });
    // The patient page's derivation, read afterwards, says what the clinician confirmed.
    const read = await readEpisodeState(t.prisma, episode.id, day);
    expect(preview.status === "preview" && preview.result.instruments).toEqual(
      read!.state.judged.map(instrumentProgress),
    );
    // The caseload's summary moved with it: the latest pain is the final measurement.
    expect(Number((await t.prisma.episode.findUniqueOrThrow({ where: { id: episode.id } })).latestPain)).toBe(2);
    const audited = await t.prisma.auditEvent.findMany({
      where: { actorId: clinician.userId, entityId: episode.id, action: "UPDATE" },
    });
    expect(audited.map((event) => event.entity)).toEqual(["Episode"]);
  });

  it("ends a course without final measurements on the latest ones, once, however often it is confirmed", async () => {
    const { episode } = await patientInCourse();
    const raw = { date: isoDate(day), reason: "PATIENT_CHOICE", idempotencyKey: randomUUID() };
    expect(await previewDischarge(t.prisma, clinician, episode.id, raw, clinicToday)).toMatchObject({
      status: "preview",
      result: { measuredOnDay: 0, improvement: "NOT_JUDGEABLE", instruments: [{ verdict: "BASELINE_ONLY" }, {}] },
    });
    const first = await dischargeEpisode(t.prisma, clinician, episode.id, raw, clinicToday);
    // The answer was lost and the clinician pressed again: the same discharge, not an error.
    expect(await dischargeEpisode(t.prisma, clinician, episode.id, raw, clinicToday)).toEqual(first);
    expect(await counts(episode.id)).toEqual({ outcomes: 2, status: "DISCHARGED" });
    // Without the key, ending it again is a conflict, and so is a preview.
    await expect(
      dischargeEpisode(t.prisma, clinician, episode.id, { ...raw, idempotencyKey: undefined }, clinicToday),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(previewDischarge(t.prisma, clinician, episode.id, raw, clinicToday)).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("another clinic's clinician finds no such episode and changes nothing", async () => {
    const { episode } = await patientInCourse();
    const raw = { date: isoDate(day), reason: "RECOVERED", measured: { NRS_FIRST_STEP: "1" } };
    await expect(previewDischarge(t.prisma, outsider, episode.id, raw, clinicToday)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(dischargeEpisode(t.prisma, outsider, episode.id, raw, clinicToday)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await counts(episode.id)).toEqual({ outcomes: 2, status: "ACTIVE" });
  });

  it("the patient's portal then says the course has ended, with its result at discharge and no plan", async () => {
    const user = await createUser(t.prisma, { clinicId, role: "PATIENT" });
    const { episode } = await patientInCourse(user.id);
    const raw = { date: isoDate(day), reason: "RECOVERED", measured: { NRS_FIRST_STEP: "1", FAAM_ADL: "80" } };
    await dischargeEpisode(t.prisma, clinician, episode.id, raw, clinicToday);
    const overview = await getPortalOverview(t.prisma, actorOf(user), day);
    expect(overview).toMatchObject({
      episodeId: null,
      plan: null,
      programs: [],
      ended: {
        dischargedAt: day,
        progress: {
          pain: { baseline: 7, latest: 1, verdict: "IMPROVED" },
          function: { instrument: "FAAM_ADL", baseline: 50, latest: 80, verdict: "IMPROVED" },
        },
      },
    });
    expect(overview!.morningPain.map((row) => row.value)).toEqual([7, 1]);
  });
});
