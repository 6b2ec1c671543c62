// Retention and erasure (SPEC §9) on a real database: a request closes the portal account and
// stops every write and evaluation but keeps the record; holds keep a record past its period;
// the purge erases what is past retention and leaves nothing that names the patient, except
// pseudonymised audit rows and an anonymous tombstone.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "../../lib/platform/auth/actor";
import { sessionUser, startSession } from "../../lib/platform/auth/sessions";
import { addDays, DEFAULT_TIME_ZONE, isoDate, today } from "../../lib/platform/dates";
import { isAppError } from "../../lib/platform/errors";
import { openEpisode } from "../../lib/server/episodes/episodes";
import { removeReferral, saveReferral } from "../../lib/server/episodes/referrals";
import { lookupInvite } from "../../lib/server/invites/accept-invite";
import { createInvite } from "../../lib/server/invites/invites";
import { updatePatient } from "../../lib/server/patients/patients";
import { logMorningPain } from "../../lib/server/portal/portal-logs";
import { saveOutcome } from "../../lib/server/records/record-services";
import { getDataRights } from "../../lib/server/retention/data-rights";
import { recordErasureRequest, requestOwnErasure } from "../../lib/server/retention/erasure-requests";
import { purgeExpiredRecords } from "../../lib/server/retention/purge";
import { placeHold, releaseHold } from "../../lib/server/retention/record-holds";
import { sweptEpisodeIds } from "../../lib/server/rules/sweep";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { actorOf, APP_URL } from "../support/actors";
import { changedTables, fingerprint } from "../support/db-fingerprint";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let clinicId: string;
let clinician: Actor;
let admin: Actor;
const day = today(DEFAULT_TIME_ZONE);

/** A patient with an open episode and its referral, a pain score of yesterday and (if asked) a portal account or an e-mail address. */
async function patientWithRecord({ portal = false, email = null as string | null } = {}) {
  // A portal user who reads English: the receipt must come in their language.
  const portalUser = portal
    ? await t.prisma.user.update({
        where: { id: (await createUser(t.prisma, { clinicId, role: "PATIENT" })).id },
        data: { locale: "en" },
      })
    : null;
  const patient = await createPatient(t.prisma, {
    clinicId,
    clinicianId: clinician.userId,
    portalUserId: portalUser?.id ?? null,
    email,
    cpr: undefined,
  });
  const start = addDays(day, -30);
  const episode = await t.prisma.episode.create({
    data: { clinicId, patientId: patient.id, side: "LEFT", symptomOnset: start, treatmentStart: start },
  });
  await t.prisma.patient.update({ where: { id: patient.id }, data: { currentEpisodeId: episode.id } });
  await saveOutcome(
    t.prisma,
    clinician,
    { episodeId: episode.id, recordId: null },
    { date: isoDate(addDays(day, -1)), instrument: "NRS_FIRST_STEP", value: "6" },
    () => day,
  );
  const referral = await saveReferral(
    t.prisma,
    clinician,
    patient.id,
    episode.id,
    {
      referralDate: isoDate(addDays(start, -7)),
      doctorName: "Læge Lund",
      diagnosisText: "Hælsmerter",
      icd10Code: "DM722",
    },
    () => day,
  );
  expect(referral).toEqual({ status: "saved" });
  return { patient, episode, portalUser };
}

/** Moves every entry of the patient's record `years` back in time, as if the record were that old. */
async function age(patientId: string, years: number) {
  const interval = `${years} years`;
  await t.prisma
    .$executeRaw`UPDATE "Patient" SET "createdAt" = "createdAt" - ${interval}::interval WHERE id = ${patientId}::uuid`;
  await t.prisma
    .$executeRaw`UPDATE "Episode" SET "createdAt" = "createdAt" - ${interval}::interval WHERE "patientId" = ${patientId}::uuid`;
  await t.prisma
    .$executeRaw`UPDATE "OutcomeMeasurement" SET "createdAt" = "createdAt" - ${interval}::interval, "updatedAt" = "updatedAt" - ${interval}::interval WHERE "episodeId" IN (SELECT id FROM "Episode" WHERE "patientId" = ${patientId}::uuid)`;
  await t.prisma
    .$executeRaw`UPDATE "Referral" SET "createdAt" = "createdAt" - ${interval}::interval, "updatedAt" = "updatedAt" - ${interval}::interval WHERE "episodeId" IN (SELECT id FROM "Episode" WHERE "patientId" = ${patientId}::uuid)`;
}

