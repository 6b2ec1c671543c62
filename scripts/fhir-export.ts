// npm run fhir:export -- --clinic "NAME" [--out FILE] [--lang da|en]: every patient of a clinic
// as FHIR R4 resources, one JSON resource per line (NDJSON, as FHIR bulk data writes it), on
// stdout or into FILE. Each patient's export is audited. Needs the data key (the CPR numbers).
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";

import { prepareDataKey } from "../lib/platform/cpr/data-key-file";
import { createPrismaClient } from "../lib/platform/db/client";
import { databaseTargetFromEnv, openDatabase } from "../lib/platform/db/database";
import { parseEnv } from "../lib/platform/env";
import { patientBundle } from "../lib/server/fhir/patient-bundle";
import { exportRecordForCommand } from "../lib/server/records/patient-record";
import { runCli, UsageError } from "./cli";

const USAGE = 'Usage: npm run fhir:export -- --clinic "Clinic name" [--out FILE] [--lang da|en]';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

runCli(async () => {
  const clinicName = option("clinic");
  const lang = option("lang") ?? "da";
  if (!clinicName || (lang !== "da" && lang !== "en")) throw new UsageError(USAGE);
  const env = parseEnv(process.env);
  const target = databaseTargetFromEnv(env);
  const db = await openDatabase(target);
  const prisma = createPrismaClient(db);
  try {
    process.env.DATA_ENCRYPTION_KEY = await prepareDataKey(prisma, env, target);
    const clinic = await prisma.clinic.findFirst({ where: { name: clinicName }, select: { id: true } });
    if (!clinic) throw new UsageError(`No clinic is named "${clinicName}".`);
    const patients = await prisma.patient.findMany({
      where: { clinicId: clinic.id },
      select: { id: true },
      orderBy: { createdAt: "asc" },
    });
    const file = option("out");
    const out: Writable = file ? createWriteStream(file) : process.stdout;
    let resources = 0;
    const now = new Date();
    for (const { id } of patients) {
      const bundle = patientBundle(await exportRecordForCommand(prisma, clinic.id, id), lang, now);
      for (const entry of bundle.entry ?? []) {
        resources += 1;
        // Waits when the reader is slower, so a large clinic never piles up in memory.
        if (!out.write(`${JSON.stringify(entry.resource)}\n`)) await once(out, "drain");
      }
    }
    if (file) {
      out.end();
      await once(out, "finish");
    }
    console.error(`Exported ${resources} resources of ${patients.length} patients${file ? ` to ${file}` : ""}.`);
  } finally {
    await prisma.$disconnect();
    await db.close();
  }
});
