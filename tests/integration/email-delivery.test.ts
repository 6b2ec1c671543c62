// E-mail leaves through a real SMTP server started here (smtp-server), and what arrives is
// read back with a real MIME parser (mailparser).
import type { AddressInfo } from "node:net";

import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { Actor } from "../../lib/platform/auth/actor";
import { deliverPendingEmail, MAX_ATTEMPTS, smtpTransport } from "../../lib/server/email/delivery";
import { createClinic, createUser } from "../../lib/server/seed/builders";
import { inviteStaff } from "../../lib/server/users/staff-admin";
import { actorOf, APP_URL } from "../support/actors";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

const FROM = "Klinik Nord <no-reply@klinik.test>";
let t: TestDatabase;
let admin: Actor;
let server: SMTPServer;
let smtpUrl: string;
const received: ParsedMail[] = [];
/** Recipients the server refuses, as a mail server does an unknown mailbox. */
const refused = new Set<string>();

beforeAll(async () => {
  t = await createTestDatabase();
  admin = actorOf(
    await createUser(t.prisma, { clinicId: (await createClinic(t.prisma, { name: "Klinik Nord" })).id, role: "ADMIN" }),
  );
  server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) =>
      auth.username === "app" && auth.password === "hemmelig"
        ? callback(null, { user: "app" })
        : callback(new Error("Invalid login")),
    onRcptTo: (address, _session, callback) =>
      refused.has(address.address)
        ? callback(Object.assign(new Error("No such mailbox"), { responseCode: 550 }))
        : callback(),
    onData: (stream, _session, callback) => {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://app:hemmelig@127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
});
beforeEach(async () => {
  received.length = 0;
  refused.clear();
  await t.prisma.emailMessage.deleteMany();
});

describe(`e-mail delivery through SMTP on ${TEST_DB_KIND}`, () => {
  it("sends a queued invitation as text and HTML from MAIL_FROM, then keeps no link", async () => {
    await inviteStaff(
      t.prisma,
      admin,
      { name: "Gitte Gram", email: "gitte@example.test", role: "CLINICIAN", locale: "da" },
      new Date(),
      APP_URL,
    );
    expect(await deliverPendingEmail(t.prisma, smtpTransport(smtpUrl), FROM)).toEqual({ sent: 1, failed: 0 });

    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.from?.text).toBe('"Klinik Nord" <no-reply@klinik.test>');
    expect(mail.to && !Array.isArray(mail.to) && mail.to.text).toBe("gitte@example.test");
    expect(mail.subject).toBe("Din konto hos Klinik Nord");
    expect(mail.text).toMatch(/^Hej Gitte\n/);
    const link = /http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{43}/.exec(mail.text!)![0];
    expect(mail.html).toContain(`href="${link}"`);

    const stored = await t.prisma.emailMessage.findFirstOrThrow();
    expect(stored).toMatchObject({ to: "gitte@example.test", attempts: 1, text: null, html: null, lastError: null });
    expect(stored.sentAt).toBeInstanceOf(Date);
    // Sent once: a second run finds nothing to send.
    expect(await deliverPendingEmail(t.prisma, smtpTransport(smtpUrl), FROM)).toEqual({ sent: 0, failed: 0 });
    expect(received).toHaveLength(1);
  });

  it("two runners at once send each message once", async () => {
    for (const name of ["a", "b", "c"])
      await inviteStaff(
        t.prisma,
        admin,
        { name, email: `${name}@example.test`, role: "CLINICIAN" },
        new Date(),
        APP_URL,
      );
    const runs = await Promise.all([0, 1].map(() => deliverPendingEmail(t.prisma, smtpTransport(smtpUrl), FROM)));
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(3);
    expect(received.map((mail) => (mail.to && !Array.isArray(mail.to) ? mail.to.text : "")).sort()).toEqual([
      "a@example.test",
      "b@example.test",
      "c@example.test",
    ]);
  });

  it("a refused message keeps its text and is tried again, up to MAX_ATTEMPTS times", async () => {
    refused.add("ukendt@example.test");
    await inviteStaff(
      t.prisma,
      admin,
      { name: "Ukendt", email: "ukendt@example.test", role: "CLINICIAN" },
      new Date(),
      APP_URL,
    );
    for (let run = 1; run <= MAX_ATTEMPTS; run += 1)
      expect(await deliverPendingEmail(t.prisma, smtpTransport(smtpUrl), FROM)).toEqual({ sent: 0, failed: 1 });
    expect(await deliverPendingEmail(t.prisma, smtpTransport(smtpUrl), FROM)).toEqual({ sent: 0, failed: 0 });
    const stored = await t.prisma.emailMessage.findFirstOrThrow();
    expect(stored).toMatchObject({ sentAt: null, attempts: MAX_ATTEMPTS, lastError: "EENVELOPE" });
    expect(stored.text).toContain("/invite/");
    expect(received).toHaveLength(0);
  });

  it("wrong SMTP credentials fail every message without losing it", async () => {
    await inviteStaff(
      t.prisma,
      admin,
      { name: "Hans", email: "hans@example.test", role: "CLINICIAN" },
      new Date(),
      APP_URL,
    );
    expect(await deliverPendingEmail(t.prisma, smtpTransport(smtpUrl.replace("hemmelig", "forkert")), FROM)).toEqual({
      sent: 0,
      failed: 1,
    });
    expect(await t.prisma.emailMessage.findFirstOrThrow()).toMatchObject({
      sentAt: null,
      attempts: 1,
      lastError: "EAUTH",
    });
    expect(await deliverPendingEmail(t.prisma, smtpTransport(smtpUrl), FROM)).toEqual({ sent: 1, failed: 0 });
  });
});
