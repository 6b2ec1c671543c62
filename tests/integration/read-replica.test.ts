// The reads that tolerate a second's lag on a real PostgreSQL streaming replica (SPEC §8,
// decision record 035): a primary and a replica of our own (tests/support/replica-pair.ts),
// started for this file and removed after it. On the PostgreSQL project only: the embedded
// database has no replica.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Prisma } from "../../lib/generated/prisma/client";
import type { Actor } from "../../lib/platform/auth/actor";
import { addDays, DEFAULT_TIME_ZONE, isoDate, today as todayIn } from "../../lib/platform/dates";
import { createPrismaClient, type Db } from "../../lib/platform/db/client";
import { type Database, openDatabase } from "../../lib/platform/db/database";
import { applyMigrations } from "../../lib/platform/db/migrations";
import { queryOneClinic } from "../../lib/platform/db/one-clinic-read";
import { awaitReplay, openReplica, type Replica, type ReplicaState } from "../../lib/platform/db/replica";
import { checkHealth } from "../../lib/platform/health";
import { parseCaseloadQuery } from "../../lib/server/caseload/caseload-query";
import { listCaseload } from "../../lib/server/caseload/list-caseload";
import { withEpisodeWrite } from "../../lib/server/episodes/with-episode-write";
import { createMeasurements } from "../../lib/server/records/save-measurements";
import { clinicReport } from "../../lib/server/reports/clinic-report";
import { defaultPeriod } from "../../lib/server/reports/report-query";
import { createClinic, createPatient, createUser } from "../../lib/server/seed/builders";
import { actorOf } from "../support/actors";
import { findPostgresTools, type ReplicaPair, startReplicaPair } from "../support/replica-pair";
import { TEST_DB_KIND } from "../support/test-db";

const tools = TEST_DB_KIND === "postgres" ? await findPostgresTools() : null;
if (TEST_DB_KIND === "postgres" && !tools)
  console.log(
    "The read replica tests are skipped: no PostgreSQL server tools (initdb, pg_ctl, pg_basebackup) under /usr/lib/postgresql.",
  );

const day = todayIn(DEFAULT_TIME_ZONE);
let pair: ReplicaPair;
let primary: Database;
let db: Db;
let replica: Replica;
let reader: Db;
let replicaAdmin: pg.Pool;
const stateChanges: ReplicaState[] = [];
let clinician: Actor;
let admin: Actor;
let episodeId: string;

