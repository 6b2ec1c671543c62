// What a CPR number from the MitID broker comes to (SPEC §12), on the real database: the
// portal accounts it finds, the invitation it accepts, and the throttle and audit around it.
// The broker's side (the token's checks) is tested end to end against a real provider
// (e2e/mitid.spec.ts); here the verified number is handed in as the flow hands it over.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ACTOR_USER_INCLUDE, actorFor } from "../../lib/platform/auth/actor";
import { authenticate } from "../../lib/platform/auth/authenticate";
import { THROTTLE } from "../../lib/platform/auth/throttle-policy";
import { completeMitidSignIn, portalAccountsForCpr } from "../../lib/server/mitid/mitid-sign-in";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { inviteFor } from "../support/invites";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
const CPR = { twoClinics: "0203801234", oneClinic: "0405901235", invited: "0607701236", staffLike: "0809601237" };
let clinics: { a: string; b: string };
let accounts: { a: string; b: string; single: string };
let clinicianA: Awaited<ReturnType<typeof clinicianWithActor>>;

async function clinicianWithActor(clinicId: string) {
  const user = await createUser(t.prisma, { clinicId, role: "CLINICIAN" });
  const row = await t.prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: ACTOR_USER_INCLUDE });
  return { user, actor: actorFor(row, null) };
}

async function portalPatient(clinicId: string, clinicianId: string, cpr: string, data: object = {}) {
  const account = await createUser(t.prisma, { clinicId, role: "PATIENT" });
  await createPatient(t.prisma, { clinicId, clinicianId, cpr, portalUserId: account.id, ...data });
  return account.id;
}

const now = () => new Date();
const from = (cpr: string) => () => Promise.resolve(cpr);
const options = (ip: string, invite: string | null = null, at = now()) => ({
  ip,
  now: at,
  invite,
  locale: "da" as const,
});

beforeAll(async () => {
  t = await createTestDatabase();
  clinics = {
    a: (await createClinic(t.prisma, { name: "A Fysioterapi" })).id,
    b: (await createClinic(t.prisma, { name: "B Fysioterapi" })).id,
  };
  clinicianA = await clinicianWithActor(clinics.a);
  const clinicianB = await createUser(t.prisma, { clinicId: clinics.b, role: "CLINICIAN" });
  accounts = {
    a: await portalPatient(clinics.a, clinicianA.user.id, CPR.twoClinics),
    b: await portalPatient(clinics.b, clinicianB.id, CPR.twoClinics),
    single: await portalPatient(clinics.a, clinicianA.user.id, CPR.oneClinic),
  };
  // The same CPR number, but no way in: an archived record, a patient who asked to be erased,
  // a closed account, and a patient without a portal account.
  await portalPatient(clinics.b, clinicianB.id, CPR.oneClinic, { archivedAt: now() });
  await createPatient(t.prisma, { clinicId: clinics.b, clinicianId: clinicianB.id, cpr: CPR.staffLike });
});
afterAll(() => t.close());

