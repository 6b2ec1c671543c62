import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/actor";
import { deleteClinicalRecord, listRevisions } from "../../lib/records/clinical-records";
import { saveAssessment, saveIntervention, saveOutcome } from "../../lib/records/record-services";
import { createClinic, createPatient, createUser } from "../../lib/seed/builders";
import { actorOf } from "../support/actors";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let clinician: Actor;
let outsider: Actor;
let episodeId: string;
const today = () => new Date("2026-03-01T00:00:00.000Z");
const create = { recordId: null };

beforeAll(async () => {
  t = await createTestDatabase();
  const clinic = await createClinic(t.prisma);
  clinician = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "CLINICIAN" }));
  outsider = actorOf(await createUser(t.prisma, { clinicId: (await createClinic(t.prisma)).id, role: "CLINICIAN" }));
  const patient = await createPatient(t.prisma, { clinicId: clinic.id, clinicianId: clinician.userId });
  episodeId = (
    await t.prisma.episode.create({
      data: { clinicId: clinic.id, patientId: patient.id, side: "LEFT", symptomOnset: new Date("2025-12-01"), treatmentStart: new Date("2026-01-05") },
    })
  ).id;
});
afterAll(() => t.close());

const summary = () => t.prisma.episode.findUniqueOrThrow({ where: { id: episodeId } });

