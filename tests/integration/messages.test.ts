import { randomUUID } from "node:crypto";

import type { Communication } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "../../lib/platform/auth/actor";
import { DEFAULT_TIME_ZONE, today } from "../../lib/platform/dates";
import { isAppError } from "../../lib/platform/errors";
import { DEFAULT_QUERY } from "../../lib/server/caseload/caseload-query";
import { listCaseload } from "../../lib/server/caseload/list-caseload";
import { patientBundle } from "../../lib/server/fhir/patient-bundle";
import {
  openConversation,
  sendMessage,
  unreadForPatient,
  unreadFromPatients,
} from "../../lib/server/messages/messages";
import { exportOwnRecord, exportPatientRecord } from "../../lib/server/records/patient-record";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

// Messages between a patient and the clinic (SPEC §10) on a real database: who may write to
// whom, the read receipts and unread counts on both sides, one message per form, the audit,
// and the record's exports.
let t: TestDatabase;
let clinician: Actor;
let colleague: Actor;
let patient: Actor;
let patientId: string;

const unreadAtClinic = async () => (await unreadFromPatients(t.prisma, clinician, [patientId]))[0]?.unread ?? 0;
const caseloadRow = async () =>
  (await listCaseload(t.prisma, clinician, DEFAULT_QUERY, today(DEFAULT_TIME_ZONE))).rows.find(
    (row) => row.patientId === patientId,
  )!;

beforeAll(async () => {
  t = await createTestDatabase();
  const clinicId = (await createClinic(t.prisma)).id;
  clinician = actorOf(await createUser(t.prisma, { clinicId, role: "CLINICIAN" }));
  colleague = actorOf(await createUser(t.prisma, { clinicId, role: "CLINICIAN" }));
  const portalUser = await createUser(t.prisma, { clinicId, role: "PATIENT" });
  patient = actorOf(portalUser);
  patientId = (await createPatient(t.prisma, { clinicId, clinicianId: clinician.userId, portalUserId: portalUser.id }))
    .id;
  // The caseload lists patients in treatment: an open episode.
  const episode = await t.prisma.episode.create({
    data: {
      clinicId,
      patientId,
      side: "LEFT",
      symptomOnset: today(DEFAULT_TIME_ZONE),
      treatmentStart: today(DEFAULT_TIME_ZONE),
    },
  });
  await t.prisma.patient.update({ where: { id: patientId }, data: { currentEpisodeId: episode.id } });
});
afterAll(() => t.close());

