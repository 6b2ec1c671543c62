// npm run bench:seed [-- --clinics N]: a synthetic clinic of 20,000 patients with about
// 1,000,000 outcome and session rows, in the configured database (DATA_DIR or DATABASE_URL);
// with --clinics, N such clinics in all (the first is the one the benchmark measures; the
// others make a database of many clinics, SPEC §8). Values are a fixed function of each row's
// number, so every run makes the same clinics. Summaries and report facts are computed by the
// app's own code. Clinics already there are left as they are.
import { hashPassword } from "../lib/platform/auth/password";
import { prepareDataKey } from "../lib/platform/cpr/data-key-file";
import { DEFAULT_TIME_ZONE, today } from "../lib/platform/dates";
import { createPrismaClient, type Db } from "../lib/platform/db/client";
import { databaseTargetFromEnv, openDatabase } from "../lib/platform/db/database";
import { applyMigrations } from "../lib/platform/db/migrations";
import { parseEnv } from "../lib/platform/env";
import { refreshEpisodeState } from "../lib/server/episodes/episode-state";
import { cprColumns } from "../lib/server/patients/cpr-columns";
import { seedDefaultTemplates } from "../lib/server/programs/templates";
import { refreshOutdatedReportFacts } from "../lib/server/reports/report-facts";
import { createClinic } from "../lib/server/seed/builders";
import { syntheticCprs } from "../lib/server/seed/synthetic-cpr";
import {
  BENCH_ADMIN,
  BENCH_CLINIC,
  BENCH_CLINICIAN,
  BENCH_PASSWORD,
  BENCH_PATIENTS,
  BENCH_PORTAL_PATIENT,
} from "./bench-config";
import { runCli, UsageError } from "./cli";

const CLINICIANS = 8;

/**
 * A fixed id from a row's text: its md5 with the version and variant of a random UUID set,
 * so that the services' id check (lib/platform/db/require-id.ts) accepts it.
 */
const idOf = (text: string) => `overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`;

/** The benchmark's clinics: the first keeps the names the benchmark signs in with. */
type BenchClinic = {
  name: string;
  tag: string;
  clinician: (i: number) => string;
  admin: string;
  portalPatient: string;
};
function benchClinic(number: number): BenchClinic {
  if (number === 1) {
    return {
      name: BENCH_CLINIC,
      tag: "",
      clinician: (i) => (i === 0 ? BENCH_CLINICIAN : `bench${i}@bench.test`),
      admin: BENCH_ADMIN,
      portalPatient: BENCH_PORTAL_PATIENT.email,
    };
  }
  const domain = `klinik${number}.bench.test`;
  return {
    name: `${BENCH_CLINIC} ${number}`,
    tag: `k${number}`,
    clinician: (i) => `bench${i}@${domain}`,
    admin: `bench-admin@${domain}`,
    portalPatient: `bench-patient@${domain}`,
  };
}

function clinicsWanted(): number {
  const at = process.argv.indexOf("--clinics");
  if (at === -1) return 1;
  const count = Number(process.argv[at + 1]);
  if (!Number.isInteger(count) || count < 1 || count > 50)
    throw new UsageError("Usage: npm run bench:seed -- [--clinics N] (N from 1 to 50)");
  return count;
}

runCli(async () => {
  const env = parseEnv(process.env);
  const target = databaseTargetFromEnv(env);
  const clinics = clinicsWanted();
  const db = await openDatabase(target);
  const prisma = createPrismaClient(db);
  try {
    await applyMigrations(db);
    process.env.DATA_ENCRYPTION_KEY = await prepareDataKey(prisma, env, target);
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    for (let number = 1; number <= clinics; number += 1)
      await seedClinic(prisma, benchClinic(number), today(DEFAULT_TIME_ZONE), passwordHash);
    const step = stepTimer();
    // As autovacuum would after a bulk load: without it the indexes still hold the rows the seed updated.
    await step("vacuum and analyze", () => prisma.$executeRawUnsafe("VACUUM ANALYZE"));
    console.log(
      `Sign in as ${BENCH_CLINICIAN} (or ${BENCH_ADMIN}, or the patient ${BENCH_PORTAL_PATIENT.email}) with the password ${BENCH_PASSWORD}.`,
    );
  } finally {
    await prisma.$disconnect();
    await db.close();
  }
});

