// The commands' answers to a bad environment, run as real processes.
import { execFile, spawn } from "node:child_process";
import { cp, mkdtemp, open, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type Database, openDatabase } from "../../lib/platform/db/database";
import { applyMigrations } from "../../lib/platform/db/migrations";
import { TEST_DB_KIND } from "../support/test-db";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

async function run(script: string, env: Record<string, string>) {
  const result = await promisify(execFile)(TSX, [path.join(ROOT, "scripts", script)], {
    cwd: ROOT,
    env: { NODE_ENV: "production", PATH: process.env.PATH, HOME: process.env.HOME, PORT: "3199", ...env },
    timeout: 60_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  return { code: result.code, stdout: result.stdout, stderr: result.stderr };
}

// These do not depend on the database kind under test; run them once.
describe.runIf(TEST_DB_KIND === "pglite")("start-up with a bad environment", () => {
  let dataDir: string;
  let held: Database;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "heelpain-held-"));
    held = await openDatabase({ kind: "pglite", dataDir });
    await applyMigrations(held);
  });
  afterAll(() => held.close());

  it("refuses a data folder another process holds, naming the process", async () => {
    const { code, stdout, stderr } = await run("db-migrate.ts", { DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(stderr).toContain(`The embedded database in ${dataDir} is in use by process ${process.pid}.`);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(stdout).toBe("");
  });

  it("refuses a second opener in the same process too", async () => {
    await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toThrow(/is in use by process/);
  });

  it("a holder killed with SIGKILL leaves no lock behind; while it lives, it is named", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), "heelpain-killed-"));
    const script = path.join(folder, "hold.mts");
    await writeFile(
      script,
      `import { openDatabase } from ${JSON.stringify(path.join(ROOT, "lib/platform/db/database.ts"))};\nawait openDatabase({ kind: "pglite", dataDir: process.argv[2] });\nconsole.log("held");\nsetInterval(() => {}, 1000);\n`,
    );
    // Node itself with tsx loaded, so that the pid is the holder's (the tsx command would run it in a child).
    const holder = spawn(process.execPath, ["--import", "tsx", script, path.join(folder, "data")], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve) =>
      holder.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("held") && resolve()),
    );
    await expect(openDatabase({ kind: "pglite", dataDir: path.join(folder, "data") })).rejects.toThrow(
      `is in use by process ${holder.pid}`,
    );
    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.once("exit", resolve));
    // At once, as `npm start` right after a crash.
    const reopened = await openDatabase({ kind: "pglite", dataDir: path.join(folder, "data") });
    await reopened.close();
  });

  it("explains a damaged data folder instead of printing a stack trace", async () => {
    const damaged = await mkdtemp(path.join(os.tmpdir(), "heelpain-damaged-"));
    await held.close();
    await cp(dataDir, damaged, { recursive: true });
    held = await openDatabase({ kind: "pglite", dataDir });
    const control = await open(path.join(damaged, "pglite/global/pg_control"), "r+");
    await control.write(Buffer.alloc(8192, 0xab), 0, 8192, 0);
    await control.close();
    await writeFile(path.join(damaged, "pglite.pid"), "");

    const { code, stderr } = await run("db-migrate.ts", { DATA_DIR: damaged });
    expect(code).toBe(1);
    expect(stderr).toContain(`The embedded database in ${damaged} could not be opened`);
    expect(stderr).toContain("The folder may be damaged");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("stops at once when DATABASE_URL cannot be reached, naming the variable", async () => {
    const started = Date.now();
    const { code, stderr } = await run("start.ts", {
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
      NEXTAUTH_SECRET: "x".repeat(40),
    });
    expect(code).toBe(1);
    expect(stderr).toContain("DATABASE_URL: cannot reach the PostgreSQL server");
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it("stops when DATABASE_URL is set without an auth secret", async () => {
    const { code, stderr } = await run("start.ts", { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expect(code).toBe(1);
    expect(stderr).toContain("NEXTAUTH_SECRET must be set when DATABASE_URL is set");
  });

  it("names a malformed setting", async () => {
    const { code, stderr } = await run("db-migrate.ts", { DATABASE_URL: "mysql://db/x" });
    expect(code).toBe(1);
    expect(stderr).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
  });

  it("refuses a replica without a PostgreSQL primary", async () => {
    const { code, stderr } = await run("db-migrate.ts", { DATABASE_REPLICA_URL: "postgres://replica/x" });
    expect(code).toBe(1);
    expect(stderr).toContain("DATABASE_REPLICA_URL: needs DATABASE_URL");
  });
});
