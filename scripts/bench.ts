// npm run bench [-- --only views|peak]: the server time of /caseload for five views, of the
// patient portal and of the clinic report on the benchmark clinic (npm run bench:seed first),
// beside the time of the same data access run directly; once, what the report would cost
// without its stored facts; and the portal's morning peak (scripts/morning-peak.ts).
// Measures the configured database (DATA_DIR or DATABASE_URL); with DATABASE_REPLICA_URL, the
// caseload and the report read on that replica, in the server and directly alike. Writes
// bench/results.json.
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { type Actor, ACTOR_USER_INCLUDE, actorFor } from "../lib/platform/auth/actor";
import { prepareDataKey } from "../lib/platform/cpr/data-key-file";
import { DEFAULT_TIME_ZONE, isoDate, today } from "../lib/platform/dates";
import type { Db } from "../lib/platform/db/client";
import { createPrismaClient } from "../lib/platform/db/client";
import { type DatabaseTarget, databaseTargetFromEnv, openDatabase } from "../lib/platform/db/database";
import { applyMigrations } from "../lib/platform/db/migrations";
import { openReplica } from "../lib/platform/db/replica";
import { parseEnv, type TEnv } from "../lib/platform/env";
import { dailyBackupJob, SCHEDULED_JOBS } from "../lib/platform/jobs/jobs";
import { runDueJobs } from "../lib/platform/jobs/run-due-jobs";
import { LEASE_MS } from "../lib/platform/jobs/schedule";
import { parseCaseloadQuery } from "../lib/server/caseload/caseload-query";
import { listCaseload } from "../lib/server/caseload/list-caseload";
import { loadEpisodeSnapshots } from "../lib/server/episodes/episode-snapshot";
import { getPortalOverview } from "../lib/server/portal/portal-overview";
import { clinicReport } from "../lib/server/reports/clinic-report";
import { workOutReportFacts } from "../lib/server/reports/report-facts";
import { defaultPeriod } from "../lib/server/reports/report-query";
import { AppServer } from "../tests/support/app-server";
import { signIn } from "../tests/support/http-client";
import { BENCH_ADMIN, BENCH_CLINIC, BENCH_CLINICIAN, BENCH_PASSWORD, BENCH_PORTAL_PATIENT } from "./bench-config";
import { runCli, UsageError } from "./cli";
import { measureMorningPeak, PEAK } from "./morning-peak";

// A hundred requests per view, the views taken in turn: the p95 of thirty, each view's run one
// after the other, moved by 10–20 ms between runs on a two-core machine, as whatever else the
// machine did at the time fell on one view.
const RUNS = 100;
const WARM_UP = 3;
const PORT = Number(process.env.BENCH_PORT ?? 3210);
const ROOT = path.resolve(import.meta.dirname, "..");
type View = {
  name: string;
  path: string;
  as: string;
  /** `reader` is the replica's client with DATABASE_REPLICA_URL, else the primary's, as the server chooses it. */
  direct: (dbs: { db: Db; reader: Db }, actor: Actor, day: Date) => Promise<unknown>;
};
const caseload = (name: string, path: string): View => ({
  name,
  path,
  as: BENCH_CLINICIAN,
  direct: ({ db, reader }, actor, day) =>
    listCaseload(
      db,
      actor,
      parseCaseloadQuery(Object.fromEntries(new URL(path, "http://x").searchParams)),
      day,
      reader,
    ),
});
const VIEWS: View[] = [
  caseload("default view (own patients)", "/caseload"),
  caseload("whole clinic, latest pain desc", "/caseload?scope=clinic&sort=pain&dir=desc"),
  caseload("whole clinic, urgent+high flags", "/caseload?scope=clinic&severity=high"),
  caseload("whole clinic, name search", "/caseload?scope=clinic&q=Hansen"),
  caseload("whole clinic, page 50", "/caseload?scope=clinic&page=50"),
  {
    name: "portal (patient, 14 months of logs)",
    path: "/portal",
    as: BENCH_PORTAL_PATIENT.email,
    direct: ({ db }, actor, day) => getPortalOverview(db, actor, day),
  },
  report("clinic report, 12 months, clinic", BENCH_ADMIN),
  report("clinic report, 12 months, own", BENCH_CLINICIAN),
];

/** The clinic report of its default period, the last twelve months, as /reports opens. */
function report(name: string, as: string): View {
  return {
    name,
    path: "/reports",
    as,
    direct: ({ reader }, actor, day) => clinicReport(reader, actor, defaultPeriod(day), isoDate(day)),
  };
}

type Stats = { p50: number; p95: number };