/** Measures the replica until it reports `state` (a replica catches up or starts in well under the wait). */
async function until(state: ReplicaState, waitMs = 15_000) {
  const deadline = Date.now() + waitMs;
  while ((await replica.monitor.measureNow()) !== state) {
    if (Date.now() > deadline) throw new Error(`the replica did not become ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The patient's latest first-step pain as the caseload shows it, read through `through`. */
async function caseloadPain(through: Db): Promise<number | null> {
  const page = await listCaseload(db, clinician, parseCaseloadQuery({}), day, through);
  return page.rows[0]!.latestPain;
}

async function measurePain(value: number, date: Date) {
  await withEpisodeWrite(db, episodeId, (tx) =>
    createMeasurements(tx, clinician, episodeId, [
      { instrument: "NRS_FIRST_STEP", value, date, psfsItems: Prisma.DbNull },
    ]),
  );
}

describe.skipIf(!tools)("reads on a streaming replica", () => {
  beforeAll(async () => {
    pair = await startReplicaPair(tools!);
    const setup = new pg.Client({ connectionString: pair.primaryUrl() });
    await setup.connect();
    await setup.query("create database heelpain");
    await setup.end();
    primary = await openDatabase({ kind: "postgres", url: pair.primaryUrl("heelpain") });
    await applyMigrations(primary);
    db = createPrismaClient(primary);
    replica = openReplica(pair.replicaUrl("heelpain"), primary.factory, (state) => stateChanges.push(state));
    reader = createPrismaClient(replica);
    replicaAdmin = new pg.Pool({ connectionString: pair.replicaUrl("heelpain"), max: 1 });
    replicaAdmin.on("error", () => {});

    const clinic = await createClinic(db);
    clinician = actorOf(await createUser(db, { clinicId: clinic.id, role: "CLINICIAN", passwordHash: "x" }));
    admin = actorOf(await createUser(db, { clinicId: clinic.id, role: "ADMIN", passwordHash: "x" }));
    const patient = await createPatient(db, { clinicId: clinic.id, clinicianId: clinician.userId });
    const episode = await db.episode.create({
      data: {
        clinicId: clinic.id,
        patientId: patient.id,
        side: "LEFT",
        symptomOnset: addDays(day, -60),
        treatmentStart: addDays(day, -30),
      },
    });
    await db.patient.update({ where: { id: patient.id }, data: { currentEpisodeId: episode.id } });
    episodeId = episode.id;
    await measurePain(7, addDays(day, -7));
    await until("ok");
  }, 120_000);

  afterAll(async () => {
    await reader?.$disconnect();
    await replica?.close();
    await replicaAdmin?.end();
    await db?.$disconnect();
    await primary?.close();
    await pair?.close();
  });

  it("reads the report and the caseload on the replica, through the report's own connection path", async () => {
    // The report's queries run in readOneClinic's transaction; this one goes the same way.
    const [server] = await queryOneClinic<{ standby: boolean }[]>(
      reader,
      Prisma.sql`select pg_is_in_recovery() as standby`,
    );
    expect(server).toEqual({ standby: true });
    const [onPrimary] = await queryOneClinic<{ standby: boolean }[]>(
      db,
      Prisma.sql`select pg_is_in_recovery() as standby`,
    );
    expect(onPrimary).toEqual({ standby: false });

    const report = await clinicReport(reader, admin, defaultPeriod(day), isoDate(day));
    expect(report.status === "ok" && report.report.episodes.started).toBe(1);
    // The caseload reads on the replica and writes its audit row on the primary.
    expect(await caseloadPain(reader)).toBe(7);
    expect(await db.auditEvent.count({ where: { entity: "Caseload", actorId: clinician.userId } })).toBeGreaterThan(0);
  });

  it("makes a write wait for the replica, so the writer reads it next; a replica that does not replay it in time is left", async () => {
    // As awaitOwnWrite asks after every action (lib/platform/db/app-db.server.ts).
    const primaryLsn = async () =>
      (await db.$queryRaw<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`)[0]!.lsn;
    const replicaPain = async () =>
      Number(
        (
          await replicaAdmin.query<{ pain: string }>(`select "latestPain" as pain from "Episode" where id = $1`, [
            episodeId,
          ])
        ).rows[0]!.pain,
      );

    // In step: the wait ends once the replica has the write, and the reader reads it there.
    await measurePain(5, addDays(day, -5));
    expect(await awaitReplay(replica, primaryLsn)).toBe(true);
    expect(await replicaPain()).toBe(5);
    expect(await caseloadPain(reader)).toBe(5);

    await replicaAdmin.query("select pg_wal_replay_pause()");
    try {
      await measurePain(3, day);
      // The replica does not replay it: the wait gives up after the bound and leaves the replica …
      expect(await awaitReplay(replica, primaryLsn)).toBe(false);
      expect(await replicaPain()).toBe(5);
      expect(replica.monitor.usable()).toBe(false);
      // … so the writer, and everybody, reads the primary until the replica keeps up.
      expect(await caseloadPain(reader)).toBe(3);
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      expect(await replica.monitor.measureNow()).toBe("lagging");
      expect(await caseloadPain(reader)).toBe(3);
    } finally {
      await replicaAdmin.query("select pg_wal_replay_resume()");
    }
    await until("ok");
    expect(await caseloadPain(reader)).toBe(3);
  });

  it("falls back to the primary without an error when the replica stops, says so once, and returns to it", async () => {
    const before = stateChanges.length;
    await pair.stopReplica();
    try {
      // No measurement since the stop: the reads find out by failing on the replica.
      expect(await caseloadPain(reader)).toBe(3);
      const report = await clinicReport(reader, admin, defaultPeriod(day), isoDate(day));
      expect(report.status).toBe("ok");
      expect(await caseloadPain(reader)).toBe(3);
      expect(
        await checkHealth(
          async () => db,
          () => replica.monitor.measureNow(),
        ),
      ).toEqual({
        status: "ok",
        db: "ok",
        replica: "down",
      });
      expect(stateChanges.slice(before)).toEqual(["down"]);
    } finally {
      await pair.startReplica();
    }
    await until("ok");
    const [server] = await queryOneClinic<{ standby: boolean }[]>(
      reader,
      Prisma.sql`select pg_is_in_recovery() as standby`,
    );
    expect(server).toEqual({ standby: true });
    expect(stateChanges.slice(before)).toEqual(["down", "ok"]);
  });
});
