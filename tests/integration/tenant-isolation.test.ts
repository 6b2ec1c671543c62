import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "../../lib/platform/auth/actor";
import { isAppError } from "../../lib/platform/errors";
import { getPatient } from "../../lib/server/patients/get-patient";
import { getPortalOverview } from "../../lib/server/portal/portal-overview";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let clinicianA: Actor;
let clinicianB: Actor;
let adminA: Actor;
let portalUserA: Actor;
let patientA: { id: string };
let otherPatientA: { id: string };
let patientB: { id: string };

beforeAll(async () => {
  t = await createTestDatabase();
  const clinicA = await createClinic(t.prisma);
  const clinicB = await createClinic(t.prisma);
  clinicianA = actorOf(await createUser(t.prisma, { clinicId: clinicA.id, role: "CLINICIAN" }));
  adminA = actorOf(await createUser(t.prisma, { clinicId: clinicA.id, role: "ADMIN" }));
  clinicianB = actorOf(await createUser(t.prisma, { clinicId: clinicB.id, role: "CLINICIAN" }));
  portalUserA = actorOf(await createUser(t.prisma, { clinicId: clinicA.id, role: "PATIENT" }));
  patientA = await createPatient(t.prisma, {
    clinicId: clinicA.id,
    clinicianId: clinicianA.userId,
    portalUserId: portalUserA.userId,
  });
  otherPatientA = await createPatient(t.prisma, { clinicId: clinicA.id, clinicianId: clinicianA.userId });
  patientB = await createPatient(t.prisma, { clinicId: clinicB.id, clinicianId: clinicianB.userId });
});
afterAll(() => t.close());

const expectNotFound = (promise: Promise<unknown>) =>
  expect(
    promise.then(
      () => "found",
      (error: unknown) => (isAppError(error, "NOT_FOUND") ? "not found" : error),
    ),
  ).resolves.toBe("not found");

describe(`clinic scoping on ${TEST_DB_KIND}`, () => {
  it("gives a clinician their own clinic's patient and audits the read", async () => {
    const patient = await getPatient(t.prisma, clinicianA, patientA.id);
    expect(patient.id).toBe(patientA.id);
    const audit = await t.prisma.auditEvent.findMany({ where: { actorId: clinicianA.userId, entityId: patientA.id } });
    expect(audit).toEqual([
      expect.objectContaining({ action: "READ", entity: "Patient", clinicId: clinicianA.clinicId, ip: "127.0.0.1" }),
    ]);
  });

  it("answers not found to a clinician asking for another clinic's patient, and audits nothing", async () => {
    await expectNotFound(getPatient(t.prisma, clinicianA, patientB.id));
    await expectNotFound(getPatient(t.prisma, clinicianB, patientA.id));
    expect(await t.prisma.auditEvent.count({ where: { entityId: patientB.id } })).toBe(0);
  });

  it("answers not found to an id that does not exist", async () => {
    await expectNotFound(getPatient(t.prisma, adminA, "00000000-0000-4000-8000-000000000000"));
  });

  it("lets a patient see only their own record", async () => {
    expect((await getPatient(t.prisma, portalUserA, patientA.id)).id).toBe(patientA.id);
    await expectNotFound(getPatient(t.prisma, portalUserA, otherPatientA.id));
    await expectNotFound(getPatient(t.prisma, portalUserA, patientB.id));
    expect((await getPortalOverview(t.prisma, portalUserA, new Date()))?.patient.id).toBe(patientA.id);
  });

  it("refuses the portal read to clinicians", async () => {
    await expectNotFound(getPortalOverview(t.prisma, clinicianA, new Date()));
  });
});
