// npm run db:migration:new -- NAME: writes prisma/migrations/<timestamp>_NAME/migration.sql
// with the SQL that takes the checked-in migrations to prisma/schema.prisma. It needs no
// database server: the diff runs against a throw-away in-memory PGlite.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { openDatabase } from "../lib/platform/db/database";
import { diffMigrationsToSchema, MIGRATIONS_DIR } from "../lib/platform/db/migrations";
import { runCli, UsageError } from "./cli";

runCli(async () => {
  const name = process.argv[2] ?? "";
  if (!/^[a-z0-9_]+$/.test(name)) {
    throw new UsageError("Usage: npm run db:migration:new -- NAME (lower-case letters, digits and _)");
  }
  // The engine reads the provider of the existing migrations from the lock file.
  await mkdir(MIGRATIONS_DIR, { recursive: true });
  await writeFile(
    path.join(MIGRATIONS_DIR, "migration_lock.toml"),
    '# Written by npm run db:migration:new; keep it in version control.\nprovider = "postgresql"\n',
  );
  const db = await openDatabase({ kind: "pglite", dataDir: null });
  try {
    const sql = await diffMigrationsToSchema(db);
    if (!sql) {
      console.log("The schema matches the migrations; nothing to write.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  } finally {
    await db.close();
  }
});
