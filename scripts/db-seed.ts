// npm run db:seed -- --demo: adds the demo clinics to the configured database (once).
import { today } from "../lib/dates";
import { createPrismaClient } from "../lib/db/client";
import { databaseTargetFromEnv, openDatabase } from "../lib/db/database";
import { readEnv } from "../lib/env";
import { describeDemoSignIns, seedDemoOnce } from "../lib/seed/demo";
import { runCli, UsageError } from "./cli";

runCli(async () => {
  if (!process.argv.includes("--demo")) {
    throw new UsageError("Usage: npm run db:seed -- --demo   (adds the demo clinics with sample patients)");
  }
  const db = await openDatabase(databaseTargetFromEnv(readEnv()));
  const prisma = createPrismaClient(db);
  try {
    const seeded = await seedDemoOnce(prisma, today());
    console.log(seeded ? `Seeded the demo clinics (${seeded.patients} demo patients).` : "The demo clinics are already there; nothing seeded.");
    console.log(describeDemoSignIns());
  } finally {
    await prisma.$disconnect();
    await db.close();
  }
});
