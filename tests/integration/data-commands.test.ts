// The commands that read patients' data, run as real processes on an embedded database of
// the demo clinics: the FHIR export as NDJSON, and the refusal of a wrong data key.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import type { Resource } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DATA_KEY_FILE, prepareDataKey } from "../../lib/platform/cpr/data-key-file";
import { createPrismaClient } from "../../lib/platform/db/client";
import { openDatabase } from "../../lib/platform/db/database";
import { applyMigrations } from "../../lib/platform/db/migrations";
import { parseEnv } from "../../lib/platform/env";
import { seedDemoOnce } from "../../lib/server/seed/demo";
import { fhirValidator } from "../support/fhir-validator";
import { TEST_DB_KIND } from "../support/test-db";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

async function run(script: string, args: string[], env: Record<string, string>) {
  return promisify(execFile)(TSX, [path.join(ROOT, "scripts", script), ...args], {
    cwd: ROOT,
    env: { NODE_ENV: "production", PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

// Independent of the database kind under test (the commands open their own); run once.
describe.runIf(TEST_DB_KIND === "pglite")("commands on the demo data", () => {
  let dataDir: string;
  let demoPatients: number;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "heelpain-commands-"));
    const target = { kind: "pglite" as const, dataDir };
    const db = await openDatabase(target);
    const prisma = createPrismaClient(db);
    await applyMigrations(db);
    // As npm start does: a key generated into the data folder, then the demo.
    process.env.DATA_ENCRYPTION_KEY = await prepareDataKey(prisma, parseEnv({}), target);
    await seedDemoOnce(prisma, new Date());
    demoPatients = await prisma.patient.count({ where: { clinic: { name: "Demo Fysioterapi" } } });
    await prisma.$disconnect();
    await db.close();
  }, 300_000);
  afterAll(() => {
    // The tests' own key again for the other test files in this worker.
    process.env.DATA_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");
  });

  it("npm run fhir:export writes every resource of the clinic as NDJSON, each valid FHIR R4, each patient's export audited", async () => {
    const { code, stdout, stderr } = await run("fhir-export.ts", ["--clinic", "Demo Fysioterapi"], {
      DATA_DIR: dataDir,
    });
    expect(code, stderr).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    const resources = lines.map((line) => JSON.parse(line) as Resource);
    expect(resources.filter((r) => r.resourceType === "Patient")).toHaveLength(demoPatients);
    expect(new Set(resources.map((r) => r.resourceType))).toEqual(
      // The referrals (REF07) as ServiceRequests; the signed discharge letter as a Composition
      // with its author (Practitioner) and the clinic and the GP's practice (Organization).
      new Set([
        "Patient",
        "Condition",
        "ServiceRequest",
        "Observation",
        "CarePlan",
        "Procedure",
        "Communication",
        "Composition",
        "Practitioner",
        "Organization",
      ]),
    );
    const validate = await fhirValidator();
    expect(resources.flatMap((r) => validate(r).map((problem) => `${r.resourceType}/${r.id} ${problem}`))).toEqual([]);
    expect(stderr).toContain(`Exported ${resources.length} resources of ${demoPatients} patients.`);

    const db = await openDatabase({ kind: "pglite", dataDir });
    const prisma = createPrismaClient(db);
    try {
      expect(
        await prisma.auditEvent.count({ where: { action: "EXPORT", entity: "PatientRecordFhir", actorId: null } }),
      ).toBe(demoPatients);
    } finally {
      await prisma.$disconnect();
      await db.close();
    }
  });

  it("refuses to run with a key that is not the one the database was encrypted with, and names the problem", async () => {
    expect((await readFile(path.join(dataDir, DATA_KEY_FILE), "utf8")).trim()).toHaveLength(44);
    const { code, stdout, stderr } = await run("fhir-export.ts", ["--clinic", "Demo Fysioterapi"], {
      DATA_DIR: dataDir,
      DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    });
    expect(code).toBe(1);
    expect(stderr).toContain("DATA_ENCRYPTION_KEY is not the key this database was encrypted with");
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe("");
  });

  it("npm run db:backup and db:restore move the data to a new embedded database, refusing what they must", async () => {
    const file = path.join(dataDir, "backup.sql");
    const backedUp = await run("db-backup.ts", [file], { DATA_DIR: dataDir });
    expect(backedUp.code, backedUp.stderr).toBe(0);
    expect(backedUp.stdout).toMatch(/^Backed up the database to .* \(\d+\.\d MB\) in [\d.]+ s\.\n/);
    const backup = await readFile(file, "utf8");
    const key = (await readFile(path.join(dataDir, DATA_KEY_FILE), "utf8")).trim();
    expect(backup).not.toContain(key);

    const fresh = await mkdtemp(path.join(os.tmpdir(), "heelpain-restored-"));
    // Without the key the data was encrypted with, nothing happens.
    expect(await run("db-restore.ts", [file], { DATA_DIR: fresh })).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("No data key: set DATA_ENCRYPTION_KEY"),
    });
    const other = { DATA_DIR: fresh, DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64") };
    expect(await run("db-restore.ts", [file], other)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("The backup was made with another data key"),
    });
    const cut = path.join(fresh, "cut.sql");
    await writeFile(cut, backup.slice(0, backup.length / 2));
    expect(await run("db-restore.ts", [cut], { DATA_DIR: fresh, DATA_ENCRYPTION_KEY: key })).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("The backup is incomplete"),
    });

    const restored = await run("db-restore.ts", [file], { DATA_DIR: fresh, DATA_ENCRYPTION_KEY: key });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain("Restored the backup of");
    // The key is kept beside the restored data, where npm start looks for it.
    expect((await readFile(path.join(fresh, DATA_KEY_FILE), "utf8")).trim()).toBe(key);
    expect(await run("db-restore.ts", [file], { DATA_DIR: fresh })).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("The database already holds data"),
    });
    const db = await openDatabase({ kind: "pglite", dataDir: fresh });
    const prisma = createPrismaClient(db);
    try {
      expect(await prisma.patient.count({ where: { clinic: { name: "Demo Fysioterapi" } } })).toBe(demoPatients);
    } finally {
      await prisma.$disconnect();
      await db.close();
    }
  });

  it("npm run retention:purge is a dry run unless told otherwise, and names no patient", async () => {
    const dry = await run("retention-purge.ts", [], { DATA_DIR: dataDir });
    expect(dry.code, dry.stderr).toBe(0);
    // The demo's records are recent: nothing is past retention.
    expect(dry.stdout).toMatch(
      /^Dry run: nothing is erased\. Add --execute to erase the records listed here\.\nNo record is past its retention period \(5 years from the last entry\)\.\nDone in [\d.]+ s\.\n$/,
    );
    expect(await run("retention-purge.ts", ["--now"], { DATA_DIR: dataDir })).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("Usage: npm run retention:purge [-- --execute]"),
    });
  });

  it("answers an unknown clinic and missing arguments with their usage", async () => {
    expect(await run("fhir-export.ts", [], { DATA_DIR: dataDir })).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("Usage: npm run fhir:export"),
    });
    expect(await run("fhir-export.ts", ["--clinic", "Ingen Klinik"], { DATA_DIR: dataDir })).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No clinic is named "Ingen Klinik".'),
    });
  });

  it("npm run db:seed -- --demo on a new, empty data folder makes its tables first, then adds the demo clinics", async () => {
    const fresh = await mkdtemp(path.join(os.tmpdir(), "heelpain-seed-"));
    const { code, stdout, stderr } = await run("db-seed.ts", ["--demo"], { DATA_DIR: fresh });
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/Seeded the demo clinics \(\d+ demo patients\)\./);
    expect(stdout).toContain("fysio@demo.dk");
  }, 180_000);
});
