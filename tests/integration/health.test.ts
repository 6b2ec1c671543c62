import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { checkHealth } from "../../lib/platform/health";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe(`health on ${TEST_DB_KIND}`, () => {
  it("is ok when the database answers", async () => {
    expect(await checkHealth(async () => t.prisma)).toEqual({ status: "ok", db: "ok" });
  });

  it("reports a database error when the database cannot be opened", async () => {
    const unreachable = () => Promise.reject(new Error("connection refused"));
    expect(await checkHealth(unreachable)).toEqual({ status: "error", db: "error" });
  });
});
