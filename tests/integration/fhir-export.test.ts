import type { Bundle, Condition, Observation, Patient, Resource, ServiceRequest } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "../../lib/platform/auth/actor";
import { isAppError } from "../../lib/platform/errors";
import { FHIR_SYSTEMS, patientBundle } from "../../lib/server/fhir/patient-bundle";
import { exportOwnRecord, exportPatientRecord } from "../../lib/server/records/patient-record";
import { seedDemoOnce } from "../../lib/server/seed/demo";
import { actorOf } from "../support/actors";
import { fhirValidator } from "../support/fhir-validator";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let clinician: Actor;
let stranger: Actor;
let portalPatient: Actor;
const now = new Date("2026-03-01T12:00:00.000Z");

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoOnce(t.prisma, new Date("2026-03-01T00:00:00.000Z"));
  const user = (email: string) => t.prisma.user.findUniqueOrThrow({ where: { email } });
  clinician = actorOf(await user("fysio@demo.dk"));
  stranger = actorOf(await user("fysio@anden.dk"));
  portalPatient = actorOf(await user("patient@demo.dk"));
}, 300_000);
afterAll(() => t.close());

const resources = (bundle: Bundle) => bundle.entry!.map((entry) => entry.resource!);
const ofType = <T extends Resource>(bundle: Bundle, type: T["resourceType"]) =>
  resources(bundle).filter((r): r is T => r.resourceType === type);

