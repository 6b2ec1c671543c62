import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { authenticate } from "../../lib/platform/auth/authenticate";
import { createClinic, createUser } from "../../lib/server/seed/builders";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let clinicId: string;
const password = "correct horse battery staple";

beforeAll(async () => {
  t = await createTestDatabase();
  clinicId = (await createClinic(t.prisma)).id;
  await createUser(t.prisma, { clinicId, role: "CLINICIAN", email: "active@clinic.test", name: "Active", password });
  await createUser(t.prisma, {
    clinicId,
    role: "CLINICIAN",
    email: "gone@clinic.test",
    name: "Gone",
    password,
    active: false,
  });
});
afterAll(() => t.close());

describe(`sign-in on ${TEST_DB_KIND}`, () => {
  it("accepts the right password and returns the user's role and clinic", async () => {
    const user = await authenticate(t.prisma, { email: "active@clinic.test", password });
    expect(user).toMatchObject({ email: "active@clinic.test", role: "CLINICIAN", clinicId, locale: "da" });
  });

  it("matches the email regardless of case and surrounding spaces", async () => {
    expect(await authenticate(t.prisma, { email: "  Active@Clinic.TEST ", password })).not.toBeNull();
  });

  it("stores an argon2id hash, never the password", async () => {
    const row = await t.prisma.user.findUniqueOrThrow({ where: { email: "active@clinic.test" } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(password);
  });

  it.each([
    ["a wrong password", { email: "active@clinic.test", password: "wrong password" }],
    ["an unknown email", { email: "nobody@clinic.test", password }],
    ["a deactivated user", { email: "gone@clinic.test", password }],
    ["a malformed email", { email: "not-an-email", password }],
    ["a missing password", { email: "active@clinic.test" }],
  ])("refuses %s with the same answer", async (_case, credentials) => {
    expect(await authenticate(t.prisma, credentials)).toBeNull();
  });
});
