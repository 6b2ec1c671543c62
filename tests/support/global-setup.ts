// Migrates one template database per run; each test file then starts from a copy of it
// (PGlite: a dump loaded in memory; PostgreSQL: CREATE DATABASE ... TEMPLATE).
import { rm, writeFile } from "node:fs/promises";

import type { TestProject } from "vitest/node";

import { openDatabase } from "../../lib/platform/db/database";
import { applyMigrations } from "../../lib/platform/db/migrations";
import { adminPool, pgliteTemplateFile, postgresTemplateName, postgresUrl } from "./test-db-config";

export default async function setup(project: TestProject) {
  if (project.config.env.TEST_DB_KIND === "pglite") {
    const db = await openDatabase({ kind: "pglite", dataDir: null });
    await applyMigrations(db);
    const file = pgliteTemplateFile();
    await writeFile(file, Buffer.from(await (await db.dump!()).arrayBuffer()));
    await db.close();
    project.provide("pgliteTemplateFile", file);
    return () => rm(file, { force: true });
  }

  const template = postgresTemplateName();
  const admin = adminPool();
  await dropDatabases(admin, template);
  await admin.query(`create database "${template}"`);
  const db = await openDatabase({ kind: "postgres", url: postgresUrl(template) });
  await applyMigrations(db);
  await db.close();
  await admin.end();
  return async () => {
    const cleanup = adminPool();
    await dropDatabases(cleanup, template);
    await cleanup.end();
  };
}

async function dropDatabases(admin: ReturnType<typeof adminPool>, prefix: string) {
  const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where datname like $1", [
    `${prefix}%`,
  ]);
  for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
}
