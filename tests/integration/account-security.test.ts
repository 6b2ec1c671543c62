// Throttling and sessions (SPEC §8) on both databases: the counts live in the database, so
// what holds here holds for every app server on one PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { endSession, sessionUser, startSession } from "../../lib/platform/auth/sessions";
import { signInWithPassword } from "../../lib/platform/auth/sign-in";
import { THROTTLE } from "../../lib/platform/auth/throttle-policy";
import { acceptInvite, acceptInviteThrottled } from "../../lib/server/invites/accept-invite";
import { createClinic, createUser } from "../../lib/server/seed/builders";
import { requestPasswordReset } from "../../lib/server/users/forgot-password";
import { changeOwnPassword } from "../../lib/server/users/own-account";
import { sendPasswordReset, setStaffActive } from "../../lib/server/users/staff-admin";
import { actorOf, APP_URL } from "../support/actors";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let clinicId: string;
const PASSWORD = "hælløft på trappetrin";
const NEW_PASSWORD = "en ny og lang adgangskode";
const MIN = 60_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

async function user(email: string, role: "CLINICIAN" | "ADMIN" = "CLINICIAN") {
  return createUser(t.prisma, { clinicId, role, email, password: PASSWORD });
}

beforeAll(async () => {
  t = await createTestDatabase();
  clinicId = (await createClinic(t.prisma)).id;
});
afterAll(() => t.close());

