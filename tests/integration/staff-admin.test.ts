import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "../../lib/platform/auth/actor";
import { authenticate } from "../../lib/platform/auth/authenticate";
import { isAppError } from "../../lib/platform/errors";
import { acceptInvite, lookupInvite } from "../../lib/server/invites/accept-invite";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { requestPasswordReset } from "../../lib/server/users/forgot-password";
import { changeOwnPassword, updateOwnProfile } from "../../lib/server/users/own-account";
import {
  changeStaffRole,
  inviteStaff,
  listStaff,
  sendPasswordReset,
  setStaffActive,
} from "../../lib/server/users/staff-admin";
import { actorOf, APP_URL } from "../support/actors";
import { inviteFor } from "../support/invites";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let clinicId: string;
let admin: Actor;
const now = new Date();
const PASSWORD = "hælløft på trappetrin";
const NEW_PASSWORD = "en ny og lang adgangskode";

/** The token of the single-use link in the newest e-mail to `to`. */
async function tokenMailedTo(to: string) {
  const message = await t.prisma.emailMessage.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  return /\/invite\/([A-Za-z0-9_-]{43})/.exec(message.text!)![1]!;
}

const auditOf = (entityId: string) =>
  t.prisma.auditEvent.findMany({
    where: { entityId },
    orderBy: { at: "asc" },
    select: { action: true, actorId: true },
  });

beforeAll(async () => {
  t = await createTestDatabase();
  clinicId = (await createClinic(t.prisma, { name: "Klinik Nord" })).id;
  admin = actorOf(await createUser(t.prisma, { clinicId, role: "ADMIN", name: "Anne Admin" }));
});
afterAll(() => t.close());