runCli(async () => {
  const env = parseEnv(process.env);
  const target = databaseTargetFromEnv(env);
  const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
  if (only && only !== "views" && only !== "peak") throw new UsageError("Usage: npm run bench -- [--only views|peak]");
  const database = await prepareDatabase(target, env);
  console.log(
    `The database holds ${database.clinics} ${database.clinics === 1 ? "clinic" : "clinics"}, ${database.rows.toLocaleString("en")} outcome and session rows.`,
  );
  const serverEnv: Record<string, string> =
    target.kind === "postgres" && !process.env.NEXTAUTH_SECRET
      ? { NEXTAUTH_SECRET: randomBytes(32).toString("hex") }
      : {};
  const views = only === "peak" ? null : await measureViews(target, env.DATABASE_REPLICA_URL, serverEnv);
  const peak = only === "views" ? null : await measureMorningPeak(target, serverEnv);
  if (peak) {
    console.log(
      `\nMorning peak on ${target.kind}: ${peak.http.writes} portal writes, ${PEAK.concurrent} at once (pain, then sessions)`,
    );
    console.log(`  through HTTP: ${peak.http.perSecond} writes/s, p50 ${peak.http.p50} ms, p99 ${peak.http.p99} ms`);
    console.log(
      `  directly:     ${peak.direct.perSecond} writes/s, p50 ${peak.direct.p50} ms, p99 ${peak.direct.p99} ms`,
    );
    console.log(
      `  HTTP reaches ${Math.round((100 * peak.http.perSecond) / peak.direct.perSecond)} % of the direct rate`,
    );
  }
  await mkdir(path.join(ROOT, "bench"), { recursive: true });
  await writeFile(
    path.join(ROOT, "bench", "results.json"),
    `${JSON.stringify({ database: target.kind, replica: Boolean(env.DATABASE_REPLICA_URL), ...database, measuredAt: new Date().toISOString(), runs: RUNS, ...views, morningPeak: peak }, null, 2)}\n`,
  );
  console.log("\nWrote bench/results.json");
});

/**
 * Makes the database as a server that ran overnight leaves it: on the app's schema (the direct
 * measurements run before the server, which would migrate it too), the day's scheduled jobs
 * done (a server started with them due runs them while it is measured), vacuumed and
 * analyzed. Says how many clinics and rows it holds: a clinic's times depend on the others' too.
 */
async function prepareDatabase(target: DatabaseTarget, env: TEnv): Promise<{ clinics: number; rows: number }> {
  const db = await openDatabase(target);
  const prisma = createPrismaClient(db);
  try {
    await applyMigrations(db);
    process.env.DATA_ENCRYPTION_KEY = await prepareDataKey(prisma, env, target);
    // The night's backup is marked done without being made: on ten clinics it takes minutes
    // and is not what is measured. The backup's own figures come from npm run db:backup.
    const backup = dailyBackupJob(async () => ({ notMadeByTheBenchmark: 1 }));
    for (;;) {
      for (const outcome of await runDueJobs(prisma, { jobs: [...SCHEDULED_JOBS, backup] })) {
        if (outcome.status === "FAILED") throw new Error(`The scheduled job ${outcome.job} failed (${outcome.error}).`);
      }
      // A run left by a server that was stopped is taken over once its lease runs out.
      if ((await prisma.jobRun.count({ where: { status: "RUNNING" } })) === 0) break;
      console.log(`Waiting for a scheduled run a stopped server left (its lease is ${LEASE_MS / 60_000} minutes) …`);
      await new Promise((resolve) => setTimeout(resolve, 15_000));
    }
    // The sweep may just have opened tens of thousands of flags; in production autovacuum
    // vacuums and analyzes after such a change, so the dead index entries go and the planner's
    // statistics are brought up to date here too.
    await prisma.$executeRawUnsafe("VACUUM ANALYZE");
    const [clinics, outcomes, sessions] = await Promise.all([
      prisma.clinic.count(),
      prisma.outcomeMeasurement.count(),
      prisma.sessionLog.count(),
    ]);
    return { clinics, rows: outcomes + sessions };
  } finally {
    await prisma.$disconnect();
    await db.close();
  }
}

/** The pages' server times beside their data access run directly, and the report without stored facts. */
async function measureViews(
  target: ReturnType<typeof databaseTargetFromEnv>,
  replicaUrl: string | undefined,
  serverEnv: Record<string, string>,
) {
  const times = await measureHttpBesideDirect(target, replicaUrl, serverEnv);
  const withoutFacts = await measureWithoutStoredFacts(target);

  const results = VIEWS.map((view, i) => ({
    ...view,
    http: times[i]!.http,
    db: times[i]!.direct,
    ratio: round(times[i]!.http.p95 / times[i]!.direct.p95),
  }));
  console.log(
    `\nServer time on ${target.kind}${replicaUrl ? ", the caseload and the report read on the replica" : ""}, ${RUNS} requests per view (ms)`,
  );
  console.log(
    `${"view".padEnd(34)} ${"http p50".padStart(9)} ${"http p95".padStart(9)} ${"db p50".padStart(8)} ${"db p95".padStart(8)} ${"p95 ratio".padStart(9)}`,
  );
  for (const r of results) {
    console.log(
      `${r.name.padEnd(34)} ${f(r.http.p50)} ${f(r.http.p95)} ${f(r.db.p50, 8)} ${f(r.db.p95, 8)} ${String(r.ratio).padStart(9)}`,
    );
  }
  console.log(
    `\nThe clinic report's facts worked out at read time instead (${withoutFacts.episodes} episodes, not what the app does): p50 ${withoutFacts.p50} ms, p95 ${withoutFacts.p95} ms`,
  );
  return { views: results, reportFactsAtReadTime: withoutFacts };
}

