import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "../../lib/platform/auth/actor";
import { deleteClinicalRecord, listRevisions } from "../../lib/server/records/clinical-records";
import { saveAssessment, saveIntervention, saveOutcome } from "../../lib/server/records/record-services";
import { saveMeasurements } from "../../lib/server/records/save-measurements";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let clinician: Actor;
let outsider: Actor;
let episodeId: string;
const today = () => new Date("2026-03-01T00:00:00.000Z");
const create = { recordId: null };
/** Every clinical test answered. */
const tests = {
  palpationPositive: "positive",
  windlassPositive: "positive",
  calcanealSqueezePositive: "untested",
  tinelPositive: "untested",
  differentialsExamined: "yes",
};

beforeAll(async () => {
  t = await createTestDatabase();
  const clinic = await createClinic(t.prisma);
  clinician = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "CLINICIAN" }));
  outsider = actorOf(await createUser(t.prisma, { clinicId: (await createClinic(t.prisma)).id, role: "CLINICIAN" }));
  const patient = await createPatient(t.prisma, { clinicId: clinic.id, clinicianId: clinician.userId });
  episodeId = (
    await t.prisma.episode.create({
      data: {
        clinicId: clinic.id,
        patientId: patient.id,
        side: "LEFT",
        symptomOnset: new Date("2025-12-01"),
        treatmentStart: new Date("2026-01-05"),
      },
    })
  ).id;
});
afterAll(() => t.close());

const summary = () => t.prisma.episode.findUniqueOrThrow({ where: { id: episodeId } });