/** Prints how long each step of the seed took. */
function stepTimer() {
  return async (label: string, work: () => Promise<unknown>) => {
    const t0 = performance.now();
    await work();
    console.log(`  ${label.padEnd(34)} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
}

async function seedClinic(prisma: Db, spec: BenchClinic, day: Date, passwordHash: string): Promise<void> {
  const step = stepTimer();
  if (await prisma.clinic.findFirst({ where: { name: spec.name } })) {
    console.log(`"${spec.name}" is already there; left as it is.`);
    return;
  }
  console.log(`Seeding "${spec.name}" (${BENCH_PATIENTS} patients) …`);
  const started = performance.now();
  const clinic = await createClinic(prisma, { name: spec.name });
  const clinicians = [];
  for (let i = 0; i < CLINICIANS; i += 1) {
    clinicians.push(
      await prisma.user.create({
        data: {
          clinicId: clinic.id,
          role: "CLINICIAN",
          name: `Bench Clinician ${i}`,
          email: spec.clinician(i),
          passwordHash,
        },
      }),
    );
  }
  await prisma.user.create({
    data: { clinicId: clinic.id, role: "ADMIN", name: "Bench Admin", email: spec.admin, passwordHash },
  });
  await seedDefaultTemplates(prisma, clinic.id);
  const template = await prisma.programTemplate.findFirstOrThrow({
    where: { clinicId: clinic.id, key: "hsr-12-weeks" },
  });
  const ids = clinicians.map((c) => c.id);
  // $1 clinic, $2 clinician ids, $3 today, $4 HSR template; n is the row's number. The CTE
  // names every parameter, since PostgreSQL refuses parameters a statement leaves unused.
  const sql = (text: string) =>
    prisma.$executeRawUnsafe(
      `WITH params AS (SELECT $1::uuid, $2::uuid[], $3::date, $4::uuid) ${text}`,
      clinic.id,
      ids,
      day,
      template.id,
    );
  await step("patients and episodes", async () => {
    await sql(`
      INSERT INTO "Patient" (id, "clinicId", "clinicianId", name, "dateOfBirth", sex, "affectedSide", "heightCm", "weightKg", "updatedAt")
      SELECT ${idOf(`'${spec.tag}p' || n`)}, $1::uuid, ($2::uuid[])[1 + n % array_length($2::uuid[], 1)],
             (ARRAY['Mette','Lars','Hanne','Jens','Susanne','Peter','Camilla','Søren','Louise','Anders','Maria','Henrik'])[1 + n % 12]
               || ' ' || (ARRAY['Nielsen','Jensen','Hansen','Pedersen','Andersen','Christensen','Larsen','Sørensen','Rasmussen','Madsen'])[1 + (n / 12) % 10]
               || ' ' || n,
             date '1950-01-01' + (n * 37 % 18000), (ARRAY['FEMALE','MALE']::"Sex"[])[1 + n % 2],
             (ARRAY['LEFT','RIGHT','BOTH']::"Side"[])[1 + n % 3], 150 + n % 45, 55 + n % 50, now()
      FROM generate_series(1, ${BENCH_PATIENTS}) AS n`);
    await sql(`
      INSERT INTO "Episode" (id, "clinicId", "patientId", side, "symptomOnset", "treatmentStart", status, "updatedAt")
      SELECT ${idOf(`'${spec.tag}e' || n`)}, $1::uuid, ${idOf(`'${spec.tag}p' || n`)}, (ARRAY['LEFT','RIGHT','BOTH']::"Side"[])[1 + n % 3],
             $3::date - (20 + n % 400 + 30), $3::date - (20 + n % 400),
             (CASE WHEN n % 10 = 0 THEN 'DISCHARGED' WHEN n % 10 = 1 THEN 'PAUSED' ELSE 'ACTIVE' END)::"EpisodeStatus", now()
      FROM generate_series(1, ${BENCH_PATIENTS}) AS n`);
    await sql(
      `UPDATE "Patient" SET "currentEpisodeId" = ${idOf(`'${spec.tag}e' || substr(name, length(name) - position(' ' in reverse(name)) + 2)`)} WHERE "clinicId" = $1::uuid`,
    );
  });
  await step("CPR numbers (encrypted)", async () => {
    const patients = await prisma.patient.findMany({
      where: { clinicId: clinic.id },
      select: { id: true, dateOfBirth: true },
      orderBy: { name: "asc" },
    });
    const next = syntheticCprs();
    for (let i = 0; i < patients.length; i += 2000) {
      const batch = patients
        .slice(i, i + 2000)
        .map((patient, j) => ({ id: patient.id, ...cprColumns(next(patient.dateOfBirth, i + j)) }));
      await prisma.$executeRaw`
        UPDATE "Patient" AS p SET "cprEncrypted" = c.sealed, "cprHash" = c.hash
        FROM unnest(${batch.map((b) => b.id)}::uuid[], ${batch.map((b) => b.cprEncrypted)}::text[], ${batch.map((b) => b.cprHash)}::text[]) AS c(id, sealed, hash)
        WHERE p.id = c.id`;
    }
  });
  await step("assessments and programs", async () => {
    await sql(`
      INSERT INTO "Assessment" (id, "clinicId", "episodeId", "recordedById", date, "firstStepPain", "palpationPositive", "windlassPositive", "redFlagsScreened", "differentialsExamined", "updatedAt")
      SELECT gen_random_uuid(), $1::uuid, ${idOf(`'${spec.tag}e' || n`)}, ($2::uuid[])[1 + n % array_length($2::uuid[], 1)],
             $3::date - (20 + n % 400) + v * (10 + n % 30), 3 + (n + v) % 7, true, (n + v) % 4 <> 0, true, true, now()
      FROM generate_series(1, ${BENCH_PATIENTS}) AS n, generate_series(0, 2) AS v
      WHERE $3::date - (20 + n % 400) + v * (10 + n % 30) <= $3::date`);
    // Each visit's first-step pain is also its measurement (SPEC §3), as the app keeps it.
    await sql(`
      INSERT INTO "OutcomeMeasurement" (id, "clinicId", "episodeId", "recordedById", "recordedBy", date, instrument, value, "assessmentId", "updatedAt")
      SELECT gen_random_uuid(), a."clinicId", a."episodeId", a."recordedById", 'CLINICIAN', a.date, 'NRS_FIRST_STEP', a."firstStepPain", a.id, now()
      FROM "Assessment" a WHERE a."clinicId" = $1::uuid`);
    await sql(`
      INSERT INTO "ProgramAssignment" (id, "clinicId", "episodeId", "templateId", kind, "startDate", "sessionsPerWeek", content, "updatedAt")
      SELECT ${idOf(`'${spec.tag}a' || n`)}, $1::uuid, ${idOf(`'${spec.tag}e' || n`)}, $4::uuid, 'HSR', $3::date - (13 + n % 400), 3, (SELECT content FROM "ProgramTemplate" WHERE id = $4::uuid), now()
      FROM generate_series(1, ${BENCH_PATIENTS}) AS n WHERE n % 5 <> 0`);
  });
  await step("outcomes (~700,000 rows)", () =>
    sql(`
      INSERT INTO "OutcomeMeasurement" ("id", "clinicId", "episodeId", "recordedById", "recordedBy", date, instrument, value, "updatedAt")
      SELECT gen_random_uuid(), $1::uuid, ${idOf(`'${spec.tag}e' || n`)}, ($2::uuid[])[1 + n % array_length($2::uuid[], 1)], 'PATIENT',
             $3::date - (20 + n % 400) + d, 'NRS_FIRST_STEP', greatest(0, least(10, 7 - (d * (n % 5)) / 12 + (n + d) % 3)), now()
      FROM generate_series(1, ${BENCH_PATIENTS}) AS n, generate_series(0, 34) AS d`),
  );
  await step("sessions (~300,000 rows)", () =>
    sql(`
      INSERT INTO "SessionLog" (id, "clientId", "clinicId", "episodeId", "assignmentId", kind, date, exercises, sets, reps, "loadKg", "painDuring", completed)
      SELECT gen_random_uuid(), gen_random_uuid(), $1::uuid, ${idOf(`'${spec.tag}e' || n`)}, ${idOf(`'${spec.tag}a' || n`)}, 'HSR',
             $3::date - (13 + n % 400) + s * 2, CASE WHEN (n + s) % 7 <> 0 THEN ARRAY['HEEL_RAISE_TOWEL'] ELSE ARRAY[]::text[] END, 3, 12 - s % 5, s % 10, (n + s) % 5, (n + s) % 7 <> 0
      FROM generate_series(1, ${BENCH_PATIENTS}) AS n, generate_series(0, 18) AS s WHERE n % 5 <> 0`),
  );
  await step("flags", () =>
    sql(`
      INSERT INTO "Flag" (id, "clinicId", "episodeId", code, severity, evidence, sources, "ruleVersion", "updatedAt")
      SELECT gen_random_uuid(), $1::uuid, ${idOf(`'${spec.tag}e' || n`)}, 'BENCH', (ARRAY['URGENT','HIGH','WARNING','INFO']::"FlagSeverity"[])[1 + n % 4],
             '{}'::jsonb, ARRAY[]::text[], 1, now()
      FROM generate_series(1, ${BENCH_PATIENTS}) AS n WHERE n % 7 = 0`),
  );
  await step("portal account", async () => {
    const patientId = (
      await prisma.$queryRawUnsafe<{ id: string }[]>(
        `SELECT ${idOf(`'${spec.tag}p${BENCH_PORTAL_PATIENT.number}'`)}::text AS id`,
      )
    )[0]!.id;
    const user = await prisma.user.create({
      data: { clinicId: clinic.id, role: "PATIENT", name: "Bench Patient", email: spec.portalPatient, passwordHash },
    });
    await prisma.patient.update({ where: { id: patientId }, data: { portalUserId: user.id } });
  });
  await step("episode states: flags, summaries, plans (the app's own code)", async () => {
    const episodes = await prisma.episode.findMany({ where: { clinicId: clinic.id }, select: { id: true } });
    for (let i = 0; i < episodes.length; i += 2000) {
      const batch = episodes.slice(i, i + 2000).map((e) => e.id);
      await prisma.$transaction(
        (tx) => refreshEpisodeState(tx, batch, today(DEFAULT_TIME_ZONE), { reportFacts: false, notify: false }),
        { timeout: 600_000 },
      );
    }
  });
  await step("report facts (the app's own code)", () =>
    refreshOutdatedReportFacts(prisma, clinic.id, { batchSize: 1000 }),
  );
  const [outcomes, sessions] = await Promise.all([
    prisma.outcomeMeasurement.count({ where: { clinicId: clinic.id } }),
    prisma.sessionLog.count({ where: { clinicId: clinic.id } }),
  ]);
  console.log(
    `Seeded ${BENCH_PATIENTS} patients, ${outcomes} outcomes and ${sessions} sessions (${outcomes + sessions} rows) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
}
