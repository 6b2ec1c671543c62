// Clinicians' forms carry an idempotency key: Save pressed again after a lost answer, or
// twice at once, stores one row and answers the first one's id.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "../../lib/platform/auth/actor";
import { addDays, DEFAULT_TIME_ZONE, isoDate, today } from "../../lib/platform/dates";
import { forgetOldKeys } from "../../lib/platform/db/idempotency";
import { isAppError } from "../../lib/platform/errors";
import { createPatient as registerPatient } from "../../lib/server/patients/patients";
import { saveAssessment, saveOutcome } from "../../lib/server/records/record-services";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

/** What the app passes its services as "today": the clinic's day. */
const clinicToday = () => today(DEFAULT_TIME_ZONE);

let t: TestDatabase;
let clinician: Actor;
let colleague: Actor;
let episodeId: string;
const day = isoDate(today(DEFAULT_TIME_ZONE));

beforeAll(async () => {
  t = await createTestDatabase();
  const clinic = await createClinic(t.prisma);
  clinician = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "CLINICIAN" }));
  colleague = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "CLINICIAN" }));
  const patient = await createPatient(t.prisma, { clinicId: clinic.id, clinicianId: clinician.userId });
  const start = addDays(today(DEFAULT_TIME_ZONE), -10);
  episodeId = (
    await t.prisma.episode.create({
      data: {
        clinicId: clinic.id,
        patientId: patient.id,
        side: "LEFT",
        symptomOnset: addDays(start, -30),
        treatmentStart: start,
      },
    })
  ).id;
});
afterAll(() => t.close());

const outcome = (actor: Actor, idempotencyKey: string | undefined, value = 6) =>
  saveOutcome(
    t.prisma,
    actor,
    { episodeId, recordId: null },
    { date: day, instrument: "NRS_ACTIVITY", value: String(value), idempotencyKey },
    clinicToday,
  );
const outcomesNow = () => t.prisma.outcomeMeasurement.count({ where: { episodeId, instrument: "NRS_ACTIVITY" } });

describe(`idempotency keys on ${TEST_DB_KIND}`, () => {
  it("a measurement sent again with its key is stored once and answered with the first id", async () => {
    const before = await outcomesNow();
    const key = randomUUID();
    const first = await outcome(clinician, key);
    const again = await outcome(clinician, key);
    expect(first).toMatchObject({ status: "saved" });
    expect(again).toEqual(first);
    expect(await outcomesNow()).toBe(before + 1);
    // A new key is a new measurement; no key at all always writes.
    await outcome(clinician, randomUUID());
    await outcome(clinician, undefined);
    expect(await outcomesNow()).toBe(before + 3);
  });

  it("five submits with one key at the same moment store one row", async () => {
    const before = await outcomesNow();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 5 }, () => outcome(clinician, key, 4)));
    expect(new Set(answers.map((a) => (a.status === "saved" ? a.id : a.status))).size).toBe(1);
    expect(await outcomesNow()).toBe(before + 1);
  });

  it("an assessment's repeat keeps one visit and one visit-pain measurement", async () => {
    const key = randomUUID();
    const tests = {
      palpationPositive: "positive",
      windlassPositive: "positive",
      calcanealSqueezePositive: "untested",
      tinelPositive: "untested",
      differentialsExamined: "yes",
    };
    const raw = { ...tests, date: day, redFlagsScreened: "yes", firstStepPain: "5", idempotencyKey: key };
    const first = await saveAssessment(t.prisma, clinician, { episodeId, recordId: null }, raw, clinicToday);
    expect(first).toMatchObject({ status: "saved" });
    expect(await saveAssessment(t.prisma, clinician, { episodeId, recordId: null }, raw, clinicToday)).toEqual(first);
    expect(await t.prisma.assessment.count({ where: { episodeId } })).toBe(1);
    expect(await t.prisma.outcomeMeasurement.count({ where: { episodeId, instrument: "NRS_FIRST_STEP" } })).toBe(1);
  });

  it("refuses a key that is malformed, or that another user or another kind of record used, and stores nothing", async () => {
    const before = await outcomesNow();
    const refused = async (work: Promise<unknown>) =>
      expect(
        await work.then(
          () => "stored",
          (error: unknown) => (isAppError(error, "INVALID_INPUT") ? "refused" : error),
        ),
      ).toBe("refused");
    await refused(outcome(clinician, "not-a-key"));
    const key = randomUUID();
    await outcome(clinician, key);
    await refused(outcome(colleague, key));
    await refused(
      saveAssessment(
        t.prisma,
        clinician,
        { episodeId, recordId: null },
        {
          palpationPositive: "positive",
          windlassPositive: "positive",
          calcanealSqueezePositive: "untested",
          tinelPositive: "untested",
          date: day,
          redFlagsScreened: "yes",
          differentialsExamined: "yes",
          idempotencyKey: key,
        },
        clinicToday,
      ),
    );
    expect(await outcomesNow()).toBe(before + 1);
  });

  it("registering a patient again with the key answers the same patient, not a duplicate warning", async () => {
    const key = randomUUID();
    const raw = {
      name: `Karen ${randomUUID().slice(0, 8)}`,
      dateOfBirth: "1970-03-04",
      sex: "FEMALE",
      affectedSide: "LEFT",
      idempotencyKey: key,
    };
    const first = await registerPatient(t.prisma, clinician, raw, { today: clinicToday, confirmDuplicate: false });
    expect(first).toMatchObject({ status: "saved" });
    expect(await registerPatient(t.prisma, clinician, raw, { today: clinicToday, confirmDuplicate: false })).toEqual(
      first,
    );
    expect(await t.prisma.patient.count({ where: { name: raw.name } })).toBe(1);
  });

  it("forgets keys older than a week", async () => {
    const key = randomUUID();
    await outcome(clinician, key);
    expect(await forgetOldKeys(t.prisma, clinician.clinicId, new Date())).toBe(0);
    const removed = await forgetOldKeys(t.prisma, clinician.clinicId, addDays(new Date(), 8));
    expect(removed).toBeGreaterThan(0);
    expect(await t.prisma.idempotencyKey.count({ where: { clinicId: clinician.clinicId } })).toBe(0);
  });
});
