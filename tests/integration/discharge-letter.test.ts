import type { Bundle, Composition, Resource } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "../../lib/platform/auth/actor";
import { addDays, isoDate } from "../../lib/platform/dates";
import { isAppError } from "../../lib/platform/errors";
import { dischargeEpisode } from "../../lib/server/episodes/discharge-episode";
import { readEpisodeState } from "../../lib/server/episodes/episode-state";
import { letterDocumentBundle } from "../../lib/server/fhir/letter-composition";
import { patientBundle } from "../../lib/server/fhir/patient-bundle";
import {
  correctLetter,
  createLetterDraft,
  getEpisodeLetter,
  getLetterDocument,
  saveLetterDraft,
  signLetter,
} from "../../lib/server/letters/discharge-letters";
import { letterFacts } from "../../lib/server/letters/letter-facts";
import { progressOverview } from "../../lib/server/patients/progress-overview";
import { exportOwnRecord, exportPatientRecord } from "../../lib/server/records/patient-record";
import { purgeExpiredRecords } from "../../lib/server/retention/purge";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { fhirValidator } from "../support/fhir-validator";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let clinician: Actor;
let admin: Actor;
let stranger: Actor;
let patientActor: Actor;
let patientId: string;
let episodeId: string;
const REFERENCE_ID = "3f1c2a4e-9b7d-4c1e-8a2f-5d6e7f809a1b";
const today = new Date(`${isoDate(new Date())}T00:00:00.000Z`);
const start = addDays(today, -70);

/** The signed versions the patient's own record (the portal's) holds; the portal shows the last of each episode. */
const ownVersions = async () =>
  (await exportOwnRecord(t.prisma, patientActor, "print")).episodes.flatMap((e) => e.letters.map((l) => l.version));

const refused = async (promise: Promise<unknown>, code: "NOT_FOUND" | "CONFLICT") => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error, code), String(error)).toBe(true);
};

beforeAll(async () => {
  t = await createTestDatabase();
  const clinic = await createClinic(t.prisma, {
    name: "Fysio Nord",
    address: "Havnegade 3, 9000 Aalborg",
    phone: "98 12 34 56",
    cvr: "12345678",
    locationNumber: "5790001234567",
  });
  clinician = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "CLINICIAN", name: "Frida Fysio" }));
  admin = actorOf(await createUser(t.prisma, { clinicId: clinic.id, role: "ADMIN" }));
  const other = await createClinic(t.prisma, { name: "Fysio Syd" });
  stranger = actorOf(await createUser(t.prisma, { clinicId: other.id, role: "CLINICIAN" }));
  const portalUser = await createUser(t.prisma, { clinicId: clinic.id, role: "PATIENT" });
  patientActor = actorOf(portalUser);
  const patient = await createPatient(t.prisma, {
    clinicId: clinic.id,
    clinicianId: clinician.userId,
    portalUserId: portalUser.id,
    name: "Karen Lund",
    cpr: "0101801234",
    dateOfBirth: new Date("1980-01-01T00:00:00.000Z"),
  });
  patientId = patient.id;
  const episode = await t.prisma.episode.create({
    data: { clinicId: clinic.id, patientId, side: "RIGHT", symptomOnset: addDays(start, -60), treatmentStart: start },
  });
  episodeId = episode.id;
  await t.prisma.patient.update({ where: { id: patientId }, data: { currentEpisodeId: episodeId } });
  await t.prisma.referral.create({
    data: {
      clinicId: clinic.id,
      episodeId,
      referenceId: REFERENCE_ID,
      referralDate: addDays(start, -7),
      doctorName: "Læge Jens Holm",
      practice: "Lægehuset Nord",
      diagnosisText: "Hælspore højre fod",
      icd10Code: "M77.3",
    },
  });
  const base = { clinicId: clinic.id, episodeId, recordedById: clinician.userId };
  await t.prisma.assessment.createMany({
    data: [0, 35, 70].map((day) => ({
      ...base,
      date: addDays(start, day),
      redFlagsScreened: true,
      redFlags: [],
      differentialsExamined: true,
      findings: [],
      palpationPositive: true,
      windlassPositive: true,
    })),
  });
  await t.prisma.outcomeMeasurement.createMany({
    data: [
      [0, "NRS_FIRST_STEP", 7],
      [35, "NRS_FIRST_STEP", 4],
      [70, "NRS_FIRST_STEP", 2],
      [0, "FAAM_ADL", 55.5],
      [70, "FAAM_ADL", 82],
    ].map(([day, instrument, value]) => ({
      ...base,
      recordedBy: "CLINICIAN" as const,
      date: addDays(start, day as number),
      instrument: instrument as "NRS_FIRST_STEP" | "FAAM_ADL",
      value: value as number,
    })),
  });
  await t.prisma.intervention.create({ data: { ...base, date: addDays(start, 14), type: "ORTHOSIS" } });
}, 120_000);
afterAll(() => t.close());

