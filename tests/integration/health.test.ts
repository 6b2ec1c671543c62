import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { checkHealth } from "../../lib/platform/health";
import { createTestDatabase, TEST_DB_KIND, type TestDatabase } from "../support/test-db";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe(`health on ${TEST_DB_KIND}`, () => {
  const noReplica = async () => "none" as const;

  it("is ok when the database answers", async () => {
    expect(await checkHealth(async () => t.prisma, noReplica)).toEqual({ status: "ok", db: "ok", replica: "none" });
  });

  it("reports a database error when the database cannot be opened", async () => {
    const unreachable = () => Promise.reject(new Error("connection refused"));
    expect(await checkHealth(unreachable, noReplica)).toEqual({ status: "error", db: "error", replica: "none" });
  });

  it("stays ok with a replica that is down or behind, and says so", async () => {
    expect(
      await checkHealth(
        async () => t.prisma,
        async () => "lagging",
      ),
    ).toEqual({
      status: "ok",
      db: "ok",
      replica: "lagging",
    });
    const failing = () => Promise.reject(new Error("connection refused"));
    expect((await checkHealth(async () => t.prisma, failing)).replica).toBe("down");
  });
});
