// The database as npm start finds it: migrations applied, the data key in place before any CPR
// number is read or written, and the demo clinics in a new embedded database. Also how the
// end-to-end tests make the one demo database their servers start from (e2e/support/global-setup.ts).
import path from "node:path";

import { prepareDataKey } from "../lib/platform/cpr/data-key-file";
import { DEFAULT_TIME_ZONE, today } from "../lib/platform/dates";
import { createPrismaClient } from "../lib/platform/db/client";
import { type DatabaseTarget, openDatabase } from "../lib/platform/db/database";
import { applyMigrations } from "../lib/platform/db/migrations";
import type { TEnv } from "../lib/platform/env";
import { demoExists, seedDemoOnce } from "../lib/server/seed/demo";

/** Answers whether the database holds the demo clinics. */
export async function prepareDatabase(env: TEnv, target: DatabaseTarget): Promise<boolean> {
  console.log(
    target.kind === "pglite"
      ? `Opening the embedded database in ${path.resolve(target.dataDir ?? "")} …`
      : "Connecting to PostgreSQL (DATABASE_URL) …",
  );
  const db = await openDatabase(target);
  const prisma = createPrismaClient(db);
  try {
    const applied = await applyMigrations(db);
    if (applied.length > 0) console.log(`Applied ${applied.length} migration(s).`);
    // Before any CPR number is written or read (the demo seed writes some).
    process.env.DATA_ENCRYPTION_KEY = await prepareDataKey(prisma, env, target);
    // Demo data goes only into a new embedded database; a server's data is never touched.
    if (target.kind === "pglite" && (await prisma.clinic.count()) === 0) {
      console.log("Adding the demo clinics …");
      await seedDemoOnce(prisma, today(DEFAULT_TIME_ZONE));
    }
    return await demoExists(prisma);
  } finally {
    await prisma.$disconnect();
    await db.close();
  }
}
