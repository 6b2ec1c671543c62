// The episode's referral and the patient's GP (SPEC §11, issue 46) on a real database: entered
// with a new episode or later, corrected and removed, each change audited; bad input answered
// field by field with nothing written; another clinic's episode out of reach.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "../../lib/platform/auth/actor";
import { isAppError } from "../../lib/platform/errors";
import { openEpisode } from "../../lib/server/episodes/episodes";
import { removeReferral, saveReferral } from "../../lib/server/episodes/referrals";
import { getPatient } from "../../lib/server/patients/get-patient";
import { createPatient, updatePatient } from "../../lib/server/patients/patients";
import { createClinic, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { changedTables, fingerprint } from "../support/db-fingerprint";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let clinician: Actor;
let outsider: Actor;
const day = new Date("2026-12-06T00:00:00.000Z");
const today = () => day;
const person = { name: "Karen Holm", dateOfBirth: "1975-04-12", sex: "FEMALE", affectedSide: "RIGHT" };
const episode = { side: "RIGHT", symptomOnset: "01-09-2026", treatmentStart: "02-11-2026" };
const referral = {
  referred: "on",
  referralDate: "20-10-2026",
  doctorName: "Anne Holm",
  practice: "Lægerne i Vestergade",
  doctorPhone: "86 20 30 40",
  locationNumber: "5790001234567",
  diagnosisText: "Hælsmerter, plantar fasciopati",
  icd10Code: "DM722",
  referenceId: "6F1C2D3E-4B5A-4C6D-8E7F-9A0B1C2D3E4F",
  vederlagsfri: "on",
};

async function newPatient(values: Record<string, string> = {}) {
  const result = await createPatient(t.prisma, clinician, { ...person, ...values }, { today, confirmDuplicate: true });
  if (result.status !== "saved") throw new Error(JSON.stringify(result));
  return result.patientId;
}
const audits = (entity: string, action: "CREATE" | "UPDATE" | "DELETE") =>
  t.prisma.auditEvent.count({ where: { entity, action, actorId: clinician.userId } });

beforeAll(async () => {
  t = await createTestDatabase();
  const clinic = await createClinic(t.prisma);
  clinician = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "CLINICIAN" }));
  outsider = actorOf(await createUser(t.prisma, { clinicId: (await createClinic(t.prisma)).id, role: "CLINICIAN" }));
});
afterAll(() => t.close());

describe(`the patient's GP on ${TEST_DB_KIND}`, () => {
  it("keeps the GP's name, practice, location number and address; empty is not known", async () => {
    const id = await newPatient({
      gpName: " Anne Holm ",
      gpPractice: "Lægerne i Vestergade",
      gpLocationNumber: "5790 0012 3456 7",
      gpAddress: "Vestergade 20, 8000 Aarhus C",
    });
    expect(await t.prisma.patient.findUniqueOrThrow({ where: { id } })).toMatchObject({
      gpName: "Anne Holm",
      gpPractice: "Lægerne i Vestergade",
      gpLocationNumber: "5790001234567",
      gpAddress: "Vestergade 20, 8000 Aarhus C",
    });
    const clinicianId = clinician.userId;
    expect(
      await updatePatient(t.prisma, clinician, id, { ...person, clinicianId }, { today, confirmDuplicate: true }),
    ).toMatchObject({
      status: "saved",
    });
    expect(await t.prisma.patient.findUniqueOrThrow({ where: { id } })).toMatchObject({
      gpName: null,
      gpPractice: null,
      gpLocationNumber: null,
      gpAddress: null,
    });
  });

  it("refuses a location number that is not 13 digits, and a name too long, and writes nothing", async () => {
    const before = await fingerprint(t.prisma);
    expect(
      await createPatient(
        t.prisma,
        clinician,
        { ...person, gpLocationNumber: "579000123456", gpName: "x".repeat(121) },
        { today, confirmDuplicate: true },
      ),
    ).toEqual({ status: "invalid", fieldErrors: { gpLocationNumber: "invalidLocationNumber", gpName: "tooLong" } });
    expect(changedTables(before, await fingerprint(t.prisma))).toEqual([]);
  });
});