/**
 * Each view asked of the production server (started as npm start starts it, over loopback) and
 * its data access (listCaseload, getPortalOverview, clinicReport) called in this process, one
 * right after the other in every turn: this machine's speed drifts by a tenth from minute to
 * minute, and a ratio of two runs minutes apart measured the drift as much as the app.
 */
async function measureHttpBesideDirect(
  target: ReturnType<typeof databaseTargetFromEnv>,
  replicaUrl: string | undefined,
  serverEnv: Record<string, string>,
): Promise<{ http: Stats; direct: Stats }[]> {
  const db = await openDatabase(target);
  const prisma = createPrismaClient(db);
  const replica = replicaUrl ? openReplica(replicaUrl, db.factory, () => {}) : null;
  const reader = replica ? createPrismaClient(replica) : prisma;
  const server = new AppServer(PORT, serverEnv);
  try {
    if (replica && (await replica.monitor.measureNow()) !== "ok")
      throw new UsageError("DATABASE_REPLICA_URL: the replica is not in step with the primary.");
    await server.start();
    const day = today(DEFAULT_TIME_ZONE);
    const cookies = new Map<string, string>();
    const works: (() => Promise<unknown>)[] = [];
    for (const view of VIEWS) {
      const user = await prisma.user.findUnique({ where: { email: view.as }, include: ACTOR_USER_INCLUDE });
      if (!user) throw new UsageError("No benchmark clinic in this database: run npm run bench:seed first.");
      const actor = actorFor(user, null);
      if (!cookies.has(view.as)) cookies.set(view.as, await signIn(server.baseURL, view.as, BENCH_PASSWORD));
      const cookie = cookies.get(view.as)!;
      works.push(
        async () => {
          const response = await fetch(`${server.baseURL}${view.path}`, { headers: { cookie }, redirect: "manual" });
          await response.text();
          if (response.status !== 200) throw new Error(`${view.path} answered ${response.status}`);
        },
        () => view.direct({ db: prisma, reader }, actor, day),
      );
    }
    const stats = await timeInTurn(works);
    return VIEWS.map((_, i) => ({ http: stats[2 * i]!, direct: stats[2 * i + 1]! }));
  } finally {
    await server.stop();
    await reader.$disconnect();
    await replica?.close();
    await prisma.$disconnect();
    await db.close();
  }
}

/**
 * What the report would take if it worked out each episode's facts from the raw rows when it
 * is read (decision record 017): the 12-month period's episodes, read and computed by the same
 * code that keeps the stored facts. A few runs: it is slow.
 */
async function measureWithoutStoredFacts(
  target: ReturnType<typeof databaseTargetFromEnv>,
): Promise<Stats & { episodes: number }> {
  const db = await openDatabase(target);
  const prisma = createPrismaClient(db);
  try {
    const clinic = await prisma.clinic.findFirstOrThrow({ where: { name: BENCH_CLINIC } });
    const period = defaultPeriod(today(DEFAULT_TIME_ZONE));
    const ids = (
      await prisma.episode.findMany({
        where: { clinicId: clinic.id, treatmentStart: { gte: new Date(period.from), lte: new Date(period.to) } },
        select: { id: true },
      })
    ).map((e) => e.id);
    const [stats] = await timeInTurn([async () => workOutReportFacts(await loadEpisodeSnapshots(prisma, ids))], {
      runs: 5,
      warmUp: 1,
    });
    return { ...stats!, episodes: ids.length };
  } finally {
    await prisma.$disconnect();
    await db.close();
  }
}

/** Each work `runs` times, one after the other in turn, after `warmUp` turns; p50 and p95 of each. */
async function timeInTurn(works: (() => Promise<unknown>)[], { runs = RUNS, warmUp = WARM_UP } = {}): Promise<Stats[]> {
  const samples: number[][] = works.map(() => []);
  for (let turn = 0; turn < warmUp + runs; turn += 1) {
    for (const [i, work] of works.entries()) {
      const started = performance.now();
      await work();
      if (turn >= warmUp) samples[i]!.push(performance.now() - started);
    }
  }
  return samples.map((values) => {
    values.sort((a, b) => a - b);
    const at = (p: number) => values[Math.ceil(p * values.length) - 1]!;
    return { p50: round(at(0.5)), p95: round(at(0.95)) };
  });
}

const round = (value: number) => Math.round(value * 10) / 10;
const f = (value: number, width = 9) => value.toFixed(1).padStart(width);