describe(`staff invitations on ${TEST_DB_KIND}`, () => {
  it("e-mails a single-use link in the invitee's language; accepting it creates the account with the invited role", async () => {
    const result = await inviteStaff(
      t.prisma,
      admin,
      { name: "Bo Berg Hansen", email: " Bo@Example.test ", role: "CLINICIAN", locale: "en" },
      now,
      APP_URL,
    );
    expect(result).toEqual({ status: "saved" });
    const mail = await t.prisma.emailMessage.findFirstOrThrow({ where: { to: "bo@example.test" } });
    expect(mail).toMatchObject({
      clinicId,
      kind: "STAFF_INVITE",
      sentAt: null,
      subject: "Your account at Klinik Nord",
    });
    // The first name only, the clinic, the link; plain text and HTML say the same.
    expect(mail.text).toContain("Hello Bo,");
    expect(mail.text).not.toContain("Hansen");
    expect(mail.html).toContain(`${APP_URL}/invite/`);

    const token = await tokenMailedTo("bo@example.test");
    expect(await lookupInvite(t.prisma, token, now)).toEqual({
      status: "VALID",
      purpose: "STAFF",
      email: "bo@example.test",
      name: "Bo Berg Hansen",
      clinic: expect.objectContaining({ name: "Klinik Nord" }),
    });
    expect(
      await acceptInvite(
        t.prisma,
        token,
        { name: "Bo Berg-Hansen", password: PASSWORD, confirmPassword: PASSWORD },
        "da",
        now,
      ),
    ).toEqual({ status: "ACCEPTED", email: "bo@example.test" });
    const bo = await t.prisma.user.findUniqueOrThrow({ where: { email: "bo@example.test" } });
    expect(bo).toMatchObject({ clinicId, role: "CLINICIAN", name: "Bo Berg-Hansen", locale: "en", active: true });
    expect(await authenticate(t.prisma, { email: "bo@example.test", password: PASSWORD })).toMatchObject({ id: bo.id });
    expect(
      await acceptInvite(t.prisma, token, { name: "Bo", password: PASSWORD, confirmPassword: PASSWORD }, "da", now),
    ).toEqual({ status: "USED" });
    expect(await t.prisma.user.count({ where: { email: "bo@example.test" } })).toBe(1);
  });

  it("refuses an address with an account in the clinic; one elsewhere gets the answer of a new address and a link that cannot make a second account (review F-3)", async () => {
    const here = await createUser(t.prisma, { clinicId, role: "CLINICIAN", email: "her@example.test" });
    const before = await t.prisma.invite.count();
    expect(
      await inviteStaff(t.prisma, admin, { name: "X", email: "HER@example.test", role: "ADMIN" }, now, APP_URL),
    ).toEqual({ status: "invalid", fieldErrors: { email: "emailHasAccount" } });
    expect(await t.prisma.invite.count()).toBe(before);
    expect(await t.prisma.emailMessage.count({ where: { to: here.email } })).toBe(0);

    const elsewhere = await createUser(t.prisma, {
      clinicId: (await createClinic(t.prisma, { name: "Anden Klinik" })).id,
      role: "CLINICIAN",
      email: "taken@example.test",
    });
    const answers = await Promise.all(
      ["TAKEN@example.test", "ny-adresse@example.test"].map((email) =>
        inviteStaff(t.prisma, admin, { name: "X", email, role: "CLINICIAN" }, now, APP_URL),
      ),
    );
    expect(answers).toEqual([{ status: "saved" }, { status: "saved" }]);
    const token = await tokenMailedTo(elsewhere.email);
    expect(
      await acceptInvite(
        t.prisma,
        token,
        { name: "X", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
        "da",
        now,
      ),
    ).toEqual({ status: "INVALID" });
    expect(await t.prisma.user.findUniqueOrThrow({ where: { email: elsewhere.email } })).toMatchObject({
      id: elsewhere.id,
      clinicId: elsewhere.clinicId,
    });
  });

  it("answers field errors for bad input and changes nothing", async () => {
    const before = await t.prisma.invite.count();
    const result = await inviteStaff(
      t.prisma,
      admin,
      { name: " ", email: "not-an-address", role: "PATIENT" },
      now,
      APP_URL,
    );
    expect(result).toEqual({
      status: "invalid",
      fieldErrors: { name: "required", email: "invalidEmail", role: "invalidChoice" },
    });
    expect(await t.prisma.invite.count()).toBe(before);
  });

  it("a newer invitation to the same address replaces the open one; both are audited", async () => {
    await inviteStaff(t.prisma, admin, { name: "Cille", email: "cille@example.test", role: "ADMIN" }, now, APP_URL);
    const first = await tokenMailedTo("cille@example.test");
    await inviteStaff(
      t.prisma,
      admin,
      { name: "Cille", email: "cille@example.test", role: "ADMIN" },
      new Date(now.getTime() + 1000),
      APP_URL,
    );
    const second = await tokenMailedTo("cille@example.test");
    expect(first).not.toBe(second);
    expect(await lookupInvite(t.prisma, first, now)).toEqual({ status: "INVALID" });
    expect(
      (await listStaff(t.prisma, admin, now)).invites.filter((invite) => invite.email === "cille@example.test"),
    ).toHaveLength(1);
    const invites = await t.prisma.invite.findMany({ where: { email: "cille@example.test" } });
    for (const invite of invites)
      expect(await auditOf(invite.id)).toEqual([{ action: "CREATE", actorId: admin.userId }]);
  });

  it("only an admin administers staff", async () => {
    const clinician = actorOf(await createUser(t.prisma, { clinicId, role: "CLINICIAN" }));
    await expect(
      inviteStaff(t.prisma, clinician, { name: "Y", email: "y@example.test", role: "ADMIN" }, now, APP_URL),
    ).rejects.toSatisfy((e) => isAppError(e, "NOT_FOUND"));
    await expect(setStaffActive(t.prisma, clinician, admin.userId, false)).rejects.toSatisfy((e) =>
      isAppError(e, "NOT_FOUND"),
    );
  });
});

describe(`roles and closed accounts on ${TEST_DB_KIND}`, () => {
  it("keeps the clinic's last active admin; another admin may then be demoted", async () => {
    const clinic = (await createClinic(t.prisma)).id;
    const only = actorOf(await createUser(t.prisma, { clinicId: clinic, role: "ADMIN" }));
    expect(await changeStaffRole(t.prisma, only, only.userId, { role: "CLINICIAN" })).toEqual({ status: "lastAdmin" });
    expect(await setStaffActive(t.prisma, only, only.userId, false)).toEqual({ status: "lastAdmin" });
    const second = await createUser(t.prisma, { clinicId: clinic, role: "ADMIN" });
    expect(await changeStaffRole(t.prisma, only, second.id, { role: "CLINICIAN" })).toEqual({ status: "saved" });
    expect(await t.prisma.user.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ role: "CLINICIAN" });
    expect(await auditOf(second.id)).toEqual([{ action: "UPDATE", actorId: only.userId }]);
    // A closed admin does not count.
    await t.prisma.user.update({ where: { id: second.id }, data: { role: "ADMIN", active: false } });
    expect(await setStaffActive(t.prisma, only, only.userId, false)).toEqual({ status: "lastAdmin" });
  });

  it("two admins closing each other at once: one succeeds, the clinic keeps an admin", async () => {
    const clinic = (await createClinic(t.prisma)).id;
    const [a, b] = await Promise.all([
      createUser(t.prisma, { clinicId: clinic, role: "ADMIN" }),
      createUser(t.prisma, { clinicId: clinic, role: "ADMIN" }),
    ]);
    const results = await Promise.all([
      setStaffActive(t.prisma, actorOf(a), b.id, false),
      setStaffActive(t.prisma, actorOf(b), a.id, false),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["lastAdmin", "saved"]);
    expect(await t.prisma.user.count({ where: { clinicId: clinic, role: "ADMIN", active: true } })).toBe(1);
  });

  it("closes and reopens a clinician; a closed account cannot sign in", async () => {
    const clinician = await createUser(t.prisma, { clinicId, role: "CLINICIAN", password: PASSWORD });
    expect(await setStaffActive(t.prisma, admin, clinician.id, false)).toEqual({ status: "saved" });
    expect(await authenticate(t.prisma, { email: clinician.email, password: PASSWORD })).toBeNull();
    expect(await setStaffActive(t.prisma, admin, clinician.id, true)).toEqual({ status: "saved" });
    expect(await authenticate(t.prisma, { email: clinician.email, password: PASSWORD })).toMatchObject({
      id: clinician.id,
    });
  });

  it("does not touch another clinic's staff or a patient's portal account", async () => {
    const other = await createUser(t.prisma, { clinicId: (await createClinic(t.prisma)).id, role: "CLINICIAN" });
    const patientUser = await createUser(t.prisma, { clinicId, role: "PATIENT" });
    for (const id of [other.id, patientUser.id]) {
      await expect(setStaffActive(t.prisma, admin, id, false)).rejects.toSatisfy((e) => isAppError(e, "NOT_FOUND"));
      await expect(changeStaffRole(t.prisma, admin, id, { role: "ADMIN" })).rejects.toSatisfy((e) =>
        isAppError(e, "NOT_FOUND"),
      );
      await expect(sendPasswordReset(t.prisma, admin, id, now, APP_URL)).rejects.toSatisfy((e) =>
        isAppError(e, "NOT_FOUND"),
      );
    }
    expect(await t.prisma.user.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      active: true,
      role: "CLINICIAN",
    });
  });
});