describe(`sign-in throttling on ${TEST_DB_KIND}`, () => {
  it("50 wrong passwords sent at once: one is checked, the rest wait; a known and an unknown e-mail alike", async () => {
    await user("kendt@example.test");
    const now = new Date("2026-11-25T08:00:00Z");
    for (const email of ["kendt@example.test", "ukendt@example.test"]) {
      const results = await Promise.all(
        Array.from({ length: 50 }, () =>
          signInWithPassword(t.prisma, { email, password: "forkert kodeord" }, "198.51.100.1", now),
        ),
      );
      const statuses = results.map((r) => r.status);
      expect(
        statuses.filter((s) => s === "failed"),
        email,
      ).toHaveLength(1);
      expect(
        statuses.filter((s) => s === "throttled"),
        email,
      ).toHaveLength(49);
      // The growing per-account delay: 1 s after the first failure.
      expect(results.find((r) => r.status === "throttled")).toEqual({ status: "throttled", retryAfterMs: 1000 });
    }
    // Refusals are audited: the known account's with its clinic, the unknown one's with none.
    expect(await t.prisma.auditEvent.count({ where: { action: "REFUSED", entity: "SignIn", clinicId } })).toBe(49);
    expect(await t.prisma.auditEvent.count({ where: { action: "REFUSED", entity: "SignIn", clinicId: null } })).toBe(
      49,
    );
  });

  it("5 failures from one address in 15 minutes: 15 minutes' wait there; the right password from another address works after the per-account delay", async () => {
    await user("maja@example.test");
    const start = new Date("2026-11-25T09:00:00Z");
    const attempt = (password: string, ip: string, when: Date) =>
      signInWithPassword(t.prisma, { email: "maja@example.test", password }, ip, when);
    // Five failures, each after the growing delay of the one before (1, 2, 4, 8 s).
    let when = start;
    for (const [i, delay] of [0, 1000, 2000, 4000, 8000].entries()) {
      when = at(when, delay);
      expect(await attempt("forkert kodeord", "198.51.100.2", when), `failure ${i + 1}`).toEqual({ status: "failed" });
    }
    // From the same address: 15 minutes, even with the right password.
    expect(await attempt(PASSWORD, "198.51.100.2", at(when, 20_000))).toEqual({
      status: "throttled",
      retryAfterMs: THROTTLE.accountAndAddress.waitMs - 20_000,
    });
    // From an address with no failures the owner's right password goes through the per-account delay (F-5).
    expect(await attempt(PASSWORD, "203.0.113.9", at(when, 10_000))).toMatchObject({ status: "ok" });
    // Success forgives that address's failures only: the guessing address still waits.
    expect(await attempt(PASSWORD, "198.51.100.2", at(when, 17_000))).toMatchObject({ status: "throttled" });
  });

  it("failures from many addresses do not keep the owner out, and each of those addresses meets the delay (F-5)", async () => {
    await user("offer@example.test");
    const start = new Date("2026-11-25T09:30:00Z");
    const attempt = (password: string, ip: string, when: Date) =>
      signInWithPassword(t.prisma, { email: "offer@example.test", password }, ip, when);
    // Six wrong passwords from six addresses, a second apart: each is checked (its address is clean) and fails.
    for (let i = 0; i < 6; i += 1)
      expect(await attempt("forkert kodeord", `198.51.100.${20 + i}`, at(start, i * 1000))).toEqual({
        status: "failed",
      });
    // A guesser's address that failed once waits the account's delay (30 s after six failures)…
    expect(await attempt("forkert igen", "198.51.100.20", at(start, 7_000))).toMatchObject({ status: "throttled" });
    // …while the owner, from their own address, two seconds later, signs in.
    expect(await attempt(PASSWORD, "203.0.113.50", at(start, 7_000))).toMatchObject({ status: "ok" });
    // The owner's success leaves the guessers' failures in place.
    expect(
      await t.prisma.authFailure.count({ where: { kind: "SIGN_IN", ip: { startsWith: "198.51.100.2" } } }),
    ).toBeGreaterThanOrEqual(6);
  });

  it("many addresses get at most the ceiling's guesses before every address waits the account's delay again", async () => {
    await user("mange@example.test");
    const start = new Date("2026-11-25T09:40:00Z");
    const attempt = (password: string, ip: string, when: Date) =>
      signInWithPassword(t.prisma, { email: "mange@example.test", password }, ip, when);
    const ceiling = THROTTLE.account.cleanAddressCeiling;
    for (let i = 0; i < ceiling; i += 1) {
      expect(await attempt("forkert kodeord", `2001:db8::${i + 1}`, at(start, i * 100)), `guess ${i + 1}`).toEqual({
        status: "failed",
      });
    }
    // The next fresh address, the owner's included, waits like any other.
    expect(await attempt("endnu et gæt", "2001:db8::ffff", at(start, ceiling * 100))).toMatchObject({
      status: "throttled",
    });
    expect(await attempt(PASSWORD, "203.0.113.60", at(start, ceiling * 100))).toMatchObject({ status: "throttled" });
    expect(
      await attempt(PASSWORD, "203.0.113.60", at(start, ceiling * 100 + THROTTLE.account.maxDelayMs)),
    ).toMatchObject({ status: "ok" });
  });

  it("the current password on the account page is a sign-in attempt, throttled alike (F-11)", async () => {
    const u = actorOf(await user("orakel@example.test"));
    const now = new Date("2026-11-25T09:45:00Z");
    const change = (currentPassword: string, when: Date) =>
      changeOwnPassword(
        t.prisma,
        { ...u, ip: "198.51.100.40" },
        { currentPassword, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
        when,
      );
    expect(await change("gæt nummer et", now)).toMatchObject({ status: "invalid" });
    // Twelve guesses in a row: the first is checked, the rest wait for the delay.
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => change(`gæt ${i}`, at(now, 100))));
    expect(answers.every((answer) => answer.status === "throttled")).toBe(true);
    expect(await change(PASSWORD, at(now, 200))).toMatchObject({ status: "throttled" });
    expect(await t.prisma.auditEvent.count({ where: { action: "REFUSED", entity: "SignIn", actorId: u.userId } })).toBe(
      13,
    );
    expect(await change(PASSWORD, at(now, 1_000))).toEqual({ status: "saved" });
  });

  it("one address trying many accounts: 50 failures in an hour mean an hour's wait", async () => {
    const start = new Date("2026-11-25T10:00:00Z");
    for (let i = 0; i < THROTTLE.address.failures; i += 1) {
      expect(
        await signInWithPassword(
          t.prisma,
          { email: `gæt-${i}@example.test`, password: "x" },
          "198.51.100.3",
          at(start, i * 1000),
        ),
      ).toEqual({ status: "failed" });
    }
    await user("ny@example.test");
    const later = at(start, 30 * MIN);
    expect(
      await signInWithPassword(t.prisma, { email: "ny@example.test", password: PASSWORD }, "198.51.100.3", later),
    ).toMatchObject({ status: "throttled" });
    expect(
      await signInWithPassword(t.prisma, { email: "ny@example.test", password: PASSWORD }, "198.51.100.4", later),
    ).toMatchObject({ status: "ok" });
  });

  it("password-link requests and invitation links are throttled the same way", async () => {
    const now = new Date("2026-11-25T11:00:00Z");
    const ask = (when: Date) =>
      requestPasswordReset(t.prisma, { email: "hvem@example.test" }, when, APP_URL, "198.51.100.5");
    expect(await ask(now)).toMatchObject({ status: "sent" });
    expect(await ask(at(now, 500))).toEqual({ status: "throttled", retryAfterMs: 500 });
    const token = "A".repeat(43);
    const open = (when: Date) =>
      acceptInviteThrottled(
        t.prisma,
        token,
        { password: PASSWORD, confirmPassword: PASSWORD },
        "da",
        when,
        "198.51.100.6",
      );
    expect(await open(now)).toEqual({ status: "INVALID" });
    expect(await open(at(now, 100))).toEqual({ status: "THROTTLED", retryAfterMs: 900 });
  });
});