describe(`clinical records on ${TEST_DB_KIND}`, () => {
  it("records an assessment with tests, red flags, findings and risk factors", async () => {
    const result = await saveAssessment(
      t.prisma,
      clinician,
      { episodeId, ...create },
      {
        ...tests,
        date: "2026-01-05",
        painLocation: "MEDIAL_HEEL",
        firstStepPain: "7",
        palpationPositive: "positive",
        windlassPositive: "negative",
        tinelPositive: "positive",
        ankleDorsiflexionDeg: "-5",
        redFlagsScreened: "yes",
        redFlags: ["FEVER_MALAISE", "FEVER_MALAISE"],
        findings: ["POSTERIOR_HEEL_PAIN"],
        recentLoadChange: "on",
        runningKmPerWeek: "25,5",
        shoeAgeKm: "900",
        walkToleranceMin: "20",
        walkNextMorningWorse: "yes",
        note: "Løber 3x om ugen",
      },
      today,
    );
    expect(result.status).toBe("saved");
    const row = await t.prisma.assessment.findUniqueOrThrow({
      where: { id: result.status === "saved" ? result.id : "" },
    });
    expect(row).toMatchObject({
      firstStepPain: 7,
      palpationPositive: true,
      windlassPositive: false,
      calcanealSqueezePositive: null,
      tinelPositive: true,
      ankleDorsiflexionDeg: -5,
      redFlagsScreened: true,
      redFlags: ["FEVER_MALAISE"],
      differentialsExamined: true,
      findings: ["POSTERIOR_HEEL_PAIN"],
      walkToleranceMin: 20,
      walkNextMorningWorse: true,
      recordedById: clinician.userId,
      riskFactors: { recentLoadChange: true, calfTightness: false, runningKmPerWeek: 25.5, shoeAgeKm: 900 },
    });
    expect((await summary()).lastVisit).toEqual(new Date("2026-01-05"));
    // Tinel's sign records the neural finding itself: DIAGNOSIS_DOUBT names it.
    const doubt = await t.prisma.flag.findFirstOrThrow({ where: { episodeId, code: "DIAGNOSIS_DOUBT" } });
    expect(doubt.evidence).toMatchObject({ findings: ["NEURAL_SYMPTOMS", "POSTERIOR_HEEL_PAIN"] });
  });

  it.each([
    [
      "a red flag code that does not exist",
      { redFlagsScreened: "yes", redFlags: ["HEADACHE"] },
      { redFlags: "invalidChoice" },
    ],
    [
      "the retired red flag NEURO_SYMPTOMS",
      { redFlagsScreened: "yes", redFlags: ["NEURO_SYMPTOMS"] },
      { redFlags: "invalidChoice" },
    ],
    [
      "the squeeze test's red flag ticked by hand",
      { redFlagsScreened: "yes", redFlags: ["POSITIVE_CALCANEAL_SQUEEZE"] },
      { redFlags: "invalidChoice" },
    ],
    [
      "red flags although the screen was not done",
      { redFlagsScreened: "no", redFlags: ["FEVER_MALAISE"] },
      { redFlags: "redFlagsNotScreened" },
    ],
    [
      "a positive squeeze test although the screen was not done",
      { redFlagsScreened: "no", calcanealSqueezePositive: "positive" },
      { calcanealSqueezePositive: "squeezeNeedsScreen" },
    ],
    ["an answer that is no test result", { palpationPositive: "maybe" }, { palpationPositive: "chooseTestResult" }],
    ["no answer for the red-flag screen", { redFlagsScreened: undefined }, { redFlagsScreened: "required" }],
    [
      "no answer for the differential examination",
      { differentialsExamined: undefined },
      { differentialsExamined: "required" },
    ],
    [
      "findings although the differentials were not examined",
      { differentialsExamined: "no", findings: ["POSTERIOR_HEEL_PAIN"] },
      { findings: "findingsNotExamined" },
    ],
    [
      "nothing recorded at all",
      {
        redFlagsScreened: "no",
        differentialsExamined: "no",
        palpationPositive: "untested",
        windlassPositive: "untested",
      },
      { form: "nothingRecorded" },
    ],
    ["a date before the episode", { date: "2026-01-04" }, { date: "beforeEpisode" }],
    ["a date in the future", { date: "2026-03-02" }, { date: "futureDate" }],
    ["pain out of range", { firstStepPain: "11" }, { firstStepPain: "outOfRange" }],
    ["pain as an exponent", { firstStepPain: "1e1" }, { firstStepPain: "notANumber" }],
  ])("refuses an assessment with %s and saves nothing", async (_case, raw, fieldErrors) => {
    const before = await t.prisma.assessment.count();
    expect(
      await saveAssessment(
        t.prisma,
        clinician,
        { episodeId, ...create },
        { ...tests, date: "2026-01-10", redFlagsScreened: "yes", ...raw },
        today,
      ),
    ).toEqual({
      status: "invalid",
      fieldErrors,
    });
    expect(await t.prisma.assessment.count()).toBe(before);
  });

  it("a positive squeeze test raises RED_FLAG by itself; an unscreened visit keeps it; a screen that finds none clears it", async () => {
    const redFlag = () =>
      t.prisma.flag.findFirst({ where: { episodeId, code: "RED_FLAG", status: { not: "RESOLVED" } } });
    await saveAssessment(
      t.prisma,
      clinician,
      { episodeId, ...create },
      { ...tests, date: "2026-01-20", redFlagsScreened: "yes", calcanealSqueezePositive: "positive" },
      today,
    );
    expect((await redFlag())?.evidence).toEqual({
      assessmentDate: "2026-01-20",
      redFlags: ["POSITIVE_CALCANEAL_SQUEEZE"],
    });
    await saveAssessment(
      t.prisma,
      clinician,
      { episodeId, ...create },
      { ...tests, date: "2026-01-27", redFlagsScreened: "no", note: "Kort telefonopfølgning" },
      today,
    );
    expect((await redFlag())?.evidence).toEqual({
      assessmentDate: "2026-01-20",
      redFlags: ["POSITIVE_CALCANEAL_SQUEEZE"],
    });
    await saveAssessment(
      t.prisma,
      clinician,
      { episodeId, ...create },
      { ...tests, date: "2026-01-28", redFlagsScreened: "yes" },
      today,
    );
    expect(await redFlag()).toBeNull();
  });

  it("keeps a visit's first-step pain as its NRS measurement: created, corrected and deleted with the visit only", async () => {
    const saved = await saveAssessment(
      t.prisma,
      clinician,
      { episodeId, ...create },
      { ...tests, date: "2026-02-10", redFlagsScreened: "yes", firstStepPain: "6" },
      today,
    );
    const visitId = saved.status === "saved" ? saved.id : "";
    const measurement = () => t.prisma.outcomeMeasurement.findUniqueOrThrow({ where: { assessmentId: visitId } });
    expect(await measurement()).toMatchObject({
      instrument: "NRS_FIRST_STEP",
      recordedBy: "CLINICIAN",
      date: new Date("2026-02-10"),
      deletedAt: null,
    });
    expect(Number((await measurement()).value)).toBe(6);

    await saveAssessment(
      t.prisma,
      clinician,
      { episodeId, recordId: visitId },
      { ...tests, date: "2026-02-11", redFlagsScreened: "yes", firstStepPain: "4" },
      today,
    );
    expect(await measurement()).toMatchObject({ date: new Date("2026-02-11"), deletedAt: null });
    expect(Number((await measurement()).value)).toBe(4);
    expect(await listRevisions(t.prisma, clinician, "OutcomeMeasurement", (await measurement()).id)).toHaveLength(1);

    // The measurement itself is changed only through its visit.
    const id = (await measurement()).id;
    expect(
      await saveOutcome(
        t.prisma,
        clinician,
        { episodeId, recordId: id },
        { date: "2026-02-11", instrument: "NRS_FIRST_STEP", value: "9" },
        today,
      ),
    ).toEqual({
      status: "invalid",
      fieldErrors: { form: "linkedToVisit" },
    });
    expect(await deleteClinicalRecord(t.prisma, clinician, "OutcomeMeasurement", id, "Forkert")).toEqual({
      status: "invalid",
      fieldErrors: { form: "linkedToVisit" },
    });

    await saveAssessment(
      t.prisma,
      clinician,
      { episodeId, recordId: visitId },
      { ...tests, date: "2026-02-11", redFlagsScreened: "yes", firstStepPain: undefined },
      today,
    );
    expect((await measurement()).deletedAt).not.toBeNull();
    await saveAssessment(
      t.prisma,
      clinician,
      { episodeId, recordId: visitId },
      { ...tests, date: "2026-02-11", redFlagsScreened: "yes", firstStepPain: "5" },
      today,
    );
    expect(await measurement()).toMatchObject({ deletedAt: null });
    expect(await deleteClinicalRecord(t.prisma, clinician, "Assessment", visitId, "Forkert patient")).toEqual({
      status: "deleted",
    });
    expect(await measurement()).toMatchObject({ deleteReason: "Forkert patient" });
    expect((await measurement()).deletedAt).not.toBeNull();
  });

  it("records outcomes within each instrument's range and updates the summary", async () => {
    expect(
      await saveOutcome(
        t.prisma,
        clinician,
        { episodeId, ...create },
        { date: "2026-01-05", instrument: "LEFS", value: "81" },
        today,
      ),
    ).toEqual({
      status: "invalid",
      fieldErrors: { value: "outOfRange" },
    });
    expect(
      await saveOutcome(
        t.prisma,
        clinician,
        { episodeId, ...create },
        { date: "2026-01-05", instrument: "NRS_FIRST_STEP", value: "6.5" },
        today,
      ),
    ).toMatchObject({
      fieldErrors: { value: "wholeNumber" },
    });
    // An exponent is not a number a person types: "1e1" is refused, not read as 10.
    expect(
      await saveOutcome(
        t.prisma,
        clinician,
        { episodeId, ...create },
        { date: "2026-01-05", instrument: "NRS_FIRST_STEP", value: "1e1" },
        today,
      ),
    ).toMatchObject({
      fieldErrors: { value: "notANumber" },
    });
    // A percentage score as its questionnaire works it out is kept as the instrument is recorded.
    const ffi = await saveOutcome(
      t.prisma,
      clinician,
      { episodeId, ...create },
      { date: "2026-01-05", instrument: "FFI", value: "29,25" },
      today,
    );
    expect(ffi.status).toBe("saved");
    expect(
      Number((await t.prisma.outcomeMeasurement.findFirstOrThrow({ where: { episodeId, instrument: "FFI" } })).value),
    ).toBe(29.3);
    // Any number of decimals, as a calculator shows 10 of 30 (33,333… %): rounded, not refused.
    expect(
      await saveOutcome(
        t.prisma,
        clinician,
        { episodeId, ...create },
        { date: "2026-01-05", instrument: "FAAM_SPORT", value: "33,33333333" },
        today,
      ),
    ).toMatchObject({ status: "saved" });
    expect(
      Number(
        (await t.prisma.outcomeMeasurement.findFirstOrThrow({ where: { episodeId, instrument: "FAAM_SPORT" } })).value,
      ),
    ).toBe(33.3);
    await saveOutcome(
      t.prisma,
      clinician,
      { episodeId, ...create },
      { date: "2026-01-05", instrument: "NRS_FIRST_STEP", value: "7" },
      today,
    );
    const latest = await saveOutcome(
      t.prisma,
      clinician,
      { episodeId, ...create },
      { date: "2026-02-02", instrument: "NRS_FIRST_STEP", value: "4" },
      today,
    );
    expect(latest.status).toBe("saved");
    expect(Number((await summary()).latestPain)).toBe(4);
    const row = await t.prisma.outcomeMeasurement.findFirstOrThrow({ where: { episodeId, value: 4 } });
    expect(row.recordedBy).toBe("CLINICIAN");
  });

  it("keeps PSFS activities in the patient's words and stores their mean", async () => {
    const result = await saveOutcome(
      t.prisma,
      clinician,
      { episodeId, ...create },
      {
        date: "2026-01-05",
        instrument: "PSFS",
        psfs: [{ activity: "Gå med hunden", score: "4" }, { activity: "Stå i køkkenet", score: "7" }, {}],
      },
      today,
    );
    const row = await t.prisma.outcomeMeasurement.findUniqueOrThrow({
      where: { id: result.status === "saved" ? result.id : "" },
    });
    expect(Number(row.value)).toBe(5.5);
    expect(row.psfsItems).toEqual([
      { activity: "Gå med hunden", score: 4 },
      { activity: "Stå i køkkenet", score: 7 },
    ]);
    expect(
      await saveOutcome(
        t.prisma,
        clinician,
        { episodeId, ...create },
        { date: "2026-01-05", instrument: "PSFS", psfs: [{ activity: "Løbe", score: "12" }] },
        today,
      ),
    ).toEqual({ status: "invalid", fieldErrors: { "psfs.0.score": "outOfRange" } });
    // Corrected into another instrument, the activities go.
    await saveOutcome(
      t.prisma,
      clinician,
      { episodeId, recordId: row.id },
      { date: "2026-01-05", instrument: "LEFS", value: "40" },
      today,
    );
    expect(await t.prisma.outcomeMeasurement.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      instrument: "LEFS",
      psfsItems: null,
    });
  });

  it("keeps the earlier version when an outcome is corrected, with who and when", async () => {
    const created = await saveOutcome(
      t.prisma,
      clinician,
      { episodeId, ...create },
      { date: "2026-02-16", instrument: "NRS_FIRST_STEP", value: "5" },
      today,
    );
    const id = created.status === "saved" ? created.id : "";
    expect(Number((await summary()).latestPain)).toBe(5);
    await saveOutcome(
      t.prisma,
      clinician,
      { episodeId, recordId: id },
      { date: "2026-02-16", instrument: "NRS_FIRST_STEP", value: "3" },
      today,
    );
    expect(Number((await t.prisma.outcomeMeasurement.findUniqueOrThrow({ where: { id } })).value)).toBe(3);
    expect(Number((await summary()).latestPain)).toBe(3);
    const history = await listRevisions(t.prisma, clinician, "OutcomeMeasurement", id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      action: "UPDATE",
      changedById: clinician.userId,
      snapshot: expect.objectContaining({ value: "5" }),
    });
    expect(await t.prisma.auditEvent.count({ where: { entityId: id } })).toBe(3); // create, update, read of history
  });

  it("soft-deletes with a reason only, and the summary forgets the value", async () => {
    const created = await saveOutcome(
      t.prisma,
      clinician,
      { episodeId, ...create },
      { date: "2026-02-20", instrument: "NRS_FIRST_STEP", value: "9" },
      today,
    );
    const id = created.status === "saved" ? created.id : "";
    expect(Number((await summary()).latestPain)).toBe(9);
    expect(await deleteClinicalRecord(t.prisma, clinician, "OutcomeMeasurement", id, " ")).toEqual({
      status: "invalid",
      fieldErrors: { reason: "required" },
    });
    expect(
      await deleteClinicalRecord(t.prisma, clinician, "OutcomeMeasurement", id, "Indtastet på forkert patient"),
    ).toEqual({ status: "deleted" });
    const row = await t.prisma.outcomeMeasurement.findUniqueOrThrow({ where: { id } });
    expect(row.deletedAt).not.toBeNull();
    expect(row.deleteReason).toBe("Indtastet på forkert patient");
    expect(Number((await summary()).latestPain)).toBe(3);
    await expect(deleteClinicalRecord(t.prisma, clinician, "OutcomeMeasurement", id, "again")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("records interventions", async () => {
    const result = await saveIntervention(
      t.prisma,
      clinician,
      { episodeId, ...create },
      { date: "2026-02-01", type: "ORTHOSIS", note: "Hælkop" },
      today,
    );
    expect(result.status).toBe("saved");
    expect(
      await saveIntervention(
        t.prisma,
        clinician,
        { episodeId, ...create },
        { date: "2026-02-01", type: "MAGIC" },
        today,
      ),
    ).toEqual({
      status: "invalid",
      fieldErrors: { type: "invalidChoice" },
    });
  });

  it("answers not found for another clinic's episode or record", async () => {
    await expect(
      saveOutcome(
        t.prisma,
        outsider,
        { episodeId, ...create },
        { date: "2026-02-02", instrument: "FFI", value: "40" },
        today,
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const row = await t.prisma.outcomeMeasurement.findFirstOrThrow({ where: { episodeId, deletedAt: null } });
    await expect(
      saveOutcome(
        t.prisma,
        outsider,
        { episodeId, recordId: row.id },
        { date: "2026-02-02", instrument: "FFI", value: "40" },
        today,
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteClinicalRecord(t.prisma, outsider, "OutcomeMeasurement", row.id, "x")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(listRevisions(t.prisma, outsider, "OutcomeMeasurement", row.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("records a short follow-up that answers no test: its tests are not tested, and it saves", async () => {
    const result = await saveAssessment(
      t.prisma,
      clinician,
      { episodeId, ...create },
      { date: "2026-01-12", firstStepPain: "5", redFlagsScreened: "yes", differentialsExamined: "no" },
      today,
    );
    expect(result.status).toBe("saved");
    const row = await t.prisma.assessment.findFirstOrThrow({ where: { episodeId, date: new Date("2026-01-12") } });
    expect(row).toMatchObject({
      palpationPositive: null,
      windlassPositive: null,
      calcanealSqueezePositive: null,
      tinelPositive: null,
      redFlagsScreened: true,
      differentialsExamined: false,
    });
  });

  it("saves a day's measurements from one form: each filled instrument once, its errors on its own field, PSFS activities to the check-in", async () => {
    const patient = await createPatient(t.prisma, { clinicId: clinician.clinicId, clinicianId: clinician.userId });
    const { id } = await t.prisma.episode.create({
      data: {
        clinicId: clinician.clinicId,
        patientId: patient.id,
        side: "RIGHT",
        symptomOnset: new Date("2025-12-01"),
        treatmentStart: new Date("2026-02-01"),
      },
    });
    const psfs = [
      { activity: "Gå en 8-timers vagt", score: "3" },
      { activity: "Løbe 5 km", score: "1" },
    ];
    const rows = () =>
      t.prisma.outcomeMeasurement.findMany({
        where: { episodeId: id, deletedAt: null },
        orderBy: { instrument: "asc" },
      });

    // Nothing filled, and bad values: said on the fields, nothing saved.
    expect(await saveMeasurements(t.prisma, clinician, id, { date: "2026-02-01", measured: {} }, today)).toEqual({
      status: "invalid",
      fieldErrors: { form: "noMeasurement" },
    });
    expect(
      await saveMeasurements(
        t.prisma,
        clinician,
        id,
        { date: "2026-01-01", measured: { FAAM_ADL: "140", FFI: "48,5" }, psfs: [{ activity: "Gå" }] },
        today,
      ),
    ).toEqual({
      status: "invalid",
      fieldErrors: { date: "beforeEpisode", FAAM_ADL: "outOfRange", "psfs.0.score": "required" },
    });
    expect(await rows()).toHaveLength(0);

    const key = "3f0c1c2e-8d0a-4c36-9b52-2f3c3a4b5c6d";
    const input = {
      date: "2026-02-01",
      measured: { NRS_FIRST_STEP: "7", FAAM_ADL: "52,9", FAAM_SPORT: "31,25", FFI: "48,5", NRS_ACTIVITY: " " },
      psfs,
      idempotencyKey: key,
    };
    expect(await saveMeasurements(t.prisma, clinician, id, input, today)).toMatchObject({ status: "saved" });
    // Save pressed again after a lost answer: no second set.
    expect(await saveMeasurements(t.prisma, clinician, id, input, today)).toMatchObject({ status: "saved" });
    const saved = await rows();
    expect(saved.map((row) => [row.instrument, Number(row.value), row.recordedBy])).toEqual([
      ["NRS_FIRST_STEP", 7, "CLINICIAN"],
      ["FAAM_ADL", 52.9, "CLINICIAN"],
      ["FAAM_SPORT", 31.3, "CLINICIAN"],
      ["FFI", 48.5, "CLINICIAN"],
      ["PSFS", 2, "CLINICIAN"],
    ]);
    expect(
      await t.prisma.auditEvent.count({
        where: { entity: "OutcomeMeasurement", action: "CREATE", entityId: { in: saved.map((row) => row.id) } },
      }),
    ).toBe(5);
    // The weekly check-in asks about the activities the baseline named…
    const episode = await t.prisma.episode.findUniqueOrThrow({ where: { id } });
    expect(episode.psfsActivities).toEqual(["Gå en 8-timers vagt", "Løbe 5 km"]);
    // …and a later PSFS with other words does not replace what the clinic set for the check-in.
    await saveMeasurements(
      t.prisma,
      clinician,
      id,
      { date: "2026-02-20", measured: {}, psfs: [{ activity: "Gå til bussen", score: "6" }] },
      today,
    );
    expect((await t.prisma.episode.findUniqueOrThrow({ where: { id } })).psfsActivities).toEqual([
      "Gå en 8-timers vagt",
      "Løbe 5 km",
    ]);
    // Another clinic's clinician cannot reach the episode.
    await expect(saveMeasurements(t.prisma, outsider, id, input, today)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