describe(`the FHIR R4 export on ${TEST_DB_KIND}`, () => {
  it("passes an independent FHIR R4 validator for every resource of every demo patient", async () => {
    const validate = await fhirValidator();
    // The validation can fail: a measurement without its status, a status and a gender FHIR
    // does not know, a date that does not exist, an element R4 does not have.
    for (const bad of [
      { resourceType: "Observation", code: { text: "x" } },
      { resourceType: "Observation", status: "done", code: { text: "x" } },
      { resourceType: "Patient", gender: "woman" },
      { resourceType: "Patient", birthDate: "1980-13-45" },
      { resourceType: "Patient", cpr: "0101801234" },
      // A referral with an intent R4 does not know, or a contained practice with a malformed identifier.
      { resourceType: "ServiceRequest", status: "active", intent: "referral", subject: { reference: "urn:uuid:x" } },
      {
        resourceType: "ServiceRequest",
        status: "active",
        intent: "order",
        subject: { reference: "urn:uuid:x" },
        contained: [{ resourceType: "Organization", id: "practice", identifier: "5790001234567" }],
      },
    ])
      expect(validate(bad as unknown as Resource), JSON.stringify(bad)).not.toEqual([]);
    const patients = await t.prisma.patient.findMany({ select: { id: true, clinicId: true } });
    const clinicians = { [clinician.clinicId]: clinician, [stranger.clinicId]: stranger };
    let checked = 0;
    const problems: string[] = [];
    for (const { id, clinicId } of patients) {
      const bundle = patientBundle(await exportPatientRecord(t.prisma, clinicians[clinicId]!, id, "fhir"), "da", now);
      for (const resource of [bundle, ...resources(bundle)]) {
        problems.push(...validate(resource).map((problem) => `${resource.resourceType}/${resource.id} ${problem}`));
        checked += 1;
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(500);
    console.log(
      `FHIR export on ${TEST_DB_KIND}: ${checked} resources of ${patients.length} demo patients, every one valid FHIR R4.`,
    );
  });

  it("holds the CPR number as the Patient's identifier, plantar fasciitis coded, and pain with LOINC", async () => {
    const peter = await t.prisma.patient.findFirstOrThrow({ where: { name: "Peter Patient" } });
    const bundle = patientBundle(await exportPatientRecord(t.prisma, clinician, peter.id, "fhir"), "en", now);
    const [patient] = ofType<Patient>(bundle, "Patient");
    expect(patient!.identifier).toEqual([
      { use: "official", system: "urn:oid:1.2.208.176.1.2", value: expect.stringMatching(/^\d{10}$/) },
    ]);
    expect(patient!.identifier![0]!.value!.slice(0, 6)).toBe(
      `${peter.dateOfBirth.toISOString().slice(8, 10)}${peter.dateOfBirth.toISOString().slice(5, 7)}${peter.dateOfBirth.toISOString().slice(2, 4)}`,
    );
    const [condition] = ofType<Condition>(bundle, "Condition");
    expect(condition!.code!.coding).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ system: FHIR_SYSTEMS.icd10, code: "M72.2" }),
        expect.objectContaining({ system: FHIR_SYSTEMS.snomed, code: "202882003" }),
      ]),
    );
    const observations = ofType<Observation>(bundle, "Observation");
    const pain = observations.find((o) => o.code.coding?.some((c) => c.code === "NRS_FIRST_STEP"))!;
    expect(pain.code.coding).toEqual(
      expect.arrayContaining([expect.objectContaining({ system: FHIR_SYSTEMS.loinc, code: "72514-3" })]),
    );
    expect(pain.valueQuantity).toMatchObject({ system: FHIR_SYSTEMS.ucum, code: "{score}" });
    // One Observation per live measurement, one CarePlan per assignment.
    const episodeIds = (await t.prisma.episode.findMany({ where: { patientId: peter.id }, select: { id: true } })).map(
      (e) => e.id,
    );
    expect(observations).toHaveLength(
      await t.prisma.outcomeMeasurement.count({ where: { episodeId: { in: episodeIds }, deletedAt: null } }),
    );
    expect(ofType(bundle, "CarePlan")).toHaveLength(
      await t.prisma.programAssignment.count({ where: { episodeId: { in: episodeIds } } }),
    );
  });

  it("carries the episode's referral as a ServiceRequest: the REF07 id, the doctor, the practice's location number, ICD-10", async () => {
    const peter = await t.prisma.patient.findFirstOrThrow({ where: { name: "Peter Patient" } });
    const bundle = patientBundle(await exportPatientRecord(t.prisma, clinician, peter.id, "fhir"), "da", now);
    const [request] = ofType<ServiceRequest>(bundle, "ServiceRequest");
    const [condition] = ofType<Condition>(bundle, "Condition");
    expect(request).toMatchObject({
      status: "active",
      intent: "order",
      subject: { reference: `urn:uuid:${peter.id}` },
      identifier: [{ system: "urn:ietf:rfc:3986", value: "urn:uuid:6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f" }],
      authoredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      requester: { reference: "#requester", display: "Anne Holm" },
      reasonCode: [
        { coding: [{ system: FHIR_SYSTEMS.icd10, code: "M72.2" }], text: expect.stringContaining("Hælsmerter") },
      ],
      reasonReference: [{ reference: `urn:uuid:${condition!.id}` }],
    });
    expect(request!.contained).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ resourceType: "Practitioner", name: [{ text: "Anne Holm" }] }),
        expect.objectContaining({
          resourceType: "Organization",
          name: "Lægerne i Vestergade",
          identifier: [{ system: "https://www.gs1.org/gln", value: "5790001234567" }],
        }),
      ]),
    );
    // Only the episode with a referral has one.
    const unreferred = await t.prisma.patient.findFirstOrThrow({
      where: { clinicId: clinician.clinicId, episodes: { some: {}, every: { referral: { is: null } } } },
    });
    const other = patientBundle(await exportPatientRecord(t.prisma, clinician, unreferred.id, "fhir"), "da", now);
    expect(ofType(other, "ServiceRequest")).toEqual([]);
  });

  it("is audited, kept within the clinic, and the patient's own from the portal", async () => {
    const peter = await t.prisma.patient.findFirstOrThrow({ where: { name: "Peter Patient" } });
    const before = await t.prisma.auditEvent.count({
      where: { action: "EXPORT", entity: "PatientRecordFhir", entityId: peter.id },
    });
    await exportPatientRecord(t.prisma, clinician, peter.id, "fhir");
    expect(
      await t.prisma.auditEvent.count({ where: { action: "EXPORT", entity: "PatientRecordFhir", entityId: peter.id } }),
    ).toBe(before + 1);
    await expect(exportPatientRecord(t.prisma, stranger, peter.id, "fhir")).rejects.toSatisfy((e) =>
      isAppError(e, "NOT_FOUND"),
    );
    await expect(exportPatientRecord(t.prisma, portalPatient, peter.id, "fhir")).rejects.toSatisfy((e) =>
      isAppError(e, "NOT_FOUND"),
    );
    const own = await exportOwnRecord(t.prisma, portalPatient, "print");
    expect(own.id).toBe(peter.id);
    expect(
      await t.prisma.auditEvent.count({
        where: { actorId: portalPatient.userId, action: "EXPORT", entity: "PatientRecordPrint", entityId: peter.id },
      }),
    ).toBe(1);
    await expect(exportOwnRecord(t.prisma, clinician, "fhir")).rejects.toSatisfy((e) => isAppError(e, "NOT_FOUND"));
  });
});
