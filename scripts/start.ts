// npm start: prepares the database (migrations; demo data on a new embedded database),
// builds the app if its sources changed, starts the production server and prints how to
// sign in. See the README for the settings it reads.
//
// npm run dev (--dev): the same database, secrets, keys and demo data, with Next.js's
// development server instead of a build: a change to a page or component shows in the
// browser as soon as it is saved.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";

import { today } from "../lib/dates";
import { createPrismaClient } from "../lib/db/client";
import { type DatabaseTarget, databaseTargetFromEnv, openDatabase } from "../lib/db/database";
import { applyMigrations } from "../lib/db/migrations";
import { readEnv, type TEnv } from "../lib/env";
import { serveApp } from "../lib/http/app-server";
import { trustedHops } from "../lib/http/client-address";
import { prepareDataKey } from "../lib/identity/data-key-file";
import { resolveVapidKeys } from "../lib/reminders/vapid-key-file";
import { demoExists, describeDemoSignIns, seedDemoOnce } from "../lib/seed/demo";
import { buildServiceWorker } from "./build-service-worker";
import { runCli, UsageError } from "./cli";

const ROOT = path.resolve(import.meta.dirname, "..");
const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");
const BUILD_STAMP = path.join(ROOT, ".next", "heelpain-source-fingerprint");
const SOURCES = [
  "app",
  "components",
  "lib",
  "instrumentation.ts",
  "prisma/schema.prisma",
  "next.config.js",
  "package-lock.json",
  "tsconfig.json",
];

runCli(async () => {
  const dev = process.argv.includes("--dev");
  const env = readEnv();
  const target = databaseTargetFromEnv(env);
  const secret = env.NEXTAUTH_SECRET ?? (await secretFor(target));
  await assertPortFree(env.PORT);

  const hasDemo = await prepareDatabase(env, target);
  if (dev) await buildServiceWorker();
  else await buildIfNeeded();
  await prepareVapidKeys(env, target);

  const url = `http://localhost:${env.PORT}`;
  Object.assign(process.env, {
    NODE_ENV: dev ? "development" : "production",
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? url,
    NEXT_TELEMETRY_DISABLED: "1",
  });
  if (dev) console.log("Starting the development server (pages compile when first opened) …");
  const app = await serveApp({
    dir: ROOT,
    hostname: env.HOST,
    port: env.PORT,
    trustedHops: trustedHops(env.TRUST_PROXY),
    dev,
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void app.close().then(() => process.exit(0)));
  }
  if (await waitUntilHealthy(env.PORT)) {
    console.log(`\nHeel Pain Care is running at ${url}${dev ? " (development server: changes show on save)" : ""}`);
    console.log(hasDemo ? describeDemoSignIns() : "Create users with: npm run user:create");
    console.log("Stop it with Ctrl+C.\n");
  }
  // Serves until stopped.
  await new Promise((resolve) => app.server.once("close", resolve));
});

/** The embedded default keeps a generated secret in the data folder; a server needs one set. */
async function secretFor(target: DatabaseTarget): Promise<string> {
  if (target.kind === "postgres") {
    throw new UsageError(
      "NEXTAUTH_SECRET must be set when DATABASE_URL is set (at least 32 characters; " +
        "for example the output of: openssl rand -base64 48).",
    );
  }
  const dataDir = path.resolve(target.dataDir ?? "data");
  const file = path.join(dataDir, "auth-secret");
  const existing = await readFile(file, "utf8").catch(() => "");
  if (existing.trim().length >= 32) return existing.trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function prepareDatabase(env: TEnv, target: DatabaseTarget): Promise<boolean> {
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
      await seedDemoOnce(prisma, today());
    }
    return await demoExists(prisma);
  } finally {
    await prisma.$disconnect();
    await db.close();
  }
}

/** Web push reminders need a VAPID key pair; without one on a server they go by e-mail. */
async function prepareVapidKeys(env: TEnv, target: DatabaseTarget) {
  const keys = await resolveVapidKeys(env, target);
  if (keys) Object.assign(process.env, { VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey });
  else console.log("VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not set: portal reminders go by e-mail only.");
}

async function buildIfNeeded() {
  const fingerprint = await sourceFingerprint();
  const built = await readFile(BUILD_STAMP, "utf8").catch(() => null);
  const hasBuild = await stat(path.join(ROOT, ".next", "BUILD_ID")).then(
    () => true,
    () => false,
  );
  if (hasBuild && built === fingerprint) return;
  console.log("Building the app (first start or changed sources; this takes a minute or two) …");
  await buildServiceWorker();
  const code = await new Promise<number>((resolve) => {
    spawn(process.execPath, [NEXT_BIN, "build"], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    }).on("exit", (exitCode) => resolve(exitCode ?? 1));
  });
  if (code !== 0) throw new UsageError("The build failed; see the messages above.");
  await writeFile(BUILD_STAMP, fingerprint);
}

/** Paths, sizes and modification times of the sources: changes when any source does. */
async function sourceFingerprint(): Promise<string> {
  const hash = createHash("sha256");
  async function visit(relative: string) {
    const full = path.join(ROOT, relative);
    const info = await stat(full).catch(() => null);
    if (!info) return;
    if (info.isDirectory()) {
      for (const entry of (await readdir(full)).sort()) await visit(path.join(relative, entry));
    } else {
      hash.update(`${relative}\0${info.size}\0${info.mtimeMs}\n`);
    }
  }
  for (const source of SOURCES) await visit(source);
  return hash.digest("hex");
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () =>
      reject(new UsageError(`PORT ${port} is already in use. Stop what uses it or set PORT to another port.`)),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

async function waitUntilHealthy(port: number): Promise<boolean> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return true;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  console.error("The server did not answer its health check within two minutes.");
  return false;
}
