import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { Actor } from "../../lib/auth/actor";
import { addDays, today } from "../../lib/dates";
import { getCurrentPrescription } from "../../lib/programs/current-prescription";
import { DEFAULT_TEMPLATES } from "../../lib/programs/default-templates";
import { createClinic, createPatient, createUser } from "../../lib/seed/builders";
import { actorOf } from "../support/actors";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let clinician: Actor;
let outsider: Actor;
let episodeId: string;
const now = today();

beforeAll(async () => {
  t = await createTestDatabase();
  const clinic = await createClinic(t.prisma);
  clinician = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "CLINICIAN" }));
  outsider = actorOf(await createUser(t.prisma, { clinicId: (await createClinic(t.prisma)).id, role: "CLINICIAN" }));
  const patient = await createPatient(t.prisma, { clinicId: clinic.id, clinicianId: clinician.userId });
  const start = addDays(now, -22); // week 4 today
  episodeId = (await t.prisma.episode.create({ data: { clinicId: clinic.id, patientId: patient.id, side: "LEFT", symptomOnset: start, treatmentStart: start } })).id;
  const hsr = DEFAULT_TEMPLATES.find((template) => template.key === "hsr-12-weeks")!;
  const templateId = (await t.prisma.programTemplate.create({ data: { clinicId: clinic.id, key: hsr.key, kind: hsr.kind, name: hsr.name, content: hsr.content } })).id;
  const assignment = await t.prisma.programAssignment.create({
    data: { clinicId: clinic.id, episodeId, templateId, kind: "HSR", startDate: start, sessionsPerWeek: 3, content: hsr.content },
  });
  // Weeks 1–3 complete, but the first session of week 3 hurt (pain 5): week 4 holds.
  await t.prisma.sessionLog.createMany({
    data: [0, 2, 4, 7, 9, 11, 14, 16, 18].map((d) => ({
      clinicId: clinic.id, episodeId, assignmentId: assignment.id, clientId: randomUUID(), kind: "HSR" as const,
      date: addDays(start, d), exercise: "HEEL_RAISE_TOWEL", sets: 3, reps: 12, painDuring: d === 14 ? 5 : 2, completed: true,
    })),
  });
});
afterAll(() => t.close());

describe(`current prescription on ${TEST_DB_KIND}`, () => {
  it("comes from the stored assignment, its logs and the pain rule", async () => {
    const prescription = await getCurrentPrescription(t.prisma, clinician, episodeId, now);
    expect(prescription).toMatchObject({ week: 4, phase: 1, reason: "HELD_LOAD_RESPONSE", sets: 3, reps: [12, 12] });
    expect(prescription?.weeks.map((w) => [w.week, w.completed, w.loadResponse])).toEqual([[1, 3, false], [2, 3, false], [3, 3, true], [4, 0, false]]);
  });

  it("is nothing for another clinic", async () => {
    expect(await getCurrentPrescription(t.prisma, outsider, episodeId, now)).toBeNull();
  });
});
