import os from "node:os";
import path from "node:path";

import pg from "pg";

/** Where the global setup dumps this run's migrated PGlite template (passed on by `provide`). */
export function pgliteTemplateFile(): string {
  return path.join(os.tmpdir(), `heelpain-pglite-template-${process.pid}-${Date.now()}.tar`);
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplateFile: string;
  }
}

export function postgresUrl(database: string): string {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Databases of this run are named after the server's own database plus a suffix. */
export function postgresTemplateName(): string {
  const base = new URL(process.env.TEST_DATABASE_URL ?? "postgres://x/heelpain_test").pathname.slice(1);
  return `${base}_tpl`;
}

/** A pool on the database TEST_DATABASE_URL names, used to create and drop the others. */
export function adminPool(): pg.Pool {
  return new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 1 });
}
