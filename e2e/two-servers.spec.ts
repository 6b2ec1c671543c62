// Two production servers on one PostgreSQL (SPEC §8), as a clinic that has outgrown one server
// runs them behind a load balancer: nothing a user does may depend on which server answers.
// A session made on one works on the other and signing out on either ends it; a write on one
// is read on the other; sign-in failures sent to either are counted together; and the day's
// scheduled jobs, due on both at once, run on one of them only.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { prepareDataKey } from "../lib/platform/cpr/data-key-file";
import { DEFAULT_TIME_ZONE, isoDate, today } from "../lib/platform/dates";
import { createPrismaClient, type Db } from "../lib/platform/db/client";
import { type Database, openDatabase } from "../lib/platform/db/database";
import { applyMigrations } from "../lib/platform/db/migrations";
import { parseEnv } from "../lib/platform/env";
import { SCHEDULED_JOBS } from "../lib/platform/jobs/jobs";
import { createClinic, createUser } from "../lib/server/seed/builders";
import { DEMO_PASSWORD, seedDemoOnce } from "../lib/server/seed/demo";
import { AppServer } from "../tests/support/app-server";
import { findTestPostgres } from "../tests/support/find-postgres";
import { actionId, callServerAction, getPage, postSignIn, signIn, signOut } from "../tests/support/http-client";
import { expect, test } from "./support/test";

const PASSWORD = "hælløft på trappetrin";

let admin: pg.Client;
let dbName: string;
let dataDir: string;
let database: Database;
let db: Db;
let servers: [AppServer, AppServer];

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const server = await findTestPostgres();
  test.skip(!server, "no PostgreSQL server to run two app servers on");
  dbName = `heelpain_two_servers_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  admin = new pg.Client({ connectionString: server!.url });
  await admin.connect();
  await admin.query(`create database "${dbName}"`);
  const url = new URL(server!.url);
  url.pathname = `/${dbName}`;
  // Each server's own folder would hold its backups; here one for both, removed afterwards.
  dataDir = await mkdtemp(path.join(os.tmpdir(), "heelpain-two-servers-"));
  const env = {
    DATABASE_URL: url.toString(),
    DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };

  // The demo clinics, as an admin would have them before the second server is added.
  database = await openDatabase({ kind: "postgres", url: env.DATABASE_URL });
  db = createPrismaClient(database);
  await applyMigrations(database);
  process.env.DATA_ENCRYPTION_KEY = await prepareDataKey(db, parseEnv(env), {
    kind: "postgres",
    url: env.DATABASE_URL,
  });
  await seedDemoOnce(db, today(DEFAULT_TIME_ZONE));

  // Started together: each looks for due jobs as it starts, so both find the day's jobs due at once.
  servers = [new AppServer(3311, env), new AppServer(3312, env)];
  await Promise.all(servers.map((server) => server.start()));
});

test.afterAll(async () => {
  await Promise.all((servers ?? []).map((server) => server.stop()));
  await db?.$disconnect();
  await database?.close();
  if (admin) {
    await admin.query(`drop database if exists "${dbName}" with (force)`);
    await admin.end();
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test("the day's scheduled jobs, due on both servers at once, run on one of them", async () => {
  const clinics = await db.clinic.findMany({ select: { id: true } });
  const perClinic = SCHEDULED_JOBS.map((job) => job.name);
  // Both servers' first look at the schedule, and the runs it started, are over.
  await expect
    .poll(() => db.jobRun.count({ where: { job: { in: perClinic }, status: "SUCCEEDED" } }), { timeout: 60_000 })
    .toBe(perClinic.length * clinics.length);

  // Every run was claimed once: its first attempt, and one "ran" line in the two servers' logs
  // (a server logs its runs when its look at the schedule is over, after the rows are written).
  const runs = await db.jobRun.findMany({ where: { job: { in: perClinic } } });
  expect(runs.every((run) => run.attempts === 1)).toBe(true);
  const ran = () =>
    servers
      .flatMap((server) =>
        server.output
          .filter((line) => line.startsWith("{"))
          .map((line) => JSON.parse(line) as { msg?: string; job?: string; clinicId?: string }),
      )
      .filter((entry) => entry.msg === "a scheduled job ran" && entry.job && perClinic.includes(entry.job));
  await expect.poll(() => ran().length, { timeout: 60_000 }).toBeGreaterThanOrEqual(perClinic.length * clinics.length);
  for (const job of perClinic) {
    for (const clinic of clinics) {
      expect(
        ran().filter((entry) => entry.job === job && entry.clinicId === clinic.id),
        `${job} for clinic ${clinic.id}`,
      ).toHaveLength(1);
    }
  }
});

test("a session made on one server works on the other, and signing out on either ends it", async () => {
  const [one, two] = servers;
  const cookie = await signIn(one.baseURL, "patient@demo.dk", DEMO_PASSWORD);
  expect(await getPage(two.baseURL, cookie, "/portal")).toEqual({ status: 200, location: null });

  await signOut(two.baseURL, cookie);
  const answer = await getPage(one.baseURL, cookie, "/portal");
  expect(answer.status).toBe(307);
  expect(answer.location).toMatch(/\/sign-in/);
});

test("a write on one server is read on the other at once", async () => {
  const [one, two] = servers;
  const cookie = await signIn(one.baseURL, "patient@demo.dk", DEMO_PASSWORD);
  const pressed = async (base: string) => {
    const html = await (await fetch(`${base}/portal`, { headers: { cookie } })).text();
    return /<button[^>]*value="(\d+)"[^>]*aria-pressed="true"/.exec(html)?.[1] ?? null;
  };
  // A value the patient has not logged today, so that only this write can show it.
  const value = String((Number((await pressed(two.baseURL)) ?? 0) + 3) % 11);
  const logMorningPain = actionId("app/actions/portal.ts", "logMorningPainAction");
  const saved = await callServerAction(
    one.baseURL,
    cookie,
    logMorningPain,
    [{ clientId: randomUUID(), date: isoDate(today(DEFAULT_TIME_ZONE)), value }],
    "/portal",
  );
  expect(saved.value).toMatchObject({ status: "saved" });
  expect(await pressed(two.baseURL)).toBe(value);
});

test("sign-in failures on either server are counted together", async () => {
  test.setTimeout(60_000);
  const user = await createUser(db, { clinicId: (await createClinic(db)).id, role: "CLINICIAN", password: PASSWORD });
  const signInError = async (base: string, password: string) => {
    const { response } = await postSignIn(base, user.email, password);
    return new URL(((await response.json()) as { url: string }).url).searchParams.get("error");
  };
  // Five failures, alternating servers, each after the growing per-account delay (1, 2, 4, 8 s).
  const bases = servers.map((server) => server.baseURL);
  for (const [i, delay] of [0, 1100, 2100, 4100, 8100].entries()) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    expect(await signInError(bases[i % 2]!, "forkert kodeord"), `failure ${i + 1}`).toBe("CredentialsSignin");
  }
  // Both servers now make this address wait 15 minutes, even with the right password.
  for (const base of bases)
    expect(await signInError(base, PASSWORD)).toMatch(/^throttled:For mange forsøg\. Vent 1[45] minutter/);
});
