import { randomUUID } from "node:crypto";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import type { Database } from "../../lib/platform/db/database";
import { openDatabase } from "../../lib/platform/db/database";
import {
  applyMigrations,
  diffMigrationsToSchema,
  MigrationError,
  MIGRATIONS_DIR,
  readMigrations,
} from "../../lib/platform/db/migrations";
import { createEmptyDatabase, TEST_DB_KIND } from "../support/test-db";

let db: Database | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function query(database: Database, sql: string) {
  const adapter = await database.factory.connect();
  try {
    return (await adapter.queryRaw({ sql, args: [], argTypes: [] })).rows;
  } finally {
    await adapter.dispose();
  }
}

const checkedIn = async () => (await readMigrations()).migrationDirectories.map((dir) => dir.path);

describe(`migrations on ${TEST_DB_KIND}`, () => {
  it("applies every checked-in migration to a fresh database, and nothing on a second run", async () => {
    db = await createEmptyDatabase();
    expect(await applyMigrations(db)).toEqual(await checkedIn());
    expect(await applyMigrations(db)).toEqual([]);
    const tables = await query(
      db,
      "select count(*)::int from information_schema.tables where table_name in ('Patient', 'Episode', 'AuditEvent')",
    );
    expect(tables[0]?.[0]).toBe(3);
  });

  it("stops on a failing migration with a clear error and leaves the database as it was", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "heelpain-migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const broken = path.join(dir, "29991231000000_broken");
    await mkdir(broken);
    await writeFile(
      path.join(broken, "migration.sql"),
      'CREATE TABLE "half_done" (id int);\nALTER TABLE "Patient" ADD COLUMN "x" int;\nSELECT 1 / 0;\n',
    );
    db = await createEmptyDatabase();

    const failure = await applyMigrations(db, dir).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).migrationName).toBe("29991231000000_broken");
    expect((failure as Error).message).toMatch(/29991231000000_broken failed and was rolled back/);

    // The earlier migrations stay applied; nothing of the broken one is left.
    expect(await query(db, "select to_regclass('\"half_done\"')::text")).toEqual([[null]]);
    expect(
      await query(
        db,
        "select count(*)::int from information_schema.columns where table_name = 'Patient' and column_name = 'x'",
      ),
    ).toEqual([[0]]);

    // Once fixed, the next run applies it.
    await writeFile(path.join(broken, "migration.sql"), 'CREATE TABLE "half_done" (id int);\n');
    expect(await applyMigrations(db, dir)).toEqual(["29991231000000_broken"]);
    expect(await applyMigrations(db, dir)).toEqual([]);
  });

  it.runIf(TEST_DB_KIND === "pglite")("has checked-in migrations that match prisma/schema.prisma", async () => {
    db = await openDatabase({ kind: "pglite", dataDir: null });
    expect(await diffMigrationsToSchema(db)).toBe("");
  });

  it("splits the seeded two-language template names, and keeps any other name for both languages", async () => {
    db = await migratedUpTo(TEMPLATE_NAMES);
    const clinic = randomUUID();
    await query(db, `insert into "Clinic" (id, name) values ('${clinic}', 'C')`);
    for (const [key, name] of [
      ["hsr", "HSR hælløft, 12 uger / HSR heel raise, 12 weeks"],
      ["own", "Klinikkens løbeprogram"],
    ]) {
      await query(
        db,
        `insert into "ProgramTemplate" (id, "clinicId", key, kind, name, content) values ('${randomUUID()}', '${clinic}', '${key}', 'HSR', '${name}', '{}')`,
      );
    }
    await applyMigrations(db);
    expect(await query(db, `select key, "nameDa", "nameEn" from "ProgramTemplate" order by key`)).toEqual([
      ["hsr", "HSR hælløft, 12 uger", "HSR heel raise, 12 weeks"],
      ["own", "Klinikkens løbeprogram", "Klinikkens løbeprogram"],
    ]);
  });

  it("migrates stored assessments for the 2026-11-25 rules revision without bringing back a hidden red flag", async () => {
    // The migrations before the revision, then data as the app stored it then, then the revision.
    db = await migratedUpTo(REVISION);
    const ids = { clinic: randomUUID(), user: randomUUID(), patient: randomUUID(), episode: randomUUID() };
    const visit = (id: string, date: string, redFlags: string, extra = "") =>
      `insert into "Assessment" (id, "clinicId", "episodeId", "recordedById", date, "redFlags", findings, "firstStepPain", "updatedAt", "createdAt")
       values ('${id}', '${ids.clinic}', '${ids.episode}', '${ids.user}', '${date}', ${redFlags}, '{}', ${extra || "null"}, now(), '${date}T10:00:00Z')`;
    const v = { fever: randomUUID(), emptyAfter: randomUUID(), neuro: randomUUID(), painNoMatch: randomUUID() };
    for (const sql of [
      `insert into "Clinic" (id, name) values ('${ids.clinic}', 'Migration clinic')`,
      `insert into "User" (id, "clinicId", email, name, role, "passwordHash", "updatedAt") values ('${ids.user}', '${ids.clinic}', 'm@example.test', 'M', 'CLINICIAN', 'x', now())`,
      `insert into "Patient" (id, "clinicId", "clinicianId", name, "dateOfBirth", sex, "affectedSide", "updatedAt") values ('${ids.patient}', '${ids.clinic}', '${ids.user}', 'P', '1980-01-01', 'FEMALE', 'LEFT', now())`,
      `insert into "Episode" (id, "clinicId", "patientId", side, "symptomOnset", "treatmentStart", "updatedAt") values ('${ids.episode}', '${ids.clinic}', '${ids.patient}', 'LEFT', '2026-01-01', '2026-01-05', now())`,
      visit(v.neuro, "2026-01-05", "'{NEURO_SYMPTOMS}'", "6"),
      visit(v.fever, "2026-01-12", "'{FEVER_MALAISE}'", "7"),
      visit(v.emptyAfter, "2026-01-26", "'{}'", "5"),
      visit(v.painNoMatch, "2026-01-27", "'{}'"),
      // A clinician's NRS of the same date and value as the first visit's first-step pain: linked, not doubled.
      `insert into "OutcomeMeasurement" (id, "clinicId", "episodeId", "recordedById", "recordedBy", date, instrument, value, "updatedAt") values ('${randomUUID()}', '${ids.clinic}', '${ids.episode}', '${ids.user}', 'CLINICIAN', '2026-01-05', 'NRS_FIRST_STEP', 6, now())`,
      `insert into "Flag" (id, "clinicId", "episodeId", code, severity, status, evidence, recommendation, source, "ruleVersion", "updatedAt") values ('${randomUUID()}', '${ids.clinic}', '${ids.episode}', 'FOLLOW_UP_OVERDUE', 'INFO', 'RESOLVED', '{}', '{}', 'SPEC', 1, now())`,
    ])
      await query(db, sql);

    expect(await applyMigrations(db)).toEqual((await checkedIn()).filter((m) => m >= REVISION));
    const rows = await query(db, `select id, "redFlags", findings, "redFlagsScreened" from "Assessment" order by date`);
    expect(rows).toEqual([
      [v.neuro, [], ["NEURAL_SYMPTOMS"], true],
      [v.fever, ["FEVER_MALAISE"], [], true],
      [v.emptyAfter, [], [], false],
      [v.painNoMatch, [], [], false],
    ]);
    // One NRS per visit with a first-step pain, the existing one linked rather than doubled.
    const pain = await query(
      db,
      `select "assessmentId", value::float, date::text from "OutcomeMeasurement" where instrument = 'NRS_FIRST_STEP' order by date`,
    );
    expect(pain).toEqual([
      [v.neuro, 6, "2026-01-05"],
      [v.fever, 7, "2026-01-12"],
      [v.emptyAfter, 5, "2026-01-26"],
    ]);
    expect(await query(db, `select sources from "Flag"`)).toEqual([[["CLINIC_DEFAULT"]]]);
    expect(await query(db, `select "rulesVersion" from "Clinic"`)).toEqual([[0]]);
  });

  it("merges rows that break an only-one rule, keeping the latest, before the rules hold", async () => {
    db = await migratedUpTo(ONLY_ONE);
    const id = {
      clinic: randomUUID(),
      patientUser: randomUUID(),
      patient: randomUUID(),
      template: randomUUID(),
      older: randomUUID(),
      newer: randomUUID(),
    };
    const pain = { first: randomUUID(), kept: randomUUID(), otherDay: randomUUID() };
    const at = (minute: number) => `'2026-11-20T07:${String(minute).padStart(2, "0")}:00Z'`;
    const diary = (rowId: string, date: string, value: number, minute: number) =>
      `insert into "OutcomeMeasurement" (id, "clinicId", "episodeId", "recordedById", "recordedBy", date, instrument, value, "createdAt", "updatedAt")
       values ('${rowId}', '${id.clinic}', '${id.newer}', '${id.patientUser}', 'PATIENT', '${date}', 'NRS_FIRST_STEP', ${value}, ${at(minute)}, now())`;
    const episode = (rowId: string, minute: number) =>
      `insert into "Episode" (id, "clinicId", "patientId", side, "symptomOnset", "treatmentStart", "createdAt", "updatedAt") values ('${rowId}', '${id.clinic}', '${id.patient}', 'LEFT', '2026-10-01', '2026-10-05', ${at(minute)}, now())`;
    const assignment = (minute: number) =>
      `insert into "ProgramAssignment" (id, "clinicId", "episodeId", "templateId", kind, "startDate", "sessionsPerWeek", content, "createdAt", "updatedAt") values ('${randomUUID()}', '${id.clinic}', '${id.newer}', '${id.template}', 'HSR', '2026-10-05', 3, '{}', ${at(minute)}, now())`;
    const flag = (minute: number) =>
      `insert into "Flag" (id, "clinicId", "episodeId", code, severity, evidence, recommendation, sources, "ruleVersion", "openedAt", "updatedAt") values ('${randomUUID()}', '${id.clinic}', '${id.newer}', 'WORSENING', 'HIGH', '{}', '{}', '{}', 2, ${at(minute)}, now())`;
    const invite = (minute: number) =>
      `insert into "Invite" (id, "clinicId", "patientId", "createdById", "tokenHash", "expiresAt", "createdAt") values ('${randomUUID()}', '${id.clinic}', '${id.patient}', '${id.patientUser}', '${randomUUID()}', '2026-12-01T00:00:00Z', ${at(minute)})`;
    for (const sql of [
      `insert into "Clinic" (id, name) values ('${id.clinic}', 'Merge clinic')`,
      `insert into "User" (id, "clinicId", email, name, role, "passwordHash", "updatedAt") values ('${id.patientUser}', '${id.clinic}', 'merge@example.test', 'Pia', 'PATIENT', 'x', now())`,
      `insert into "Patient" (id, "clinicId", "clinicianId", name, "dateOfBirth", sex, "affectedSide", "updatedAt") values ('${id.patient}', '${id.clinic}', '${id.patientUser}', 'P', '1980-01-01', 'FEMALE', 'LEFT', now())`,
      `insert into "ProgramTemplate" (id, "clinicId", key, kind, "nameDa", "nameEn", content) values ('${id.template}', '${id.clinic}', 'hsr', 'HSR', 'HSR', 'HSR', '{}')`,
      episode(id.older, 1),
      episode(id.newer, 2),
      `update "Patient" set "currentEpisodeId" = '${id.older}'`,
      diary(pain.first, "2026-11-20", 6, 10),
      diary(pain.kept, "2026-11-20", 5, 11),
      diary(pain.otherDay, "2026-11-19", 7, 5),
      assignment(20),
      assignment(21),
      flag(30),
      flag(31),
      invite(40),
      invite(41),
    ])
      await query(db, sql);

    expect(await applyMigrations(db)).toEqual([ONLY_ONE, ...(await checkedIn()).filter((m) => m > ONLY_ONE)]);
    // The diary: the latest of the day stays; the earlier is soft-deleted with why, and is in the kept row's history.
    expect(
      await query(
        db,
        `select id, value::float, "deletedAt" is null, "deleteReason" like '%latest entry was kept%' from "OutcomeMeasurement" order by date, "createdAt"`,
      ),
    ).toEqual([
      [pain.otherDay, 7, true, null],
      [pain.first, 6, false, true],
      [pain.kept, 5, true, null],
    ]);
    expect(
      await query(
        db,
        `select "entityId", action, (snapshot->>'value')::float, reason like '%latest entry was kept%' from "RecordRevision"`,
      ),
    ).toEqual([[pain.kept, "UPDATE", 6, true]]);
    // Episodes: the newer stays open and is the patient's current one; the older is discharged.
    expect(await query(db, `select id, status::text, "dischargeReason" from "Episode" order by "createdAt"`)).toEqual([
      [id.older, "DISCHARGED", "OTHER"],
      [id.newer, "ACTIVE", null],
    ]);
    expect(await query(db, `select "currentEpisodeId" from "Patient"`)).toEqual([[id.newer]]);
    // Programs, flags and invitations: the latest stays; the others end, resolve (with the event) or are revoked.
    expect(await query(db, `select status::text, "endReason" from "ProgramAssignment" order by "createdAt"`)).toEqual([
      ["ENDED", "OTHER"],
      ["ACTIVE", null],
    ]);
    expect(
      await query(
        db,
        `select f.status::text, e.type from "Flag" f left join "FlagEvent" e on e."flagId" = f.id order by f."openedAt"`,
      ),
    ).toEqual([
      ["RESOLVED", "RESOLVED"],
      ["OPEN", null],
    ]);
    expect(await query(db, `select "revokedAt" is null from "Invite" order by "createdAt"`)).toEqual([[false], [true]]);
  });
  it("migrates stored visits for the 2026-12-05 revision so that no doubt is cleared by a visit that never examined it", async () => {
    db = await migratedUpTo(ONE_STATE);
    const ids = {
      clinic: randomUUID(),
      user: randomUUID(),
      patient: randomUUID(),
      episode: randomUUID(),
      rathleff: randomUUID(),
      hsr: randomUUID(),
    };
    const visit = (id: string, date: string, findings: string, tinel = "null") =>
      `insert into "Assessment" (id, "clinicId", "episodeId", "recordedById", date, "redFlagsScreened", "redFlags", findings, "tinelPositive", "updatedAt", "createdAt")
       values ('${id}', '${ids.clinic}', '${ids.episode}', '${ids.user}', '${date}', true, '{}', ${findings}, ${tinel}, now(), '${date}T10:00:00Z')`;
    const v = {
      first: randomUUID(),
      finding: randomUUID(),
      after: randomUUID(),
      tinel: randomUUID(),
      afterTinel: randomUUID(),
    };
    const content = (load: string) =>
      JSON.stringify({
        sessionsPerWeek: [3, 4],
        tempo: null,
        maxPain: 3,
        loadStepKg: 2.5,
        phases: [{ code: "RATHLEFF_12RM", weeks: [1, 2], exercise: "HEEL_RAISE_TOWEL", sets: 3, reps: [12, 12], load }],
      });
    for (const sql of [
      `insert into "Clinic" (id, name) values ('${ids.clinic}', 'State clinic')`,
      `insert into "User" (id, "clinicId", email, name, role, "passwordHash", "updatedAt") values ('${ids.user}', '${ids.clinic}', 's@example.test', 'S', 'CLINICIAN', 'x', now())`,
      `insert into "Patient" (id, "clinicId", "clinicianId", name, "dateOfBirth", sex, "affectedSide", "updatedAt") values ('${ids.patient}', '${ids.clinic}', '${ids.user}', 'P', '1980-01-01', 'FEMALE', 'LEFT', now())`,
      `insert into "Episode" (id, "clinicId", "patientId", side, "symptomOnset", "treatmentStart", "updatedAt") values ('${ids.episode}', '${ids.clinic}', '${ids.patient}', 'LEFT', '2026-01-01', '2026-01-05', now())`,
      visit(v.first, "2026-01-05", "'{}'"),
      visit(v.finding, "2026-01-12", "'{INFLAMMATORY_SIGNS}'"),
      visit(v.after, "2026-01-26", "'{}'"),
      visit(v.tinel, "2026-02-02", "'{}'", "true"),
      visit(v.afterTinel, "2026-02-09", "'{}'", "false"),
      `insert into "ProgramTemplate" (id, "clinicId", key, kind, "nameDa", "nameEn", content) values ('${ids.rathleff}', '${ids.clinic}', 'hsr-rathleff-2015', 'HSR', 'R', 'R', '${content("ADD_LOAD")}')`,
      `insert into "ProgramTemplate" (id, "clinicId", key, kind, "nameDa", "nameEn", content) values ('${ids.hsr}', '${ids.clinic}', 'own-rathleff', 'HSR', 'O', 'O', '${content("ADD_LOAD")}')`,
      `insert into "ProgramAssignment" (id, "clinicId", "episodeId", "templateId", kind, "startDate", "sessionsPerWeek", content, "updatedAt") values ('${randomUUID()}', '${ids.clinic}', '${ids.episode}', '${ids.rathleff}', 'HSR', '2026-01-05', 3, '${content("ADD_LOAD")}', now())`,
      `insert into "Flag" (id, "clinicId", "episodeId", code, severity, evidence, recommendation, sources, "ruleVersion", "updatedAt") values ('${randomUUID()}', '${ids.clinic}', '${ids.episode}', 'RED_FLAG', 'URGENT', '{}', '{}', '{}', 2, now())`,
      `update "Episode" set status = 'PAUSED'`,
    ])
      await query(db, sql);

    await applyMigrations(db);
    // A visit without findings after one with findings (ticked, or a positive Tinel) is taken as not examined.
    expect(await query(db, `select id, "differentialsExamined" from "Assessment" order by date`)).toEqual([
      [v.first, true],
      [v.finding, true],
      [v.after, false],
      [v.tinel, true],
      [v.afterTinel, false],
    ]);
    // Templates and their copies lose their own pain limit; the Rathleff template is body weight in weeks 1–2.
    expect(
      await query(
        db,
        `select key, content ? 'maxPain', content #>> '{phases,0,load}' from "ProgramTemplate" order by key`,
      ),
    ).toEqual([
      ["hsr-rathleff-2015", false, "BODY_WEIGHT"],
      ["own-rathleff", false, "ADD_LOAD"],
    ]);
    expect(
      await query(db, `select content ? 'maxPain', content #>> '{phases,0,load}' from "ProgramAssignment"`),
    ).toEqual([[false, "BODY_WEIGHT"]]);
    expect(
      await query(
        db,
        "select count(*)::int from information_schema.columns where table_name = 'Flag' and column_name = 'recommendation'",
      ),
    ).toEqual([[0]]);
    // Until the app re-evaluates it, a running plan with an open red flag, or of a paused episode, is already on hold.
    expect(await query(db, `select "planStatus"::text, "planReasons" from "Episode"`)).toEqual([
      ["ON_HOLD", ["RED_FLAG", "EPISODE_PAUSED"]],
    ]);
  });

  it("gives each phase a list of exercises without changing what anyone is prescribed, and the unchanged default templates their new exercises as a new version", async () => {
    db = await migratedUpTo(SEVERAL);
    const ids = {
      clinic: randomUUID(),
      user: randomUUID(),
      patient: randomUUID(),
      episode: randomUUID(),
      firstWeek: randomUUID(),
      hsr: randomUUID(),
      assignment: randomUUID(),
    };
    const phase = (
      code: string,
      weeks: [number, number],
      exercise: string,
      sets: number,
      reps: [number, number],
      load: string,
    ) => ({ code, weeks, exercise, sets, reps, load });
    const stretch = phase("OFFLOAD", [1, 1], "PLANTAR_FASCIA_STRETCH", 3, [10, 10], "NONE");
    const json = (phases: object[]) =>
      JSON.stringify({ sessionsPerWeek: [7, 7], tempo: null, loadStepKg: 2.5, phases });
    const hsr = (reps: number) =>
      json([
        phase("HSR_1", [1, 3], "HEEL_RAISE_TOWEL", 3, [reps, reps], "BODY_WEIGHT"),
        phase("HSR_2", [4, 6], "HEEL_RAISE_TOWEL", 3, [10, 12], "ADD_LOAD"),
        phase("HSR_3", [7, 9], "HEEL_RAISE_TOWEL", 3, [8, 10], "MORE_LOAD"),
        phase("HSR_4", [10, 12], "HEEL_RAISE_TOWEL", 3, [8, 8], "HIGH_LOAD"),
      ]);
    const template = (id: string, key: string, version: number, kind: string, content: string) =>
      `insert into "ProgramTemplate" (id, "clinicId", key, version, kind, "nameDa", "nameEn", content) values ('${id}', '${ids.clinic}', '${key}', ${version}, '${kind}', 'N', 'N', '${content}')`;
    const session = (completed: boolean) =>
      `insert into "SessionLog" (id, "clientId", "clinicId", "episodeId", "assignmentId", kind, date, exercise, completed) values ('${randomUUID()}', '${randomUUID()}', '${ids.clinic}', '${ids.episode}', '${ids.assignment}', 'FIRST_WEEK', '2026-01-0${completed ? 6 : 7}', 'PLANTAR_FASCIA_STRETCH', ${completed})`;
    for (const sql of [
      `insert into "Clinic" (id, name) values ('${ids.clinic}', 'Exercise clinic')`,
      `insert into "User" (id, "clinicId", email, name, role, "passwordHash", "updatedAt") values ('${ids.user}', '${ids.clinic}', 'e@example.test', 'E', 'CLINICIAN', 'x', now())`,
      `insert into "Patient" (id, "clinicId", "clinicianId", name, "dateOfBirth", sex, "affectedSide", "updatedAt") values ('${ids.patient}', '${ids.clinic}', '${ids.user}', 'P', '1980-01-01', 'FEMALE', 'LEFT', now())`,
      `insert into "Episode" (id, "clinicId", "patientId", side, "symptomOnset", "treatmentStart", "updatedAt") values ('${ids.episode}', '${ids.clinic}', '${ids.patient}', 'LEFT', '2026-01-01', '2026-01-05', now())`,
      template(ids.firstWeek, "first-week", 1, "FIRST_WEEK", json([stretch])),
      // The clinic changed its HSR template (version 2): that one is left as the clinic made it.
      template(ids.hsr, "hsr-12-weeks", 1, "HSR", hsr(12)),
      template(randomUUID(), "hsr-12-weeks", 2, "HSR", hsr(15)),
      `insert into "ProgramAssignment" (id, "clinicId", "episodeId", "templateId", kind, "startDate", "sessionsPerWeek", content, "updatedAt") values ('${ids.assignment}', '${ids.clinic}', '${ids.episode}', '${ids.firstWeek}', 'FIRST_WEEK', '2026-01-05', 7, '${json([stretch])}', now())`,
      session(true),
      session(false),
    ])
      await query(db, sql);

    await applyMigrations(db);
    const exercisesOf = (table: string, where: string) =>
      query(
        db!,
        `select p->>'code', array(select e->>'exercise' from jsonb_array_elements(p->'exercises') as e), array(select (e->>'fromDay')::int from jsonb_array_elements(p->'exercises') as e), p ? 'exercise'
         from "${table}", jsonb_array_elements(content->'phases') as p where ${where}`,
      );
    // The patient's program prescribes what it did: the stretch alone.
    expect(await exercisesOf("ProgramAssignment", "true")).toEqual([
      ["OFFLOAD", ["PLANTAR_FASCIA_STRETCH"], [1], false],
    ]);
    const [[stored]] = (await query(db, `select content #>> '{phases,0,exercises,0}' from "ProgramAssignment"`)) as [
      [string],
    ];
    expect(JSON.parse(stored)).toEqual({ exercise: "PLANTAR_FASCIA_STRETCH", sets: 3, reps: [10, 10], fromDay: 1 });
    // The unchanged first week gets version 2 with towel curls and calf lowering from day 3; version 1 keeps its one exercise.
    expect(await exercisesOf("ProgramTemplate", `key = 'first-week' order by version`)).toEqual([
      ["OFFLOAD", ["PLANTAR_FASCIA_STRETCH"], [1], false],
      ["OFFLOAD", ["PLANTAR_FASCIA_STRETCH", "TOWEL_CURLS", "CALF_LOWERING"], [1, 3, 3], false],
    ]);
    // The clinic's own HSR (version 2) stays its own: no version 3.
    expect(await query(db, `select max(version)::int from "ProgramTemplate" where key = 'hsr-12-weeks'`)).toEqual([
      [2],
    ]);
    expect(
      await exercisesOf("ProgramTemplate", `key = 'hsr-12-weeks' and version = 2 and p->>'code' = 'HSR_1'`),
    ).toEqual([["HSR_1", ["HEEL_RAISE_TOWEL"], [1], false]]);
    // A session done did its phase's exercise; one skipped did none.
    expect(await query(db, `select completed, exercises from "SessionLog" order by date`)).toEqual([
      [true, ["PLANTAR_FASCIA_STRETCH"]],
      [false, []],
    ]);
  });
});

const REVISION = "20261125085526_rules_revision_2026_11_25";
const SEVERAL = "20261205221500_several_exercises_per_phase";
const ONE_STATE = "20261205193353_one_clinical_state";
const ONLY_ONE = "20261125104049_only_one_rules";
const TEMPLATE_NAMES = "20261125094737_template_names_per_language";

/** A database with the migrations before `name` applied, and a folder holding those only. */
async function migratedUpTo(name: string): Promise<Database> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "heelpain-migrations-"));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  for (const later of (await checkedIn()).filter((m) => m >= name))
    await rm(path.join(dir, later), { recursive: true });
  const database = await createEmptyDatabase();
  await applyMigrations(database, dir);
  return database;
}