describe(`the episode's referral on ${TEST_DB_KIND}`, () => {
  it("opening an episode with a bad referral answers each field and opens nothing", async () => {
    const patientId = await newPatient();
    const before = await fingerprint(t.prisma);
    const result = await openEpisode(
      t.prisma,
      clinician,
      patientId,
      {
        ...episode,
        treatmentStart: "07-12-2026",
        referred: "on",
        referralDate: "2026-10-20",
        icd10Code: "hælspore",
        referenceId: "REF07",
        locationNumber: "123",
      },
      today,
    );
    expect(result).toEqual({
      status: "invalid",
      fieldErrors: {
        treatmentStart: "futureDate",
        doctorName: "required",
        diagnosisText: "required",
        icd10Code: "invalidIcd10",
        referenceId: "invalidUuid",
        locationNumber: "invalidLocationNumber",
      },
    });
    // The referral's date is bounded by the episode's start.
    expect(
      await openEpisode(t.prisma, clinician, patientId, { ...referral, ...episode, referralDate: "05-12-2026" }, today),
    ).toEqual({ status: "invalid", fieldErrors: { referralDate: "referralAfterStart" } });
    expect(changedTables(before, await fingerprint(t.prisma))).toEqual([]);
  });

  it("opens an episode with its referral, normalised and audited; unticked, the fields are ignored", async () => {
    const patientId = await newPatient();
    const result = await openEpisode(t.prisma, clinician, patientId, { ...episode, ...referral }, today);
    if (result.status !== "opened") throw new Error(JSON.stringify(result));
    const stored = await t.prisma.referral.findUniqueOrThrow({ where: { episodeId: result.episodeId } });
    expect(stored).toMatchObject({
      clinicId: clinician.clinicId,
      referralDate: new Date("2026-10-20T00:00:00.000Z"),
      doctorName: "Anne Holm",
      practice: "Lægerne i Vestergade",
      doctorPhone: "86 20 30 40",
      locationNumber: "5790001234567",
      icd10Code: "M72.2",
      referenceId: "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
      vederlagsfri: true,
    });
    expect(
      await t.prisma.auditEvent.count({ where: { entity: "Referral", action: "CREATE", entityId: stored.id } }),
    ).toBe(1);
    // The patient page reads it with the episode.
    const page = await getPatient(t.prisma, clinician, patientId);
    expect(page.episodes[0]!.referral).toMatchObject({ id: stored.id });

    const other = await newPatient();
    const plain = await openEpisode(
      t.prisma,
      clinician,
      other,
      { ...episode, ...referral, referred: undefined as never },
      today,
    );
    if (plain.status !== "opened") throw new Error(JSON.stringify(plain));
    expect(await t.prisma.referral.count({ where: { episodeId: plain.episodeId } })).toBe(0);
  });

  it("is added, corrected and removed on an existing episode, each change audited", async () => {
    const patientId = await newPatient();
    const opened = await openEpisode(t.prisma, clinician, patientId, episode, today);
    if (opened.status !== "opened") throw new Error(JSON.stringify(opened));
    const episodeId = opened.episodeId;
    const [created, updated, deleted] = await Promise.all([
      audits("Referral", "CREATE"),
      audits("Referral", "UPDATE"),
      audits("Referral", "DELETE"),
    ]);

    // A field error changes nothing.
    const before = await fingerprint(t.prisma);
    expect(
      await saveReferral(
        t.prisma,
        clinician,
        patientId,
        episodeId,
        { ...referral, doctorPhone: "12", referralDate: "01-01-2020" },
        today,
      ),
    ).toEqual({ status: "invalid", fieldErrors: { doctorPhone: "invalidPhone", referralDate: "referralTooOld" } });
    expect(
      await saveReferral(t.prisma, clinician, patientId, episodeId, { ...referral, referralDate: "01-01-2020" }, today),
    ).toEqual({ status: "invalid", fieldErrors: { referralDate: "referralTooOld" } });
    expect(changedTables(before, await fingerprint(t.prisma))).toEqual([]);

    expect(await saveReferral(t.prisma, clinician, patientId, episodeId, referral, today)).toEqual({ status: "saved" });
    expect(
      await saveReferral(
        t.prisma,
        clinician,
        patientId,
        episodeId,
        { ...referral, icd10Code: "M77.3", practice: undefined, vederlagsfri: undefined } as Record<string, unknown>,
        today,
      ),
    ).toEqual({ status: "saved" });
    expect(await t.prisma.referral.findUniqueOrThrow({ where: { episodeId } })).toMatchObject({
      icd10Code: "M77.3",
      practice: null,
      vederlagsfri: false,
    });
    await removeReferral(t.prisma, clinician, patientId, episodeId);
    expect(await t.prisma.referral.count({ where: { episodeId } })).toBe(0);
    expect([
      await audits("Referral", "CREATE"),
      await audits("Referral", "UPDATE"),
      await audits("Referral", "DELETE"),
    ]).toEqual([created + 1, updated + 1, deleted + 1]);
    // Removed already (another tab): the page is out of date.
    await expect(removeReferral(t.prisma, clinician, patientId, episodeId)).rejects.toSatisfy((error) =>
      isAppError(error, "CONFLICT"),
    );
  });

  it("is out of reach for another clinic, and through another patient's id", async () => {
    const patientId = await newPatient();
    const opened = await openEpisode(t.prisma, clinician, patientId, { ...episode, ...referral }, today);
    if (opened.status !== "opened") throw new Error(JSON.stringify(opened));
    const someoneElse = await newPatient();
    const before = await fingerprint(t.prisma);
    for (const call of [
      () => saveReferral(t.prisma, outsider, patientId, opened.episodeId, referral, today),
      () => removeReferral(t.prisma, outsider, patientId, opened.episodeId),
      () => saveReferral(t.prisma, clinician, someoneElse, opened.episodeId, referral, today),
      () => removeReferral(t.prisma, clinician, someoneElse, opened.episodeId),
    ])
      await expect(call()).rejects.toSatisfy((error) => isAppError(error, "NOT_FOUND"));
    expect(changedTables(before, await fingerprint(t.prisma))).toEqual([]);
  });
});