/** The tables with a row whose text holds any of `needles` (ids, a name, an address). */
async function tablesNaming(needles: string[]): Promise<string[]> {
  const tables = await t.prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const found: string[] = [];
  for (const { name } of tables) {
    const [row] = await t.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${name}" t WHERE t::text ILIKE ANY($1::text[])`,
      needles.map((needle) => `%${needle}%`),
    );
    if (row!.n > 0) found.push(name);
  }
  return found;
}

beforeAll(async () => {
  t = await createTestDatabase();
  clinicId = (await createClinic(t.prisma)).id;
  clinician = actorOf(await createUser(t.prisma, { clinicId, role: "CLINICIAN" }));
  admin = actorOf(await createUser(t.prisma, { clinicId, role: "ADMIN" }));
});
afterAll(() => t.close());

describe(`erasure requests on ${TEST_DB_KIND}`, () => {
  it("closes the portal account at once, keeps the record for 5 years from its last entry, and tells the patient why", async () => {
    const { patient, episode, portalUser } = await patientWithRecord({ portal: true });
    const sessionId = await startSession(t.prisma, portalUser!.id, new Date());
    const patientActor = { ...actorOf(portalUser!), locale: "en" as const };
    const now = new Date();

    const receipt = await requestOwnErasure(t.prisma, patientActor, now);
    // The last entry is the pain score, written today: kept 5 years from today.
    const keptUntil = new Date(Date.UTC(day.getUTCFullYear() + 5, day.getUTCMonth(), day.getUTCDate()));
    expect(receipt).toEqual({ requestedAt: now, retainUntil: keptUntil, emailed: true });
    expect(await t.prisma.user.findUniqueOrThrow({ where: { id: portalUser!.id } })).toMatchObject({ active: false });
    expect(await sessionUser(t.prisma, sessionId, portalUser!.id, new Date())).toBeNull();
    const mail = await t.prisma.emailMessage.findFirstOrThrow({
      where: { to: portalUser!.email, kind: "ERASURE_RECEIPT" },
    });
    expect(mail.subject).toContain("Your request to be erased");
    expect(mail.text).toContain(String(day.getUTCFullYear() + 5));
    expect(await getDataRights(t.prisma, clinician, patient.id)).toMatchObject({
      processingStoppedAt: now,
      retainUntil: keptUntil,
      requests: [{ channel: "PORTAL", outcome: "RESTRICTED", retainUntil: keptUntil }],
    });
    expect(
      await t.prisma.auditEvent.count({
        where: { actorId: portalUser!.id, action: "CREATE", entity: "ErasureRequest" },
      }),
    ).toBe(1);

    // Processing stopped: no write reaches the record, the rules no longer evaluate it.
    const before = await fingerprint(t.prisma);
    const outcomes = await Promise.all(
      [
        () =>
          saveOutcome(
            t.prisma,
            clinician,
            { episodeId: episode.id, recordId: null },
            { date: isoDate(day), instrument: "NRS_FIRST_STEP", value: "3" },
            () => day,
          ),
        () =>
          updatePatient(
            t.prisma,
            clinician,
            patient.id,
            { name: "Ny", dateOfBirth: "1980-01-01", sex: "FEMALE", affectedSide: "LEFT" },
            { today: () => day, confirmDuplicate: true },
          ),
        () => createInvite(t.prisma, clinician, patient.id, new Date(), APP_URL, { email: "ny@example.test" }),
        () =>
          openEpisode(
            t.prisma,
            clinician,
            patient.id,
            { side: "LEFT", symptomOnset: isoDate(day), treatmentStart: isoDate(day) },
            () => day,
          ),
        () =>
          saveReferral(
            t.prisma,
            clinician,
            patient.id,
            episode.id,
            { referralDate: isoDate(day), doctorName: "Ny læge", diagnosisText: "Hælsmerter" },
            () => day,
          ),
        () => removeReferral(t.prisma, clinician, patient.id, episode.id),
      ].map((call) =>
        call().then(
          () => "written",
          (error: unknown) => (isAppError(error, "PROCESSING_STOPPED") ? "refused" : String(error)),
        ),
      ),
    );
    expect(outcomes).toEqual(["refused", "refused", "refused", "refused", "refused", "refused"]);
    expect(changedTables(before, await fingerprint(t.prisma))).toEqual([]);
    // A portal page left open: its log is refused too, though the account is closed.
    await expect(
      logMorningPain(t.prisma, patientActor, { clientId: randomUUID(), date: isoDate(day), value: "2" }, day),
    ).rejects.toSatisfy((error) => isAppError(error, "PROCESSING_STOPPED"));
    expect(await sweptEpisodeIds(t.prisma, clinicId)).not.toContain(episode.id);
  });

  it("records a request made to the clinic, by staff, with the same outcome", async () => {
    const { patient } = await patientWithRecord({ email: "brev@example.test" });
    const invite = await createInvite(t.prisma, clinician, patient.id, new Date(), APP_URL);
    if (invite.status !== "created") throw new Error("no invitation");
    const receipt = await recordErasureRequest(t.prisma, clinician, patient.id);
    // The open invitation is revoked, and the link says the account is closed.
    expect(await t.prisma.invite.findFirstOrThrow({ where: { patientId: patient.id } })).toMatchObject({
      revokedAt: expect.any(Date),
    });
    expect(await lookupInvite(t.prisma, invite.token, new Date())).toEqual({ status: "CLOSED" });
    // One that escaped the revocation (a race) opens nothing either.
    await t.prisma.invite.updateMany({ where: { patientId: patient.id }, data: { revokedAt: null } });
    expect(await lookupInvite(t.prisma, invite.token, new Date())).toEqual({ status: "CLOSED" });
    expect(receipt.emailed).toBe(true);
    expect(await t.prisma.erasureRequest.findFirstOrThrow({ where: { patientId: patient.id } })).toMatchObject({
      channel: "CLINIC",
      recordedById: clinician.userId,
      outcome: "RESTRICTED",
    });
    // In Danish: the patient has no portal account whose language would say otherwise.
    expect(
      (await t.prisma.emailMessage.findFirstOrThrow({ where: { to: "brev@example.test", kind: "ERASURE_RECEIPT" } }))
        .subject,
    ).toContain("Din anmodning om sletning");
  });
});