describe(`clinical records on ${TEST_DB_KIND}`, () => {
  it("records an assessment with red flags, findings and risk factors", async () => {
    const result = await saveAssessment(t.prisma, clinician, { episodeId, ...create }, {
      date: "2026-01-05", painLocation: "MEDIAL_HEEL", firstStepPain: "7", palpationPositive: "yes", windlassPositive: "no",
      redFlags: ["NEURO_SYMPTOMS", "NEURO_SYMPTOMS"], findings: ["POSTERIOR_HEEL_PAIN"], recentLoadChange: "on",
      runningKmPerWeek: "25,5", shoeAgeKm: "900", walkToleranceMin: "20", walkNextMorningWorse: "yes", note: "Løber 3x om ugen",
    }, today);
    expect(result.status).toBe("saved");
    const row = await t.prisma.assessment.findUniqueOrThrow({ where: { id: result.status === "saved" ? result.id : "" } });
    expect(row).toMatchObject({
      firstStepPain: 7, palpationPositive: true, windlassPositive: false, redFlags: ["NEURO_SYMPTOMS"], findings: ["POSTERIOR_HEEL_PAIN"],
      walkToleranceMin: 20, walkNextMorningWorse: true, recordedById: clinician.userId,
      riskFactors: { recentLoadChange: true, calfTightness: false, runningKmPerWeek: 25.5, shoeAgeKm: 900 },
    });
    expect((await summary()).lastVisit).toEqual(new Date("2026-01-05"));
  });

  it.each([
    ["a red flag code that does not exist", { date: "2026-01-10", redFlags: ["HEADACHE"] }, { redFlags: "invalidChoice" }],
    ["a date before the episode", { date: "2026-01-04" }, { date: "beforeEpisode" }],
    ["a date in the future", { date: "2026-03-02" }, { date: "futureDate" }],
    ["pain out of range", { date: "2026-01-10", firstStepPain: "11" }, { firstStepPain: "outOfRange" }],
  ])("refuses an assessment with %s and saves nothing", async (_case, raw, fieldErrors) => {
    const before = await t.prisma.assessment.count();
    expect(await saveAssessment(t.prisma, clinician, { episodeId, ...create }, raw, today)).toEqual({ status: "invalid", fieldErrors });
    expect(await t.prisma.assessment.count()).toBe(before);
  });

  it("records outcomes within each instrument's range and updates the summary", async () => {
    expect(await saveOutcome(t.prisma, clinician, { episodeId, ...create }, { date: "2026-01-05", instrument: "LEFS", value: "81" }, today)).toEqual({
      status: "invalid", fieldErrors: { value: "outOfRange" },
    });
    expect(await saveOutcome(t.prisma, clinician, { episodeId, ...create }, { date: "2026-01-05", instrument: "NRS_FIRST_STEP", value: "6.5" }, today)).toMatchObject({
      fieldErrors: { value: "outOfRange" },
    });
    await saveOutcome(t.prisma, clinician, { episodeId, ...create }, { date: "2026-01-05", instrument: "NRS_FIRST_STEP", value: "7" }, today);
    const latest = await saveOutcome(t.prisma, clinician, { episodeId, ...create }, { date: "2026-02-02", instrument: "NRS_FIRST_STEP", value: "4" }, today);
    expect(latest.status).toBe("saved");
    expect(Number((await summary()).latestPain)).toBe(4);
    const row = await t.prisma.outcomeMeasurement.findFirstOrThrow({ where: { episodeId, value: 4 } });
    expect(row.recordedBy).toBe("CLINICIAN");
  });

  it("keeps PSFS activities in the patient's words and stores their mean", async () => {
    const result = await saveOutcome(t.prisma, clinician, { episodeId, ...create }, {
      date: "2026-01-05", instrument: "PSFS",
      psfs: [{ activity: "Gå med hunden", score: "4" }, { activity: "Stå i køkkenet", score: "7" }, {}],
    }, today);
    const row = await t.prisma.outcomeMeasurement.findUniqueOrThrow({ where: { id: result.status === "saved" ? result.id : "" } });
    expect(Number(row.value)).toBe(5.5);
    expect(row.psfsItems).toEqual([{ activity: "Gå med hunden", score: 4 }, { activity: "Stå i køkkenet", score: 7 }]);
    expect(await saveOutcome(t.prisma, clinician, { episodeId, ...create }, { date: "2026-01-05", instrument: "PSFS", psfs: [{ activity: "Løbe", score: "12" }] }, today))
      .toEqual({ status: "invalid", fieldErrors: { "psfs.0.score": "outOfRange" } });
    // Corrected into another instrument, the activities go.
    await saveOutcome(t.prisma, clinician, { episodeId, recordId: row.id }, { date: "2026-01-05", instrument: "LEFS", value: "40" }, today);
    expect(await t.prisma.outcomeMeasurement.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ instrument: "LEFS", psfsItems: null });
  });

  it("keeps the earlier version when an outcome is corrected, with who and when", async () => {
    const created = await saveOutcome(t.prisma, clinician, { episodeId, ...create }, { date: "2026-02-16", instrument: "NRS_FIRST_STEP", value: "5" }, today);
    const id = created.status === "saved" ? created.id : "";
    expect(Number((await summary()).latestPain)).toBe(5);
    await saveOutcome(t.prisma, clinician, { episodeId, recordId: id }, { date: "2026-02-16", instrument: "NRS_FIRST_STEP", value: "3" }, today);
    expect(Number((await t.prisma.outcomeMeasurement.findUniqueOrThrow({ where: { id } })).value)).toBe(3);
    expect(Number((await summary()).latestPain)).toBe(3);
    const history = await listRevisions(t.prisma, clinician, "OutcomeMeasurement", id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: "UPDATE", changedById: clinician.userId, snapshot: expect.objectContaining({ value: "5" }) });
    expect(await t.prisma.auditEvent.count({ where: { entityId: id } })).toBe(3); // create, update, read of history
  });

  it("soft-deletes with a reason only, and the summary forgets the value", async () => {
    const created = await saveOutcome(t.prisma, clinician, { episodeId, ...create }, { date: "2026-02-20", instrument: "NRS_FIRST_STEP", value: "9" }, today);
    const id = created.status === "saved" ? created.id : "";
    expect(Number((await summary()).latestPain)).toBe(9);
    expect(await deleteClinicalRecord(t.prisma, clinician, "OutcomeMeasurement", id, " ")).toEqual({ status: "invalid", fieldErrors: { reason: "required" } });
    expect(await deleteClinicalRecord(t.prisma, clinician, "OutcomeMeasurement", id, "Indtastet på forkert patient")).toEqual({ status: "deleted" });
    const row = await t.prisma.outcomeMeasurement.findUniqueOrThrow({ where: { id } });
    expect(row.deletedAt).not.toBeNull();
    expect(row.deleteReason).toBe("Indtastet på forkert patient");
    expect(Number((await summary()).latestPain)).toBe(3);
    await expect(deleteClinicalRecord(t.prisma, clinician, "OutcomeMeasurement", id, "again")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("records interventions", async () => {
    const result = await saveIntervention(t.prisma, clinician, { episodeId, ...create }, { date: "2026-02-01", type: "ORTHOSIS", note: "Hælkop" }, today);
    expect(result.status).toBe("saved");
    expect(await saveIntervention(t.prisma, clinician, { episodeId, ...create }, { date: "2026-02-01", type: "MAGIC" }, today)).toEqual({
      status: "invalid", fieldErrors: { type: "invalidChoice" },
    });
  });

  it("answers not found for another clinic's episode or record", async () => {
    await expect(saveOutcome(t.prisma, outsider, { episodeId, ...create }, { date: "2026-02-02", instrument: "FFI", value: "40" }, today)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const row = await t.prisma.outcomeMeasurement.findFirstOrThrow({ where: { episodeId, deletedAt: null } });
    await expect(saveOutcome(t.prisma, outsider, { episodeId, recordId: row.id }, { date: "2026-02-02", instrument: "FFI", value: "40" }, today)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteClinicalRecord(t.prisma, outsider, "OutcomeMeasurement", row.id, "x")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listRevisions(t.prisma, outsider, "OutcomeMeasurement", row.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
