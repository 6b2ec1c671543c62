// npm run db:seed -- --demo: adds the demo clinics to the configured database (once).
import { prepareDataKey } from "../lib/platform/cpr/data-key-file";
import { DEFAULT_TIME_ZONE, today } from "../lib/platform/dates";
import { createPrismaClient } from "../lib/platform/db/client";
import { databaseTargetFromEnv, openDatabase } from "../lib/platform/db/database";
import { applyMigrations } from "../lib/platform/db/migrations";
import { parseEnv } from "../lib/platform/env";
import { describeDemoSignIns, seedDemoOnce } from "../lib/server/seed/demo";
import { runCli, UsageError } from "./cli";

runCli(async () => {
  if (!process.argv.includes("--demo")) {
    throw new UsageError("Usage: npm run db:seed -- --demo   (adds the demo clinics with sample patients)");
  }
  const env = parseEnv(process.env);
  const target = databaseTargetFromEnv(env);
  const db = await openDatabase(target);
  const prisma = createPrismaClient(db);
  try {
    // A new database has no tables yet: the seed brings it up to date first, as npm start does.
    await applyMigrations(db);
    process.env.DATA_ENCRYPTION_KEY = await prepareDataKey(prisma, env, target);
    const seeded = await seedDemoOnce(prisma, today(DEFAULT_TIME_ZONE));
    console.log(
      seeded
        ? `Seeded the demo clinics (${seeded.patients} demo patients).`
        : "The demo clinics are already there; nothing seeded.",
    );
    console.log(describeDemoSignIns());
  } finally {
    await prisma.$disconnect();
    await db.close();
  }
});