describe(`the discharge letter on ${TEST_DB_KIND}`, () => {
  it("is drafted only for a discharged episode, from the same derived state as the patient page", async () => {
    await refused(createLetterDraft(t.prisma, clinician, patientId, episodeId), "CONFLICT");
    expect(await t.prisma.dischargeLetter.count()).toBe(0);
    // Discharged through the service the product uses, which stores the derived state.
    expect(
      await dischargeEpisode(
        t.prisma,
        clinician,
        episodeId,
        { date: isoDate(today), reason: "RECOVERED" },
        () => today,
      ),
    ).toEqual({ status: "discharged", episodeId });

    const episode = await t.prisma.episode.findUniqueOrThrow({ where: { id: episodeId }, include: { referral: true } });
    const facts = await letterFacts(t.prisma, episode, "da");
    const read = await readEpisodeState(t.prisma, episodeId, episode.dischargedAt!);
    const progress = progressOverview(read!.state.judged);
    expect(facts.pain).toEqual(progress.pain);
    expect(facts.function).toEqual(progress.function);
    expect(facts.pain).toMatchObject({ baseline: 7, latest: 2, verdict: "IMPROVED" });
    // The caseload's stored trend says the same.
    expect(episode.painTrend).toBe("IMPROVING");
    expect(facts).toMatchObject({ visits: 3, redFlagsScreened: true, redFlags: [], standingAtDischarge: [] });

    await createLetterDraft(t.prisma, clinician, patientId, episodeId);
    await refused(createLetterDraft(t.prisma, clinician, patientId, episodeId), "CONFLICT");
    const { versions } = await getEpisodeLetter(t.prisma, clinician, patientId, episodeId);
    expect(versions).toHaveLength(1);
    const [draft] = versions;
    expect(draft).toMatchObject({
      version: 1,
      locale: "da",
      recipientKind: "REFERRING_DOCTOR",
      recipientName: "Læge Jens Holm",
      signedAt: null,
    });
    expect(draft!.sections.reason).toContain(`Henvisningens id: ${REFERENCE_ID}.`);
    expect(draft!.sections.result).toContain("7 (");
    expect(draft!.sections.result).toContain("bedret betydeligt");
    expect(draft!.sections.result).toContain("55,5");
    expect(draft!.sections.findings).toContain("Ingen røde flag fundet");
  });

  it("refuses an empty section on its own field and changes nothing; saves an edit", async () => {
    const before = (await getEpisodeLetter(t.prisma, clinician, patientId, episodeId)).versions[0]!.sections;
    const bad = await saveLetterDraft(t.prisma, clinician, patientId, episodeId, 1, { ...before, reason: undefined });
    expect(bad).toEqual({ status: "invalid", fieldErrors: { reason: "required" } });
    expect((await getEpisodeLetter(t.prisma, clinician, patientId, episodeId)).versions[0]!.sections).toEqual(before);
    expect(
      await saveLetterDraft(t.prisma, admin, patientId, episodeId, 1, { ...before, advice: "Fortsæt hælløft." }),
    ).toEqual({ status: "saved" });
    expect((await getEpisodeLetter(t.prisma, clinician, patientId, episodeId)).versions[0]!.sections.advice).toBe(
      "Fortsæt hælløft.",
    );
  });

  it("is read-only once signed, and another clinic finds nothing", async () => {
    expect(await ownVersions()).toEqual([]);
    await signLetter(t.prisma, clinician, patientId, episodeId, 1, new Date());
    const signed = (await getEpisodeLetter(t.prisma, clinician, patientId, episodeId)).versions[0]!;
    expect(signed.signedBy?.name).toBe("Frida Fysio");
    await refused(
      saveLetterDraft(t.prisma, clinician, patientId, episodeId, 1, { ...signed.sections, advice: "Ændret." }),
      "CONFLICT",
    );
    await refused(signLetter(t.prisma, clinician, patientId, episodeId, 1, new Date()), "CONFLICT");
    expect((await getEpisodeLetter(t.prisma, clinician, patientId, episodeId)).versions[0]!.sections).toEqual(
      signed.sections,
    );
    // One at a time: a call started before the one ahead is awaited would reject unhandled.
    for (const attempt of [
      () => getEpisodeLetter(t.prisma, stranger, patientId, episodeId),
      () => getLetterDocument(t.prisma, stranger, patientId, episodeId, 1, "print"),
      () => saveLetterDraft(t.prisma, stranger, patientId, episodeId, 1, signed.sections),
      () => signLetter(t.prisma, stranger, patientId, episodeId, 1, new Date()),
      () => correctLetter(t.prisma, stranger, patientId, episodeId, { correctionReason: "x" }),
    ])
      await refused(attempt(), "NOT_FOUND");
    // The patient sees the signed letter.
    expect(await ownVersions()).toEqual([1]);
  });

  it("is corrected into version 2 with its reason, keeping version 1; the patient never sees the draft", async () => {
    expect(await correctLetter(t.prisma, clinician, patientId, episodeId, {})).toEqual({
      status: "invalid",
      fieldErrors: { correctionReason: "required" },
    });
    expect(
      await correctLetter(t.prisma, clinician, patientId, episodeId, { correctionReason: "Forkert dato" }),
    ).toEqual({ status: "created", version: 2 });
    // A second correction waits until this one is signed.
    await refused(correctLetter(t.prisma, clinician, patientId, episodeId, { correctionReason: "Igen" }), "CONFLICT");
    const { versions } = await getEpisodeLetter(t.prisma, clinician, patientId, episodeId);
    expect(versions.map((v) => [v.version, v.signedAt !== null, v.correctionReason])).toEqual([
      [1, true, null],
      [2, false, "Forkert dato"],
    ]);
    expect(versions[1]!.sections).toEqual(versions[0]!.sections);
    expect(await ownVersions()).toEqual([1]);
    await refused(getLetterDocument(t.prisma, clinician, patientId, episodeId, 2, "fhir"), "NOT_FOUND");
    await signLetter(t.prisma, clinician, patientId, episodeId, 2, new Date());
    expect(await ownVersions()).toEqual([1, 2]);
  });

  it("prints with the clinic's letterhead and the CPR number, and audits every read, print and write", async () => {
    const document = await getLetterDocument(t.prisma, clinician, patientId, episodeId, 1, "print");
    expect(document.clinic).toMatchObject({ name: "Fysio Nord", cvr: "12345678", locationNumber: "5790001234567" });
    expect(document.patient.cpr).toBe("0101801234");
    const ids = (await t.prisma.dischargeLetter.findMany({ select: { id: true } })).map((l) => l.id);
    const events = await t.prisma.auditEvent.findMany({
      where: { entityId: { in: ids } },
      select: { action: true, entity: true, actorId: true },
    });
    const count = (action: string, entity: string) =>
      events.filter((e) => e.action === action && e.entity === entity).length;
    expect(count("CREATE", "DischargeLetter")).toBe(2);
    expect(count("UPDATE", "DischargeLetter")).toBe(3); // one save, two signatures
    expect(count("READ", "DischargeLetter")).toBeGreaterThanOrEqual(5);
    expect(count("EXPORT", "DischargeLetterPrint")).toBe(1);
  });

  it("exports as a FHIR Composition in the record and alone as a document Bundle, both valid FHIR R4", async () => {
    const validate = await fhirValidator();
    const document = await getLetterDocument(t.prisma, clinician, patientId, episodeId, null, "fhir");
    const letter = document.letter;
    const bundle = letterDocumentBundle(
      { ...letter, signedAt: letter.signedAt!, signedBy: letter.signedBy! },
      document.patient,
      document.clinic,
      document.previousId,
      new Date(),
    );
    const record = patientBundle(await exportPatientRecord(t.prisma, clinician, patientId, "fhir"), "da", new Date());
    const problems = [bundle, record].flatMap((b) =>
      [b, ...b.entry!.map((e) => e.resource!)].flatMap((r: Resource) =>
        validate(r).map((p) => `${r.resourceType}/${r.id} ${p}`),
      ),
    );
    expect(problems).toEqual([]);

    expect(bundle).toMatchObject({ type: "document", identifier: { system: "urn:ietf:rfc:3986" } });
    const composition = bundle.entry![0]!.resource as Composition;
    expect(composition).toMatchObject({
      resourceType: "Composition",
      status: "final",
      type: { coding: [{ system: "http://loinc.org", code: "18842-5" }] },
      attester: [{ mode: "legal" }],
      relatesTo: [{ code: "replaces" }],
      // The doctor, and their practice.
      extension: [
        {
          url: "http://hl7.eu/fhir/StructureDefinition/information-recipient",
          valueReference: { display: "Læge Jens Holm" },
        },
        {
          url: "http://hl7.eu/fhir/StructureDefinition/information-recipient",
          valueReference: { display: "Lægehuset Nord" },
        },
      ],
    });
    expect(composition.section!.map((s) => s.title)).toContain("Resultat");
    // Every reference of the document resolves inside it.
    const urls = new Set(bundle.entry!.map((e) => e.fullUrl));
    const references = JSON.stringify(bundle).match(/"reference":"[^"]+"/g)!;
    for (const reference of references) expect(urls.has(reference.slice(13, -1)), reference).toBe(true);
    // The record's bundle carries the latest signed version.
    const compositions = (record as Bundle).entry!.filter((e) => e.resource?.resourceType === "Composition");
    expect(compositions.map((e) => e.resource!.id)).toEqual([letter.id]);
  });

  it("is erased with the patient's record after the retention period", async () => {
    const run = await purgeExpiredRecords(t.prisma, { execute: true, now: addDays(today, 365 * 11) });
    expect(run.clinics.every((clinic) => clinic.failed === 0)).toBe(true);
    expect(await t.prisma.dischargeLetter.count()).toBe(0);
    expect(await t.prisma.referral.count()).toBe(0);
  });
});
