// Opens the database the app runs on: embedded PGlite in a data folder when no
// DATABASE_URL is set, a PostgreSQL server through node-postgres when it is.
// Scripts, tests and the Next.js server all open it through here.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

export type DatabaseTarget =
  | {
      kind: "pglite";
      /** null keeps the database in memory (tests, and the diff of new migrations). */
      dataDir: string | null;
      /** In memory only: start from a dump (`dumpDataDir`) instead of an empty database. */
      snapshot?: Blob;
    }
  | { kind: "postgres"; url: string };

/** The database cannot be opened; the message is safe to print and says what to do. */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

export type Database = {
  target: DatabaseTarget;
  /** For Prisma Client and for the schema engine. */
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** In-memory PGlite only: a dump to open copies from (tests start each file from one). */
  dump?: () => Promise<Blob>;
  close(): Promise<void>;
};

export function databaseTargetFromEnv(env: {
  DATABASE_URL?: string | undefined;
  DATA_DIR: string;
}): DatabaseTarget {
  return env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL }
    : { kind: "pglite", dataDir: env.DATA_DIR };
}

export function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === "postgres" ? openPostgres(target.url, target) : openPglite(target);
}

async function openPostgres(url: string, target: DatabaseTarget): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 5_000, max: 10 });
  // Errors of idle clients would otherwise crash the process.
  pool.on("error", () => {});
  try {
    await pool.query("select 1");
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseUnavailableError(
      `DATABASE_URL: cannot reach the PostgreSQL server (${describe(error)}). ` +
        "Check the address and that the server is running.",
    );
  }
  const factory = withAtomicScripts(
    new PrismaPg(pool),
    async (script) => {
      const client = await pool.connect();
      try {
        await client.query(script);
      } catch (error) {
        // A script with its own BEGIN leaves the transaction aborted: end it.
        await client.query("rollback").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    null,
  );
  return { target, factory, close: () => pool.end() };
}

async function openPglite(target: Extract<DatabaseTarget, { kind: "pglite" }>): Promise<Database> {
  if (target.dataDir === null) {
    const client = await PGlite.create(target.snapshot ? { loadDataDir: target.snapshot } : {});
    return {
      target,
      factory: pgliteFactory(client),
      dump: () => client.dumpDataDir("none"),
      close: () => client.close(),
    };
  }
  const dataDir = path.resolve(target.dataDir);
  const releaseLock = await lockDataFolder(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(path.join(dataDir, "pglite"));
    await client.query("select 1");
  } catch (error) {
    await releaseLock();
    throw new DatabaseUnavailableError(
      `The embedded database in ${dataDir} could not be opened (${describe(error)}). ` +
        "The folder may be damaged: restore it from a backup, or move it away to start afresh.",
    );
  }
  return {
    target,
    factory: pgliteFactory(client),
    close: async () => {
      await client.close();
      await releaseLock();
    },
  };
}

function pgliteFactory(client: PGlite): SqlMigrationAwareDriverAdapterFactory {
  return withAtomicScripts(
    new PrismaPGlite(client),
    async (script) => {
      try {
        await client.exec(script);
      } catch (error) {
        // A script with its own BEGIN leaves the transaction aborted: end it.
        await client.exec("rollback").catch(() => {});
        throw error;
      }
    },
    async () => {
      const shadow = await PGlite.create();
      const adapter = await pgliteFactory(shadow).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await shadow.close();
      };
      return adapter;
    },
  );
}

/**
 * The schema engine applies each migration with `executeScript`. The stock adapters run it
 * statement by statement (adapter-pg splits on ";") or without awaiting it (PGlite), so a
 * failing migration could be half-applied or pass unnoticed. We send the whole script as one
 * simple-protocol query instead: PostgreSQL runs such a multi-statement query as a single
 * transaction, so a migration applies entirely or not at all.
 */
function withAtomicScripts(
  inner: SqlMigrationAwareDriverAdapterFactory,
  runScript: (script: string) => Promise<unknown>,
  connectToShadowDb: (() => Promise<SqlDriverAdapter>) | null,
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const adapter = await inner.connect();
      adapter.executeScript = async (script: string) => {
        await runScript(script);
      };
      return adapter;
    },
    connectToShadowDb() {
      if (!connectToShadowDb) {
        throw new Error("New migrations are written against the embedded database only.");
      }
      return connectToShadowDb();
    },
  };
}

/**
 * PGlite gives one process the data folder; a second one would corrupt it. A pid file
 * tells a second opener who holds it. A pid file left by a process that has died is
 * taken over.
 */
async function lockDataFolder(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, "pglite.pid");
  const holder = Number.parseInt(await readFile(lockFile, "utf8").catch(() => ""), 10);
  if (Number.isInteger(holder) && isRunning(holder)) {
    throw new DatabaseUnavailableError(
      `The embedded database in ${dataDir} is in use by process ${holder}. ` +
        "Stop that process (for example a running `npm start`) or set DATA_DIR to another folder.",
    );
  }
  await writeFile(lockFile, String(process.pid));
  return () => rm(lockFile, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message;
  return String(error);
}
