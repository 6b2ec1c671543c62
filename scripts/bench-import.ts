// npm run bench:import: how long the patient import takes for a clinic's whole list. Makes a
// file of 20,000 patients (three in four with a CPR number), then times, through the app's own
// service on the configured database (DATA_DIR or DATABASE_URL): the check (a dry run), the
// import, and the same file imported again (which adds nothing). A fresh clinic each run,
// removed afterwards; writes bench/import-results.json.
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { formatCpr } from "../lib/platform/cpr/cpr";
import { prepareDataKey } from "../lib/platform/cpr/data-key-file";
import { createPrismaClient } from "../lib/platform/db/client";
import { databaseTargetFromEnv, openDatabase } from "../lib/platform/db/database";
import { applyMigrations } from "../lib/platform/db/migrations";
import { parseEnv } from "../lib/platform/env";
import { importPatients } from "../lib/server/patients/import/import-patients";
import { createClinic, createUser } from "../lib/server/seed/builders";
import { syntheticCprs } from "../lib/server/seed/synthetic-cpr";
import { actorOf } from "../tests/support/actors";
import { BENCH_PATIENTS } from "./bench-config";
import { runCli } from "./cli";

const CLINICIANS = 8;
const ROOT = path.resolve(import.meta.dirname, "..");

runCli(async () => {
  const env = parseEnv(process.env);
  const target = databaseTargetFromEnv(env);
  const db = await openDatabase(target);
  const prisma = createPrismaClient(db);
  let clinicId: string | null = null;
  try {
    await applyMigrations(db);
    process.env.DATA_ENCRYPTION_KEY = await prepareDataKey(prisma, env, target);
    const clinic = await createClinic(prisma, { name: `Import benchmark ${randomUUID().slice(0, 8)}` });
    clinicId = clinic.id;
    const admin = actorOf(await createUser(prisma, { clinicId, role: "ADMIN", passwordHash: "none" }));
    const clinicians = await Promise.all(
      Array.from({ length: CLINICIANS }, () =>
        createUser(prisma, { clinicId: clinic.id, role: "CLINICIAN", passwordHash: "none" }),
      ),
    );
    const file = importFile(clinicians.map((c) => c.email));
    console.log(
      `Patient import of ${BENCH_PATIENTS} rows (${(file.byteLength / 1024 / 1024).toFixed(1)} MB) on ${target.kind}:`,
    );

    const timed = async (label: string, dryRun: boolean) => {
      const started = performance.now();
      const result = await importPatients(prisma, admin, file, { dryRun, today: () => new Date() });
      const seconds = (performance.now() - started) / 1000;
      if (result.status !== "checked" && result.status !== "imported")
        throw new Error(`The benchmark file did not import: ${JSON.stringify(result).slice(0, 500)}`);
      console.log(
        `  ${label.padEnd(28)} ${seconds.toFixed(1).padStart(6)} s   added ${result.added}, already there ${result.existing}`,
      );
      return { label, seconds, added: result.added, existing: result.existing };
    };
    const results = [
      await timed("check (dry run)", true),
      await timed("import", false),
      await timed("the same file again", false),
    ];
    const emptyLines = await refuseEmptyLines(prisma, admin);
    await mkdir(path.join(ROOT, "bench"), { recursive: true });
    await writeFile(
      path.join(ROOT, "bench/import-results.json"),
      `${JSON.stringify({ database: target.kind, rows: BENCH_PATIENTS, bytes: file.byteLength, results, emptyLines }, null, 2)}\n`,
    );
  } finally {
    if (clinicId) await removeClinic(prisma, clinicId);
    await prisma.$disconnect();
    await db.close();
  }
});

/**
 * The red team's file (security review F-10): a header and 4.9 million empty lines, 9.8 MB,
 * refused for its row count. Reading every line first blocked the server 2.3 s and grew it 0.8 GB.
 */
async function refuseEmptyLines(
  prisma: Parameters<typeof importPatients>[0],
  admin: Parameters<typeof importPatients>[1],
) {
  const header = new TextEncoder().encode("Navn;Fødselsdato;Køn;Ramt side\r\n");
  const bytes = new Uint8Array(header.length + 2 * 4_900_000);
  bytes.set(header);
  for (let i = header.length; i < bytes.length; i += 2) bytes.set([13, 10], i);
  const rss = process.memoryUsage().rss;
  const started = performance.now();
  const result = await importPatients(prisma, admin, bytes, { dryRun: true, today: () => new Date() });
  const seconds = (performance.now() - started) / 1000;
  const grewMb = Math.round((process.memoryUsage().rss - rss) / 1024 / 1024);
  if (result.status !== "fileProblem") throw new Error("The file of empty lines was not refused.");
  console.log(
    `  ${"9.8 MB of empty lines".padEnd(28)} ${seconds.toFixed(1).padStart(6)} s   refused, memory grew ${grewMb} MB`,
  );
  return { seconds, grewMb };
}

/** A clinic's list as Danish Excel saves it: a BOM, semicolons, Danish dates for some rows. */
function importFile(clinicianEmails: string[]): Uint8Array {
  const next = syntheticCprs();
  const lines = ["Navn;CPR-nummer;Fødselsdato;Køn;E-mail;Telefon;Ramt side;Fysioterapeutens e-mail"];
  for (let n = 0; n < BENCH_PATIENTS; n += 1) {
    const birth = new Date(Date.UTC(1940 + (n % 60), n % 12, 1 + (n % 28)));
    const withCpr = n % 4 !== 0;
    const iso = birth.toISOString().slice(0, 10);
    const date = n % 2 === 0 ? iso : `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
    lines.push(
      [
        `Patient ${n} Importsen`,
        withCpr ? formatCpr(next(birth, n)) : "",
        withCpr ? "" : date,
        ["Kvinde", "Mand"][n % 2],
        n % 3 === 0 ? `patient${n}@example.test` : "",
        n % 5 === 0 ? `+45 ${String(20000000 + n)}` : "",
        ["Venstre", "Højre", "Begge"][n % 3],
        clinicianEmails[n % clinicianEmails.length],
      ].join(";"),
    );
  }
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}

async function removeClinic(prisma: ReturnType<typeof createPrismaClient>, clinicId: string) {
  await prisma.auditEvent.deleteMany({ where: { clinicId } });
  await prisma.patient.deleteMany({ where: { clinicId } });
  await prisma.user.deleteMany({ where: { clinicId } });
  await prisma.clinic.delete({ where: { id: clinicId } });
}
