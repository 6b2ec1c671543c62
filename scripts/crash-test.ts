// npm run test:crash [-- --short] [-- --db pglite|postgres]: starts the production server as
// `npm start` does, drives a bounded write load through HTTP (patients logging sessions in the
// portal, a clinician saving measurements), kills the server with SIGKILL several times and
// starts it again at once, then checks that every acknowledged write is stored exactly once.
// On the embedded database (PGlite) and on PostgreSQL (the one the integration tests use: a
// database of its own, dropped afterwards). --short is the version npm test runs.
//
// The writes are the requests the forms' scripts send: a POST to the page naming the server
// action (its id from the build's own table of actions) with the arguments in React's reply
// encoding (React's own encodeReply, the one Next.js ships). A write whose answer is lost is
// sent again with the same client id or idempotency key, as the portal and the clinic's forms do.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { prepareDataKey } from "../lib/platform/cpr/data-key-file";
import { DEFAULT_TIME_ZONE, isoDate, today } from "../lib/platform/dates";
import { createPrismaClient, type Db } from "../lib/platform/db/client";
import { type DatabaseTarget, openDatabase } from "../lib/platform/db/database";
import { applyMigrations } from "../lib/platform/db/migrations";
import { parseEnv } from "../lib/platform/env";
import { DEMO_PASSWORD, seedDemoOnce } from "../lib/server/seed/demo";
import { AppServer } from "../tests/support/app-server";
import { findTestPostgres } from "../tests/support/find-postgres";
import { type ActionAnswer, actionId, callServerAction, formArgs, signIn } from "../tests/support/http-client";
import { runCli, UsageError } from "./cli";

const PORT = Number(process.env.CRASH_PORT ?? 3230);
const BASE = `http://127.0.0.1:${PORT}`;

const short = process.argv.includes("--short");
/** Writes per writer, writers of each kind, and how many times the server is killed. */
const LOAD = short
  ? { writes: 15, patients: 2, clinicians: 1, kills: 3 }
  : { writes: 60, patients: 4, clinicians: 2, kills: 8 };

runCli(async () => {
  const only = process.argv.includes("--db") ? process.argv[process.argv.indexOf("--db") + 1] : undefined;
  if (only && only !== "pglite" && only !== "postgres")
    throw new UsageError("Usage: npm run test:crash -- [--short] [--db pglite|postgres]");
  const failures: string[] = [];
  if (!only || only === "pglite") failures.push(...(await onPglite()));
  if (!only || only === "postgres") {
    const server = await findTestPostgres();
    // As the integration tests do: without a PostgreSQL server, the embedded database only.
    if (server) failures.push(...(await onPostgres(server.url)));
    else if (only) throw new UsageError("No PostgreSQL found (set TEST_DATABASE_URL or run one on 127.0.0.1:5432).");
    else
      console.log(
        "\nNo PostgreSQL server answered (TEST_DATABASE_URL or 127.0.0.1:5432): the crash test ran on the embedded database only.",
      );
  }
  if (failures.length > 0) throw new Error(`The crash test failed:\n  ${failures.join("\n  ")}`);
  console.log("\nEvery acknowledged write was stored exactly once.");
});