describe(`holds on ${TEST_DB_KIND}`, () => {
  it("are placed and released by an admin, with a field error for a case that is not one", async () => {
    const { patient } = await patientWithRecord();
    expect(await placeHold(t.prisma, admin, patient.id, { kind: "GOSSIP" })).toEqual({
      status: "invalid",
      fieldErrors: { kind: "invalidChoice" },
    });
    expect(await placeHold(t.prisma, admin, patient.id, {})).toEqual({
      status: "invalid",
      fieldErrors: { kind: "required" },
    });
    const placed = await placeHold(t.prisma, admin, patient.id, { kind: "COMPLAINT" });
    if (placed.status !== "placed") throw new Error("not placed");
    await releaseHold(t.prisma, admin, placed.holdId);
    await expect(releaseHold(t.prisma, admin, placed.holdId)).rejects.toSatisfy((error) =>
      isAppError(error, "CONFLICT"),
    );
    expect((await getDataRights(t.prisma, clinician, patient.id)).holds).toEqual([
      expect.objectContaining({ kind: "COMPLAINT", releasedAt: expect.any(Date) }),
    ]);
  });
});

describe(`npm run retention:purge's service on ${TEST_DB_KIND}`, () => {
  it("erases only records past retention and not held, leaving a tombstone and pseudonymised audit rows", async () => {
    // Past retention and asked to be erased; past retention and on hold; recent.
    const old = await patientWithRecord({ portal: true, email: "gammel@example.test" });
    const oldActor = actorOf(old.portalUser!);
    await createInvite(t.prisma, clinician, old.patient.id, new Date(), APP_URL).catch(() => null);
    await requestOwnErasure(t.prisma, oldActor);
    await age(old.patient.id, 6);
    const held = await patientWithRecord();
    await age(held.patient.id, 6);
    await placeHold(t.prisma, admin, held.patient.id, { kind: "SUPERVISION" });
    const recent = await patientWithRecord();
    // Invited to an address of its own, never accepted: the invitation e-mail names the patient too.
    const invited = await patientWithRecord();
    await createInvite(t.prisma, clinician, invited.patient.id, new Date(), APP_URL, {
      email: "invitation@example.test",
    });
    await age(invited.patient.id, 6);
    const oldReferral = await t.prisma.referral.findUniqueOrThrow({ where: { episodeId: old.episode.id } });
    const named = [
      old.patient.id,
      old.episode.id,
      oldReferral.id,
      old.portalUser!.id,
      old.patient.name,
      "gammel@example.test",
      old.portalUser!.email,
      invited.patient.id,
      invited.patient.name,
      "invitation@example.test",
    ];
    const auditRows = await t.prisma.auditEvent.count();
    expect(await tablesNaming(named)).toEqual(
      expect.arrayContaining([
        "AuditEvent",
        "EmailMessage",
        "Episode",
        "ErasureRequest",
        "OutcomeMeasurement",
        "Patient",
        "Referral",
        "User",
      ]),
    );

    // A dry run reports and changes nothing.
    const before = await fingerprint(t.prisma);
    const dry = await purgeExpiredRecords(t.prisma, { execute: false });
    expect(dry.clinics.find((clinic) => clinic.clinicId === clinicId)).toMatchObject({ due: 3, held: 1, erased: 0 });
    expect(changedTables(before, await fingerprint(t.prisma))).toEqual([]);

    const run = await purgeExpiredRecords(t.prisma, { execute: true });
    expect(run.clinics.find((clinic) => clinic.clinicId === clinicId)).toMatchObject({
      due: 3,
      held: 1,
      erased: 2,
      failed: 0,
    });
    // Nothing names the patient any more; the audit log kept its rows (and one more for the erasure).
    expect(await tablesNaming(named)).toEqual([]);
    expect(await t.prisma.auditEvent.count()).toBe(auditRows + 2);
    expect(await t.prisma.erasedRecord.count({ where: { clinicId } })).toBe(2);
    const tombstone = await t.prisma.erasedRecord.findFirstOrThrow({ where: { clinicId, requested: true } });
    expect(tombstone).toMatchObject({ requested: true });
    expect(await t.prisma.erasureRequest.findFirstOrThrow({ where: { erasedRecordId: tombstone.id } })).toMatchObject({
      patientId: null,
      outcome: "ERASED",
      erasedAt: expect.any(Date),
    });
    // The pain score's and the referral's audit rows now name the tombstone.
    expect(await t.prisma.auditEvent.count({ where: { entityId: tombstone.id, entity: "OutcomeMeasurement" } })).toBe(
      1,
    );
    expect(await t.prisma.auditEvent.count({ where: { entityId: tombstone.id, entity: "Referral" } })).toBe(1);
    expect(await t.prisma.auditEvent.count({ where: { actorId: tombstone.id, entity: "ErasureRequest" } })).toBe(1);
    expect(
      await t.prisma.auditEvent.findFirstOrThrow({ where: { entity: "ErasedRecord", entityId: tombstone.id } }),
    ).toMatchObject({ action: "DELETE", actorId: null, clinicId });
    // The held and the recent record are whole.
    for (const kept of [held, recent]) {
      expect(await t.prisma.outcomeMeasurement.count({ where: { episodeId: kept.episode.id } })).toBe(1);
      expect(await t.prisma.referral.count({ where: { episodeId: kept.episode.id } })).toBe(1);
    }

    // A second run finds only the held record.
    expect(
      (await purgeExpiredRecords(t.prisma, { execute: true })).clinics.find((clinic) => clinic.clinicId === clinicId),
    ).toMatchObject({ due: 1, held: 1, erased: 0 });
  });
});
