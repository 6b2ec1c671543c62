// Opens the database the app runs on: embedded PGlite in a data folder when no
// DATABASE_URL is set, a PostgreSQL server through node-postgres when it is.
// Scripts, tests and the Next.js server all open it through here.
import { createHash } from "node:crypto";
import { mkdir, realpath, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
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
  /** The embedded database itself, for what Prisma cannot do: the logical backup (lib/platform/backup). */
  pglite?: PGlite;
  close(): Promise<void>;
};

export function databaseTargetFromEnv(env: { DATABASE_URL?: string | undefined; DATA_DIR: string }): DatabaseTarget {
  return env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dataDir: env.DATA_DIR };
}

/**
 * How long a query or a transaction waits for a free connection before it fails. At the
 * portal's morning peak many patients write at once and each write holds a connection for its
 * transaction; they queue for the pool (or, embedded, for the one PGlite connection) rather
 * than fail after Prisma's default of 2 s (npm run bench -- --only peak).
 */
export const CONNECTION_WAIT_MS = 10_000;

export function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === "postgres" ? openPostgres(target.url, target) : openPglite(target);
}

async function openPostgres(url: string, target: DatabaseTarget): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: CONNECTION_WAIT_MS, max: 10 });
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
      pglite: client,
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
    pglite: client,
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
 * PGlite gives one process the data folder; a second one would corrupt it. The holder listens
 * on a Unix socket named after the folder and answers its pid. The kernel closes the socket
 * when the holder dies, however it dies (kill -9 included), so a lock can never outlive its
 * process, and a recycled pid cannot hold it either: a second opener is refused only when a
 * live holder answers.
 */
async function lockDataFolder(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const folder = await realpath(dataDir);
  // In the temp folder, not the data folder: a socket's path must stay short (about 100 bytes).
  const socketPath = path.join(
    os.tmpdir(),
    `heelpain-pglite-${createHash("sha256").update(folder).digest("hex").slice(0, 16)}.sock`,
  );
  const server = net.createServer((socket) => socket.end(String(process.pid)));
  for (let attempt = 0; ; attempt += 1) {
    const listened = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      server.once("error", resolve);
      server.listen(socketPath, () => resolve(null));
    });
    if (!listened) break;
    const holder = listened.code === "EADDRINUSE" ? await lockHolder(socketPath) : null;
    if (holder !== null) {
      throw new DatabaseUnavailableError(
        `The embedded database in ${dataDir} is in use by process ${holder}. ` +
          "Stop that process (for example a running `npm start`) or set DATA_DIR to another folder.",
      );
    }
    if (attempt > 0 || listened.code !== "EADDRINUSE") throw listened;
    // The socket file of a holder that died: nobody answers on it. Take it over.
    await rm(socketPath, { force: true });
  }
  // The lock must not keep a command-line process alive.
  server.unref();
  return async () => {
    await new Promise((resolve) => server.close(resolve));
  };
}

/** The pid of the live process holding the lock, or null when nobody answers on its socket. */
function lockHolder(socketPath: string): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    let answer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (answer += chunk));
    socket.on("end", () => resolve(answer.trim() || "?"));
    socket.on("error", () => resolve(null));
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve("?");
    });
  });
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message;
  return String(error);
}
