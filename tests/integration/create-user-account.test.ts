import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { authenticate } from "../../lib/platform/auth/authenticate";
import { createClinic } from "../../lib/server/seed/builders";
import { createUserAccount } from "../../lib/server/users/create-user-account";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
let clinicId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  clinicId = (await createClinic(t.prisma)).id;
});
afterAll(() => t.close());

describe(`user:create on ${TEST_DB_KIND}`, () => {
  const valid = {
    email: "New.User@Clinic.test",
    name: "New User",
    role: "CLINICIAN",
    password: "a-good-long-password",
  };

  it("creates a user who can then sign in", async () => {
    const result = await createUserAccount(t.prisma, { ...valid, clinicId });
    expect(result).toMatchObject({ ok: true, user: { email: "new.user@clinic.test", role: "CLINICIAN" } });
    expect(await authenticate(t.prisma, { email: valid.email, password: valid.password })).not.toBeNull();
  });

  it("answers field errors for every bad field and writes nothing", async () => {
    const before = await t.prisma.user.count();
    const result = await createUserAccount(t.prisma, {
      email: "nope",
      name: " ",
      role: "BOSS",
      password: "short",
      clinicId,
    });
    expect(result.ok).toBe(false);
    expect(Object.keys(result.ok ? {} : result.fieldErrors).sort()).toEqual(["email", "name", "password", "role"]);
    expect(await t.prisma.user.count()).toBe(before);
  });

  it("refuses a second user with the same email, in any case", async () => {
    const result = await createUserAccount(t.prisma, { ...valid, email: "NEW.USER@clinic.test", clinicId });
    expect(result).toEqual({ ok: false, fieldErrors: { email: ["a user with this email already exists"] } });
  });

  it("refuses a clinic that does not exist", async () => {
    const result = await createUserAccount(t.prisma, {
      ...valid,
      email: "other@clinic.test",
      clinicId: "00000000-0000-4000-8000-000000000000",
    });
    expect(result).toEqual({ ok: false, fieldErrors: { clinicId: ["no clinic has this id"] } });
  });
});
