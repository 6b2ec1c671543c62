import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "../../lib/platform/auth/actor";
import { dischargeEpisode } from "../../lib/server/episodes/discharge-episode";
import { changeEpisodeStatus, openEpisode } from "../../lib/server/episodes/episodes";
import { archivePatient, createPatient, updatePatient } from "../../lib/server/patients/patients";
import { createClinic, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let clinician: Actor;
let admin: Actor;
let outsider: Actor;
const day = new Date("2026-03-01T00:00:00.000Z");
const today = () => day;
const options = { today, confirmDuplicate: false };
const valid = {
  name: "Karen Holm",
  dateOfBirth: "1975-04-12",
  sex: "FEMALE",
  affectedSide: "RIGHT",
  heightCm: "168,5",
  weightKg: "70",
};

beforeAll(async () => {
  t = await createTestDatabase();
  const clinic = await createClinic(t.prisma);
  clinician = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "CLINICIAN" }));
  admin = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "ADMIN" }));
  outsider = actorOf(await createUser(t.prisma, { clinicId: (await createClinic(t.prisma)).id, role: "CLINICIAN" }));
});
afterAll(() => t.close());

describe(`patients on ${TEST_DB_KIND}`, () => {
  it("registers a patient with the clinician responsible, a decimal comma accepted, and audits it", async () => {
    const result = await createPatient(t.prisma, clinician, valid, options);
    expect(result.status).toBe("saved");
    const id = result.status === "saved" ? result.patientId : "";
    const patient = await t.prisma.patient.findUniqueOrThrow({ where: { id } });
    expect(patient).toMatchObject({ clinicId: clinician.clinicId, clinicianId: clinician.userId, name: "Karen Holm" });
    expect(Number(patient.heightCm)).toBe(168.5);
    expect(await t.prisma.auditEvent.count({ where: { entityId: id, action: "CREATE" } })).toBe(1);
  });

  it("keeps the conditions that change the advice, and only known ones", async () => {
    const result = await createPatient(
      t.prisma,
      clinician,
      { ...valid, name: "Ole Sukker", "comorbidities.DIABETES": "on", "comorbidities.PERIPHERAL_NEUROPATHY": "on" },
      options,
    );
    const id = result.status === "saved" ? result.patientId : "";
    expect((await t.prisma.patient.findUniqueOrThrow({ where: { id } })).comorbidities).toEqual([
      "DIABETES",
      "PERIPHERAL_NEUROPATHY",
    ]);
    expect(
      await createPatient(
        t.prisma,
        clinician,
        { ...valid, name: "Ole Sukker 2", "comorbidities.DIABETES": "yes" },
        options,
      ),
    ).toMatchObject({ status: "invalid" });
  });

  it("answers every bad field with its error code and saves nothing", async () => {
    const before = await t.prisma.patient.count();
    const result = await createPatient(
      t.prisma,
      clinician,
      {
        name: " ",
        dateOfBirth: "2026-03-02",
        sex: "X",
        affectedSide: undefined,
        heightCm: "12",
        weightKg: "tung",
        email: "nope",
        shoeAgeKm: "10.5",
      },
      options,
    );
    expect(result).toEqual({
      status: "invalid",
      fieldErrors: {
        name: "required",
        dateOfBirth: "futureDate",
        sex: "invalidChoice",
        affectedSide: "required",
        heightCm: "outOfRange",
        weightKg: "notANumber",
        email: "invalidEmail",
        shoeAgeKm: "wholeNumber",
      },
    });
    expect(await t.prisma.patient.count()).toBe(before);
  });

  it("rejects impossible dates", async () => {
    const result = await createPatient(t.prisma, clinician, { ...valid, dateOfBirth: "1975-02-30" }, options);
    expect(result).toMatchObject({ status: "invalid", fieldErrors: { dateOfBirth: "invalidDate" } });
  });

  it("asks before registering a second patient with the same name and date of birth", async () => {
    const first = await createPatient(t.prisma, clinician, { ...valid, name: "Ole Dobbelt" }, options);
    const second = await createPatient(t.prisma, clinician, { ...valid, name: "ole dobbelt" }, options);
    expect(second).toEqual({ status: "duplicate", existingPatientId: first.status === "saved" ? first.patientId : "" });
    const confirmed = await createPatient(
      t.prisma,
      clinician,
      { ...valid, name: "ole dobbelt" },
      { today, confirmDuplicate: true },
    );
    expect(confirmed.status).toBe("saved");
  });

  it("lets an admin choose the responsible clinician, but only one of the clinic", async () => {
    expect(await createPatient(t.prisma, admin, valid, { today, confirmDuplicate: true })).toMatchObject({
      status: "invalid",
      fieldErrors: { clinicianId: "required" },
    });
    expect(
      await createPatient(
        t.prisma,
        admin,
        { ...valid, clinicianId: outsider.userId },
        { today, confirmDuplicate: true },
      ),
    ).toMatchObject({
      status: "invalid",
      fieldErrors: { clinicianId: "invalidChoice" },
    });
    expect(
      (
        await createPatient(
          t.prisma,
          admin,
          { ...valid, clinicianId: clinician.userId },
          { today, confirmDuplicate: true },
        )
      ).status,
    ).toBe("saved");
  });

  it("edits and archives a patient of the clinic, keeping the records; another clinic's patient is not found", async () => {
    const created = await createPatient(t.prisma, clinician, { ...valid, name: "Rita Ret" }, options);
    const id = created.status === "saved" ? created.patientId : "";
    expect(await updatePatient(t.prisma, clinician, id, { ...valid, name: "Rita Rettet" }, options)).toEqual({
      status: "saved",
      patientId: id,
    });
    await expect(updatePatient(t.prisma, outsider, id, valid, options)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(archivePatient(t.prisma, outsider, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await archivePatient(t.prisma, clinician, id);
    expect((await t.prisma.patient.findUniqueOrThrow({ where: { id } })).archivedAt).not.toBeNull();
    await expect(archivePatient(t.prisma, clinician, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe(`episodes on ${TEST_DB_KIND}`, () => {
  let patientId: string;
  beforeAll(async () => {
    const created = await createPatient(t.prisma, clinician, { ...valid, name: "Erik Episode" }, options);
    patientId = created.status === "saved" ? created.patientId : "";
  });

  it("refuses a treatment start before onset and dates in the future", async () => {
    expect(
      await openEpisode(
        t.prisma,
        clinician,
        patientId,
        { side: "LEFT", symptomOnset: "2026-02-01", treatmentStart: "2026-01-15" },
        today,
      ),
    ).toEqual({
      status: "invalid",
      fieldErrors: { treatmentStart: "beforeOnset" },
    });
    expect(
      await openEpisode(
        t.prisma,
        clinician,
        patientId,
        { side: "LEFT", symptomOnset: "2026-02-01", treatmentStart: "2026-03-02" },
        today,
      ),
    ).toMatchObject({
      fieldErrors: { treatmentStart: "futureDate" },
    });
    expect(await t.prisma.episode.count({ where: { patientId } })).toBe(0);
  });

  it("opens, pauses, resumes, discharges and reopens an episode", async () => {
    const opened = await openEpisode(
      t.prisma,
      clinician,
      patientId,
      { side: "LEFT", symptomOnset: "2026-01-01", treatmentStart: "2026-02-01" },
      today,
    );
    expect(opened.status).toBe("opened");
    const episodeId = opened.status === "opened" ? opened.episodeId : "";
    expect((await t.prisma.patient.findUniqueOrThrow({ where: { id: patientId } })).currentEpisodeId).toBe(episodeId);
    expect(
      await openEpisode(
        t.prisma,
        clinician,
        patientId,
        { side: "LEFT", symptomOnset: "2026-01-01", treatmentStart: "2026-02-01" },
        today,
      ),
    ).toEqual({ status: "alreadyOpen" });

    const status = async () => (await t.prisma.episode.findUniqueOrThrow({ where: { id: episodeId } })).status;
    // A pause says why; without a reason nothing changes.
    expect(await changeEpisodeStatus(t.prisma, clinician, episodeId, { action: "pause" })).toMatchObject({
      status: "invalid",
      fieldErrors: { reason: "required" },
    });
    expect(await status()).toBe("ACTIVE");
    await changeEpisodeStatus(t.prisma, clinician, episodeId, { action: "pause", reason: "ILLNESS" });
    expect(await t.prisma.episode.findUniqueOrThrow({ where: { id: episodeId } })).toMatchObject({
      status: "PAUSED",
      pauseReason: "ILLNESS",
    });
    await expect(
      changeEpisodeStatus(t.prisma, clinician, episodeId, { action: "pause", reason: "ILLNESS" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await changeEpisodeStatus(t.prisma, clinician, episodeId, { action: "resume" });
    expect(await t.prisma.episode.findUniqueOrThrow({ where: { id: episodeId } })).toMatchObject({
      status: "ACTIVE",
      pauseReason: null,
    });
    // Discharging asks why; without a reason nothing changes.
    expect(await dischargeEpisode(t.prisma, clinician, episodeId, { date: "2026-03-01" }, today)).toMatchObject({
      status: "invalid",
      fieldErrors: { reason: "required" },
    });
    expect(await status()).toBe("ACTIVE");
    await dischargeEpisode(t.prisma, clinician, episodeId, { date: "2026-03-01", reason: "RECOVERED" }, today);
    expect(await t.prisma.episode.findUniqueOrThrow({ where: { id: episodeId } })).toMatchObject({
      status: "DISCHARGED",
      dischargeReason: "RECOVERED",
      dischargedAt: day,
    });
    await changeEpisodeStatus(t.prisma, clinician, episodeId, { action: "reopen" });
    expect(await t.prisma.episode.findUniqueOrThrow({ where: { id: episodeId } })).toMatchObject({
      status: "ACTIVE",
      dischargeReason: null,
    });
    await expect(
      changeEpisodeStatus(t.prisma, outsider, episodeId, { action: "pause", reason: "ILLNESS" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await t.prisma.auditEvent.count({ where: { entity: "Episode", entityId: episodeId } })).toBe(5);
  });
});