describe(`a MitID sign-in on ${TEST_DB_KIND}`, () => {
  it("finds the patient's portal account in each clinic, and no other", async () => {
    expect(await portalAccountsForCpr(t.prisma, CPR.twoClinics)).toEqual([
      { userId: accounts.a, clinicName: "A Fysioterapi" },
      { userId: accounts.b, clinicName: "B Fysioterapi" },
    ]);
    expect(await portalAccountsForCpr(t.prisma, CPR.oneClinic)).toEqual([
      { userId: accounts.single, clinicName: "A Fysioterapi" },
    ]);
    // A patient without a portal account, a closed account or a stopped record gives none.
    expect(await portalAccountsForCpr(t.prisma, CPR.staffLike)).toEqual([]);
    await t.prisma.user.update({ where: { id: accounts.single }, data: { active: false } });
    expect(await portalAccountsForCpr(t.prisma, CPR.oneClinic)).toEqual([]);
    await t.prisma.user.update({ where: { id: accounts.single }, data: { active: true } });
    await t.prisma.patient.updateMany({ where: { portalUserId: accounts.b }, data: { processingStoppedAt: now() } });
    expect(await portalAccountsForCpr(t.prisma, CPR.twoClinics)).toHaveLength(1);
    await t.prisma.patient.updateMany({ where: { portalUserId: accounts.b }, data: { processingStoppedAt: null } });
  });

  it("answers the accounts to choose from, or that there is none, and creates no account", async () => {
    const users = await t.prisma.user.count();
    expect(await completeMitidSignIn(t.prisma, from(CPR.twoClinics), options("10.0.0.1"))).toMatchObject({
      status: "ACCOUNTS",
      accounts: [{ userId: accounts.a }, { userId: accounts.b }],
    });
    expect(await completeMitidSignIn(t.prisma, from("1111111118"), options("10.0.0.1"))).toEqual({
      status: "NO_ACCOUNT",
    });
    expect(await t.prisma.user.count()).toBe(users);
  });

  it("refuses a broker's answer that does not hold on the record, and passes the error on", async () => {
    const refused = () => t.prisma.auditEvent.count({ where: { action: "REFUSED", entity: "MitidSignIn" } });
    const before = await refused();
    const bad = () => Promise.reject(new Error("the ID token's signature does not verify"));
    await expect(completeMitidSignIn(t.prisma, bad, options("10.0.0.2"))).rejects.toThrow(/signature/);
    expect(await refused()).toBe(before + 1);
  });

  it("makes an address wait after as many failures as a password's, without asking the broker", async () => {
    const ip = "10.0.0.3";
    for (let i = 0; i < THROTTLE.address.failures; i++)
      expect((await completeMitidSignIn(t.prisma, from("1111111118"), options(ip))).status).toBe("NO_ACCOUNT");
    let asked = false;
    const outcome = await completeMitidSignIn(
      t.prisma,
      () => {
        asked = true;
        return Promise.resolve(CPR.twoClinics);
      },
      options(ip),
    );
    expect(outcome).toMatchObject({ status: "THROTTLED", retryAfterMs: expect.any(Number) });
    expect(asked).toBe(false);
    // Another address is not held.
    expect((await completeMitidSignIn(t.prisma, from(CPR.twoClinics), options("10.0.0.4"))).status).toBe("ACCOUNTS");
  });

  it("accepts a portal invitation only with its own patient's CPR number, once", async () => {
    const patient = await createPatient(t.prisma, {
      clinicId: clinics.a,
      clinicianId: clinicianA.user.id,
      cpr: CPR.invited,
      email: "invited@example.test",
    });
    const { token } = await inviteFor(t.prisma, clinicianA.actor, patient.id, now());

    const mismatch = await completeMitidSignIn(t.prisma, from(CPR.twoClinics), options("10.0.0.5", token));
    expect(mismatch).toEqual({ status: "INVITE_MISMATCH" });
    expect((await t.prisma.patient.findUniqueOrThrow({ where: { id: patient.id } })).portalUserId).toBeNull();

    // A minute later: the failure above makes the link wait a second, as a wrong password would.
    const later = new Date(Date.now() + 60_000);
    const accepted = await completeMitidSignIn(t.prisma, from(CPR.invited), options("10.0.0.5", token, later));
    expect(accepted).toMatchObject({ status: "ACCOUNTS", accounts: [{ clinicName: "A Fysioterapi" }] });
    const userId = accepted.status === "ACCOUNTS" ? accepted.accounts[0]!.userId : "";
    const linked = await t.prisma.patient.findUniqueOrThrow({
      where: { id: patient.id },
      include: { portalUser: true },
    });
    expect(linked.portalUserId).toBe(userId);
    expect(linked.portalUser).toMatchObject({ role: "PATIENT", email: "invited@example.test", active: true });
    // No password anyone knows: not an empty one, not the e-mail.
    for (const password of ["", "invited@example.test", CPR.invited])
      expect(await authenticate(t.prisma, { email: "invited@example.test", password })).toBeNull();
    expect(await t.prisma.auditEvent.count({ where: { entity: "User", entityId: userId, action: "CREATE" } })).toBe(1);

    expect(await completeMitidSignIn(t.prisma, from(CPR.invited), options("10.0.0.5", token, later))).toEqual({
      status: "INVITE_USED",
    });
  });
});