describe(`messages on ${TEST_DB_KIND}`, () => {
  it("carry a question to the clinic and an answer back, each unread until the other side opens the conversation", async () => {
    expect(
      await sendMessage(t.prisma, patient, null, {
        body: "  Må jeg løbe i weekenden?  ",
        idempotencyKey: randomUUID(),
      }),
    ).toEqual({ status: "sent" });
    expect(await unreadAtClinic()).toBe(1);
    expect((await caseloadRow()).unreadMessages).toBe(1);

    // The patient sees their own message, not yet read.
    const mine = await openConversation(t.prisma, patient, null);
    expect(mine.messages).toEqual([
      expect.objectContaining({ fromPatient: true, body: "Må jeg løbe i weekenden?", readAt: null }),
    ]);
    expect(await unreadAtClinic()).toBe(1);

    // A colleague of the clinic opens it: read for the whole clinic, and the patient sees when.
    const atClinic = await openConversation(t.prisma, colleague, patientId);
    expect(atClinic.canReceive).toBe(true);
    expect(await unreadAtClinic()).toBe(0);
    expect((await caseloadRow()).unreadMessages).toBe(0);
    const receipt = (await openConversation(t.prisma, patient, null)).messages[0]!;
    expect(receipt.readAt).toBeInstanceOf(Date);

    expect(
      await sendMessage(t.prisma, clinician, patientId, {
        body: "Ja, en kort tur, hvis morgensmerten er under 3.",
        idempotencyKey: randomUUID(),
      }),
    ).toEqual({ status: "sent" });
    expect(await unreadForPatient(t.prisma, patient)).toBe(1);
    // Opening it as staff again does not mark the clinic's own message read.
    expect((await openConversation(t.prisma, clinician, patientId)).messages.at(-1)!.readAt).toBeNull();
    const conversation = await openConversation(t.prisma, patient, null);
    expect(await unreadForPatient(t.prisma, patient)).toBe(0);
    expect(conversation.messages.map((m) => [m.fromPatient, m.senderName])).toEqual([
      [true, expect.any(String)],
      [false, expect.any(String)],
    ]);
    expect((await openConversation(t.prisma, clinician, patientId)).messages.at(-1)!.readAt).toBeInstanceOf(Date);
  });

  it("sends one message for one form, however often it is sent", async () => {
    const key = randomUUID();
    const before = await t.prisma.message.count({ where: { patientId } });
    await Promise.all([1, 2, 3].map(() => sendMessage(t.prisma, patient, null, { body: "Tak!", idempotencyKey: key })));
    expect(await t.prisma.message.count({ where: { patientId } })).toBe(before + 1);
  });

  it("refuses an empty or overlong message, and writes nothing", async () => {
    const before = await t.prisma.message.count();
    expect(await sendMessage(t.prisma, patient, null, { body: "   " })).toEqual({
      status: "invalid",
      fieldErrors: { body: "required" },
    });
    expect(await sendMessage(t.prisma, clinician, patientId, { body: "x".repeat(1001) })).toEqual({
      status: "invalid",
      fieldErrors: { body: "tooLong" },
    });
    expect(await t.prisma.message.count()).toBe(before);
  });

  it("does not write to a patient without a portal account, nor to one whose processing stopped", async () => {
    const clinicId = clinician.clinicId;
    const offline = await createPatient(t.prisma, { clinicId, clinicianId: clinician.userId });
    expect(await sendMessage(t.prisma, clinician, offline.id, { body: "Hej" })).toEqual({ status: "noPortal" });
    expect((await openConversation(t.prisma, clinician, offline.id)).canReceive).toBe(false);

    const portalUser = await createUser(t.prisma, { clinicId, role: "PATIENT" });
    const stopped = await createPatient(t.prisma, {
      clinicId,
      clinicianId: clinician.userId,
      portalUserId: portalUser.id,
    });
    await t.prisma.patient.update({ where: { id: stopped.id }, data: { processingStoppedAt: new Date() } });
    const refused = await sendMessage(t.prisma, clinician, stopped.id, { body: "Hej" }).catch(
      (error: unknown) => error,
    );
    expect(isAppError(refused, "PROCESSING_STOPPED")).toBe(true);
    expect(await t.prisma.message.count({ where: { patientId: { in: [offline.id, stopped.id] } } })).toBe(0);
  });

  it("keeps a patient to their own conversation, and staff to their clinic's patients", async () => {
    const otherClinic = (await createClinic(t.prisma)).id;
    const stranger = actorOf(await createUser(t.prisma, { clinicId: otherClinic, role: "CLINICIAN" }));
    // Thunks, not promises: a second attempt already running would reject unhandled while the first is awaited.
    for (const attempt of [
      () => openConversation(t.prisma, stranger, patientId),
      () => sendMessage(t.prisma, stranger, patientId, { body: "Hej" }),
    ]) {
      expect(isAppError(await attempt().catch((error: unknown) => error), "NOT_FOUND")).toBe(true);
    }
    const otherPatient = await createPatient(t.prisma, { clinicId: clinician.clinicId, clinicianId: clinician.userId });
    expect(
      isAppError(
        await openConversation(t.prisma, patient, otherPatient.id).catch((error: unknown) => error),
        "NOT_FOUND",
      ),
    ).toBe(true);
  });

  it("audits every send and every opening on the patient's conversation, without the text", async () => {
    const events = await t.prisma.auditEvent.findMany({ where: { entity: "MessageThread", entityId: patientId } });
    expect(events.filter((e) => e.action === "CREATE").length).toBe(3);
    expect(events.filter((e) => e.action === "READ").length).toBeGreaterThanOrEqual(6);
    expect(JSON.stringify(events)).not.toContain("weekenden");
  });

  it("is part of the record and its FHIR export, with when each message was read", async () => {
    const record = await exportPatientRecord(t.prisma, clinician, patientId, "fhir");
    expect(record.messages.map((m) => m.body)).toEqual([
      "Må jeg løbe i weekenden?",
      "Ja, en kort tur, hvis morgensmerten er under 3.",
      "Tak!",
    ]);
    expect((await exportOwnRecord(t.prisma, patient, "print")).messages).toHaveLength(3);
    const communications = patientBundle(record, "da", new Date())
      .entry!.map((entry) => entry.resource!)
      .filter((resource): resource is Communication => resource.resourceType === "Communication");
    expect(communications).toHaveLength(3);
    expect(communications[0]).toMatchObject({
      status: "completed",
      payload: [{ contentString: "Må jeg løbe i weekenden?" }],
      sender: { reference: `urn:uuid:${patientId}` },
      received: expect.any(String),
    });
    expect(communications[1]).toMatchObject({ recipient: [{ reference: `urn:uuid:${patientId}` }] });
  });
});