describe(`sessions on ${TEST_DB_KIND}`, () => {
  it("sign-out ends that session only", async () => {
    const u = await user("sara@example.test");
    const now = new Date();
    const [phone, laptop] = [await startSession(t.prisma, u.id, now), await startSession(t.prisma, u.id, now)];
    await endSession(t.prisma, phone);
    expect(await sessionUser(t.prisma, phone, u.id, now)).toBeNull();
    expect(await sessionUser(t.prisma, laptop, u.id, now)).toMatchObject({ id: u.id });
    // A session expires after 8 hours.
    expect(await sessionUser(t.prisma, laptop, u.id, at(now, 8 * 60 * MIN + 1))).toBeNull();
  });

  it("a password change ends the user's other sessions; a reset and closing the account end them all", async () => {
    const admin = actorOf(await user("admin-sessions@example.test", "ADMIN"));
    const u = await user("tom@example.test");
    const now = new Date();
    const here = await startSession(t.prisma, u.id, now);
    const there = await startSession(t.prisma, u.id, now);
    expect(
      await changeOwnPassword(
        t.prisma,
        { ...actorOf(u), sessionId: here },
        { currentPassword: PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
        now,
      ),
    ).toEqual({ status: "saved" });
    expect(await sessionUser(t.prisma, here, u.id, now)).not.toBeNull();
    expect(await sessionUser(t.prisma, there, u.id, now)).toBeNull();

    await sendPasswordReset(t.prisma, admin, u.id, now, APP_URL);
    const mail = await t.prisma.emailMessage.findFirstOrThrow({ where: { to: u.email, kind: "PASSWORD_RESET" } });
    const token = /\/invite\/([A-Za-z0-9_-]{43})/.exec(mail.text!)![1]!;
    expect(
      await acceptInvite(t.prisma, token, { password: PASSWORD, confirmPassword: PASSWORD }, "da", now),
    ).toMatchObject({ status: "ACCEPTED" });
    expect(await sessionUser(t.prisma, here, u.id, now)).toBeNull();

    const again = await startSession(t.prisma, u.id, now);
    await setStaffActive(t.prisma, admin, u.id, false);
    expect(await t.prisma.userSession.count({ where: { id: again } })).toBe(0);
  });
});
