// npm run db:migrate: applies pending migrations to the configured database.
import { databaseTargetFromEnv, openDatabase } from "../lib/platform/db/database";
import { applyMigrations } from "../lib/platform/db/migrations";
import { env } from "../lib/platform/env";
import { runCli } from "./cli";

runCli(async () => {
  const db = await openDatabase(databaseTargetFromEnv(env()));
  try {
    const applied = await applyMigrations(db);
    console.log(
      applied.length === 0
        ? "Database is up to date; no migration applied."
        : `Applied ${applied.length} migration(s):\n${applied.map((name) => `  ${name}`).join("\n")}`,
    );
  } finally {
    await db.close();
  }
});