async function onPglite(): Promise<string[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "heelpain-crash-"));
  try {
    return await crashRun("PGlite", { kind: "pglite", dataDir }, { DATA_DIR: dataDir });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function onPostgres(serverUrl: string): Promise<string[]> {
  const name = `heelpain_crash_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const target: DatabaseTarget = { kind: "postgres", url: url.toString() };
    return await crashRun("PostgreSQL", target, {
      DATABASE_URL: target.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    });
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

async function withDb<T>(
  target: DatabaseTarget,
  work: (db: Awaited<ReturnType<typeof openDatabase>>, prisma: Db) => Promise<T>,
): Promise<T> {
  const db = await openDatabase(target);
  const prisma = createPrismaClient(db);
  try {
    return await work(db, prisma);
  } finally {
    await prisma.$disconnect();
    await db.close();
  }
}

type Write = {
  id: string;
  url: string;
  send: () => Promise<ActionAnswer>;
  acknowledged: (answer: ActionAnswer) => boolean;
};

/**
 * Sends each write until the server acknowledges it: a lost answer (a refused or broken
 * connection while the server is down, or a 5xx) is sent again, the same write. An answer that
 * is neither is a failure of the test.
 */
async function writer(writes: Write[], acked: string[]) {
  for (const write of writes) {
    for (;;) {
      // The answer: "acknowledged", "refused" (an answer without the confirmation) or null when it was lost.
      const answer = await write.send().then(
        (response) =>
          response.status >= 500 ? null : write.acknowledged(response) ? "acknowledged" : `answered ${response.status}`,
        () => null,
      );
      if (answer === "acknowledged") {
        acked.push(write.id);
        break;
      }
      if (answer) throw new Error(`${write.url} was ${answer}, without its confirmation`);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
}

/** The demo clinic (as npm start adds it to a new embedded database), and the demo patient's ids. */
async function prepare(target: DatabaseTarget, env: Record<string, string>) {
  return withDb(target, async (db, prisma) => {
    await applyMigrations(db);
    // The key the server will start with (given, or generated into the data folder), before
    // the demo's CPR numbers are written.
    process.env.DATA_ENCRYPTION_KEY = await prepareDataKey(prisma, parseEnv(env), target);
    await seedDemoOnce(prisma, today(DEFAULT_TIME_ZONE));
    const episode = await prisma.episode.findFirstOrThrow({
      where: { patient: { name: "Peter Patient" }, status: { not: "DISCHARGED" } },
      select: { id: true, patientId: true, assignments: { where: { status: "ACTIVE" }, select: { id: true } } },
    });
    if (!episode.assignments[0]) throw new Error("the demo patient has no program to log a session of");
    return { patientId: episode.patientId, episodeId: episode.id, assignmentId: episode.assignments[0].id };
  });
}

async function crashRun(label: string, target: DatabaseTarget, env: Record<string, string>): Promise<string[]> {
  console.log(
    `\n== ${label}: ${LOAD.patients} patients' and ${LOAD.clinicians} clinicians' writers, ${LOAD.writes} writes each, ${LOAD.kills} kills`,
  );
  const { patientId, episodeId, assignmentId } = await prepare(target, env);
  const server = new AppServer(PORT, env);
  const testStart = new Date();
  const day = isoDate(today(DEFAULT_TIME_ZONE));
  try {
    console.log(`   started in ${((await server.start()) / 1000).toFixed(1)} s`);
    return await driveLoad(server, label, target, { patientId, episodeId, assignmentId, testStart, day });
  } finally {
    await server.stop();
  }
}

async function driveLoad(
  server: AppServer,
  label: string,
  target: DatabaseTarget,
  {
    patientId,
    episodeId,
    assignmentId,
    testStart,
    day,
  }: { patientId: string; episodeId: string; assignmentId: string; testStart: Date; day: string },
): Promise<string[]> {
  const patientCookie = await signIn(BASE, "patient@demo.dk", DEMO_PASSWORD);
  const clinicianCookie = await signIn(BASE, "fysio@demo.dk", DEMO_PASSWORD);
  const logSession = actionId("app/actions/portal.ts", "logSessionAction");
  const saveRecord = actionId("app/actions/records.ts", "saveRecordAction");
  const outcomePage = `/patients/${patientId}/records/outcome/new`;

  const sessionWrites = (n: number): Write[] =>
    Array.from({ length: n }, (_, i) => {
      const clientId = randomUUID();
      return {
        id: clientId,
        url: "/portal",
        send: () =>
          callServerAction(
            BASE,
            patientCookie,
            logSession,
            [
              {
                clientId,
                assignmentId,
                date: day,
                completed: "yes",
                sets: "3",
                reps: "15",
                loadKg: "",
                painDuring: String(i % 3),
                effort: "AS_INTENDED",
              },
            ],
            "/portal",
          ),
        acknowledged: (answer) => (answer.value as { status?: string } | null)?.status === "saved",
      };
    });
  const outcomeWrites = (n: number): Write[] =>
    Array.from({ length: n }, (_, i) => {
      const idempotencyKey = randomUUID();
      return {
        id: idempotencyKey,
        url: "/patients/…/records/outcome/new",
        send: () =>
          callServerAction(
            BASE,
            clinicianCookie,
            saveRecord,
            formArgs(["outcome", { patientId, episodeId, recordId: null }], {
              idempotencyKey,
              date: day,
              // The new-measurements form: one field per instrument.
              NRS_ACTIVITY: String(i % 11),
            }),
            outcomePage,
          ),
        // Saved, the form goes back to the patient page.
        acknowledged: (answer) => answer.redirect === `/patients/${patientId}`,
      };
    });

  const sessions = Array.from({ length: LOAD.patients }, () => sessionWrites(LOAD.writes));
  const outcomes = Array.from({ length: LOAD.clinicians }, () => outcomeWrites(LOAD.writes));
  const ackedSessions: string[] = [];
  const ackedOutcomes: string[] = [];
  const done = { stop: false };
  const writers = Promise.all([
    ...sessions.map((w) => writer(w, ackedSessions)),
    ...outcomes.map((w) => writer(w, ackedOutcomes)),
  ]).finally(() => {
    done.stop = true;
  });
  writers.catch(() => undefined);

  // Kill the server whenever a few more writes were acknowledged, and start it again at once.
  const total = (LOAD.patients + LOAD.clinicians) * LOAD.writes;
  const restarts: number[] = [];
  for (let kill = 1; kill <= LOAD.kills && !done.stop; kill += 1) {
    const target = Math.floor((total * kill) / (LOAD.kills + 1));
    while (!done.stop && ackedSessions.length + ackedOutcomes.length < target)
      await new Promise((resolve) => setTimeout(resolve, 20));
    if (done.stop) break;
    await server.kill();
    restarts.push(await server.start());
  }
  await writers;
  await server.stop();
  console.log(
    `   ${restarts.length} kills; back up after ${restarts.map((ms) => (ms / 1000).toFixed(1)).join(", ")} s`,
  );
  console.log(`   acknowledged: ${ackedSessions.length} sessions, ${ackedOutcomes.length} measurements`);

  // The server is stopped: the test reads the database itself.
  return withDb(target, async (_db, prisma) => {
    const failures: string[] = [];
    const sentSessions = sessions.flat().map((w) => w.id);
    const storedSessions = await prisma.sessionLog.findMany({
      where: { clientId: { in: sentSessions } },
      select: { clientId: true },
    });
    const stored = new Set(storedSessions.map((s) => s.clientId));
    const lostSessions = ackedSessions.filter((id) => !stored.has(id));
    if (lostSessions.length) failures.push(`${label}: ${lostSessions.length} acknowledged sessions are missing`);

    const sentKeys = outcomes.flat().map((w) => w.id);
    const keys = await prisma.idempotencyKey.findMany({ where: { key: { in: sentKeys } } });
    const written = new Set(keys.map((k) => k.entityId));
    const lostOutcomes = ackedOutcomes.filter((key) => !keys.some((k) => k.key === key && k.entityId));
    if (lostOutcomes.length) failures.push(`${label}: ${lostOutcomes.length} acknowledged measurements are missing`);
    // Every measurement the test's writes made belongs to one key: none was stored twice.
    const rows = await prisma.outcomeMeasurement.count({
      where: {
        instrument: "NRS_ACTIVITY",
        recordedBy: "CLINICIAN",
        createdAt: { gte: testStart },
        episode: { patientId },
      },
    });
    if (rows !== written.size) failures.push(`${label}: ${rows} measurements stored for ${written.size} keys`);
    console.log(
      `   stored: ${stored.size} sessions (${ackedSessions.length} acknowledged), ${rows} measurements (${ackedOutcomes.length} acknowledged)`,
    );
    if (ackedSessions.length + ackedOutcomes.length !== total)
      failures.push(
        `${label}: only ${ackedSessions.length + ackedOutcomes.length} of ${total} writes were acknowledged`,
      );
    return failures;
  });
}