describe(`password links on ${TEST_DB_KIND}`, () => {
  it("an admin sends a reset link; it sets a new password once and expires after 2 hours", async () => {
    const user = await createUser(t.prisma, { clinicId, role: "CLINICIAN", password: PASSWORD, name: "Dorte Dam" });
    expect(await sendPasswordReset(t.prisma, admin, user.id, now, APP_URL)).toEqual({ email: user.email });
    const token = await tokenMailedTo(user.email);
    expect(await lookupInvite(t.prisma, token, new Date(now.getTime() + 2 * 3_600_000))).toEqual({ status: "EXPIRED" });
    expect(
      await acceptInvite(t.prisma, token, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, "da", now),
    ).toEqual({ status: "ACCEPTED", email: user.email });
    expect(await authenticate(t.prisma, { email: user.email, password: PASSWORD })).toBeNull();
    expect(await authenticate(t.prisma, { email: user.email, password: NEW_PASSWORD })).toMatchObject({ id: user.id });
    expect(await acceptInvite(t.prisma, token, { password: PASSWORD, confirmPassword: PASSWORD }, "da", now)).toEqual({
      status: "USED",
    });
  });

  it("forgot password: the same answer for an unknown, a closed and an active address; only the active one gets mail", async () => {
    const active = await createUser(t.prisma, { clinicId, role: "PATIENT", email: "aktiv@example.test" });
    const closed = await createUser(t.prisma, {
      clinicId,
      role: "CLINICIAN",
      email: "lukket@example.test",
      active: false,
    });
    const answers = await Promise.all(
      ["ukendt@example.test", closed.email, " AKTIV@example.test "].map((email) =>
        requestPasswordReset(t.prisma, { email }, now, APP_URL, "127.0.0.1"),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(["sent", "sent", "sent"]);
    // The answer comes before anything is looked up or written for the address (review F-4).
    expect(await t.prisma.emailMessage.count({ where: { to: active.email } })).toBe(0);
    for (const answer of answers) if (answer.status === "sent") await answer.send();
    expect(await t.prisma.emailMessage.count({ where: { to: { in: ["ukendt@example.test", closed.email] } } })).toBe(0);
    const mail = await t.prisma.emailMessage.findFirstOrThrow({ where: { to: active.email } });
    expect(mail).toMatchObject({ kind: "PASSWORD_RESET", subject: "Ny adgangskode til Hælsporeforløb" });
    expect(await requestPasswordReset(t.prisma, { email: "nope" }, now, APP_URL, null)).toEqual({
      status: "invalid",
      fieldErrors: { email: "invalidEmail" },
    });
  });

  it("forgot password: at most one e-mail a quarter hour per account, and it is not revoked by strangers asking again (review F-5)", async () => {
    const user = await createUser(t.prisma, { clinicId, role: "PATIENT", email: "oversvoemmet@example.test" });
    const ask = async (ip: string, when: Date) => {
      const answer = await requestPasswordReset(t.prisma, { email: user.email }, when, APP_URL, ip);
      if (answer.status === "sent") await answer.send();
      return answer.status;
    };
    // Requests from six addresses, each after the account's throttle delay (at most 30 s): each answered "sent", one e-mail.
    const first = new Date("2026-11-26T08:00:00Z");
    for (let i = 0; i < 6; i += 1)
      expect(await ask(`198.51.100.6${i}`, new Date(first.getTime() + i * 31_000))).toBe("sent");
    expect(await t.prisma.emailMessage.count({ where: { to: user.email } })).toBe(1);
    const token = await tokenMailedTo(user.email);
    expect(await lookupInvite(t.prisma, token, new Date(first.getTime() + 60_000))).toMatchObject({ status: "VALID" });
    // A quarter of an hour later, a new link (which replaces the first).
    expect(await ask("198.51.100.70", new Date(first.getTime() + 15 * 60_000 + 1))).toBe("sent");
    expect(await t.prisma.emailMessage.count({ where: { to: user.email } })).toBe(2);
  });

  it("a password link stops working when the user changes the password (review F-9)", async () => {
    const user = await createUser(t.prisma, { clinicId, role: "PATIENT", password: PASSWORD });
    const answer = await requestPasswordReset(t.prisma, { email: user.email }, new Date(), APP_URL, "198.51.100.80");
    if (answer.status === "sent") await answer.send();
    const token = await tokenMailedTo(user.email);
    expect(
      await changeOwnPassword(
        t.prisma,
        actorOf(user),
        { currentPassword: PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
        new Date(),
      ),
    ).toEqual({ status: "saved" });
    expect(
      await acceptInvite(
        t.prisma,
        token,
        { password: "en tredje lang adgangskode", confirmPassword: "en tredje lang adgangskode" },
        "da",
        new Date(),
      ),
    ).toEqual({ status: "INVALID" });
    expect(await authenticate(t.prisma, { email: user.email, password: NEW_PASSWORD })).toMatchObject({ id: user.id });
  });

  it("a link made before the account was closed does not open it", async () => {
    const user = await createUser(t.prisma, { clinicId, role: "CLINICIAN", password: PASSWORD });
    await sendPasswordReset(t.prisma, admin, user.id, now, APP_URL);
    const token = await tokenMailedTo(user.email);
    await setStaffActive(t.prisma, admin, user.id, false);
    expect(
      await acceptInvite(t.prisma, token, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, "da", now),
    ).toEqual({ status: "CLOSED" });
    expect(await authenticate(t.prisma, { email: user.email, password: PASSWORD })).toBeNull();
  });
});

describe(`one's own account on ${TEST_DB_KIND}`, () => {
  it("changes name and language, and the password given the current one", async () => {
    const user = actorOf(await createUser(t.prisma, { clinicId, role: "PATIENT", password: PASSWORD }));
    expect(await updateOwnProfile(t.prisma, user, { name: "  Eva Ek ", locale: "en" })).toEqual({
      status: "saved",
      locale: "en",
    });
    expect(await t.prisma.user.findUniqueOrThrow({ where: { id: user.userId } })).toMatchObject({
      name: "Eva Ek",
      locale: "en",
    });
    expect(await updateOwnProfile(t.prisma, user, { name: "", locale: "fr" })).toEqual({
      status: "invalid",
      fieldErrors: { name: "required", locale: "invalidChoice" },
    });

    // The check of the current password is throttled as a sign-in is: the right one waits out the wrong one's second.
    const now = new Date();
    expect(
      await changeOwnPassword(
        t.prisma,
        user,
        { currentPassword: "wrong wrong wrong", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
        now,
      ),
    ).toEqual({ status: "invalid", fieldErrors: { currentPassword: "wrongPassword" } });
    expect(
      await changeOwnPassword(
        t.prisma,
        user,
        { currentPassword: PASSWORD, password: NEW_PASSWORD, confirmPassword: "different" },
        now,
      ),
    ).toMatchObject({ status: "invalid" });
    expect(await authenticate(t.prisma, { email: user.email, password: PASSWORD })).toMatchObject({ id: user.userId });
    expect(
      await changeOwnPassword(
        t.prisma,
        user,
        { currentPassword: PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
        new Date(now.getTime() + 1_000),
      ),
    ).toEqual({ status: "saved" });
    expect(await authenticate(t.prisma, { email: user.email, password: NEW_PASSWORD })).toMatchObject({
      id: user.userId,
    });
    expect((await auditOf(user.userId)).every((event) => event.actorId === user.userId)).toBe(true);
  });

  it("a patient's portal invitation is e-mailed to the patient, by first name only", async () => {
    const clinician = actorOf(await createUser(t.prisma, { clinicId, role: "CLINICIAN" }));
    const patient = await createPatient(t.prisma, {
      clinicId,
      clinicianId: clinician.userId,
      name: "Frida Fiktiv Jensen",
      email: "frida@example.test",
    });
    const created = await inviteFor(t.prisma, clinician, patient.id, now);
    expect(created).toMatchObject({ emailedTo: "frida@example.test", link: `${APP_URL}/invite/${created.token}` });
    const mail = await t.prisma.emailMessage.findFirstOrThrow({ where: { to: "frida@example.test" } });
    expect(mail.kind).toBe("PORTAL_INVITE");
    expect(mail.text).toContain("Hej Frida\n");
    expect(`${mail.subject}${mail.text}${mail.html}`).not.toMatch(/Fiktiv|Jensen/);
  });
});
