// npm run retention:purge [-- --execute]: the records past their retention period (SPEC §9:
// 5 years from the last entry), per clinic, and how many are held. A dry run by default,
// which changes nothing; --execute erases those not held, each leaving an anonymous
// ErasedRecord and an audit event. Prints counts, never a patient. Run it with the app
// stopped on the embedded database (one process may open it); on PostgreSQL any time.
import { createPrismaClient } from "../lib/platform/db/client";
import { databaseTargetFromEnv, openDatabase } from "../lib/platform/db/database";
import { env } from "../lib/platform/env";
import { purgeExpiredRecords } from "../lib/server/retention/purge";
import { RETENTION_YEARS } from "../lib/server/retention/retention-period";
import { runCli, UsageError } from "./cli";

runCli(async () => {
  const unknown = process.argv.slice(2).filter((arg) => arg !== "--execute");
  if (unknown.length > 0) throw new UsageError("Usage: npm run retention:purge [-- --execute]");
  const execute = process.argv.includes("--execute");
  const db = await openDatabase(databaseTargetFromEnv(env()));
  const prisma = createPrismaClient(db);
  try {
    const started = performance.now();
    const report = await purgeExpiredRecords(prisma, { execute });
    console.log(
      execute
        ? `Erasing the records whose last entry is more than ${RETENTION_YEARS} years old, except those on hold.`
        : `Dry run: nothing is erased. Add --execute to erase the records listed here.`,
    );
    if (report.clinics.length === 0)
      console.log(`No record is past its retention period (${RETENTION_YEARS} years from the last entry).`);
    for (const clinic of report.clinics) {
      console.log(
        `${clinic.clinicName}: ${clinic.due} past retention, ${clinic.held} on hold, ${clinic.erased} erased${clinic.failed ? `, ${clinic.failed} not erased (an error; run again)` : ""}.`,
      );
    }
    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await prisma.$disconnect();
    await db.close();
  }
});
