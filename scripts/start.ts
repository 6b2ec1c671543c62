// npm start: prepares the database (migrations; demo data on a new embedded database),
// builds the app if its sources changed, starts the production server and prints how to
// sign in. See the README for the settings it reads.
//
// npm run dev (--dev): the same database, secrets, keys and demo data, with Next.js's
// development server instead of a build: a change to a page or component shows in the
// browser as soon as it is saved.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";

import { type DatabaseTarget, databaseTargetFromEnv } from "../lib/platform/db/database";
import { parseEnv, type TEnv } from "../lib/platform/env";
import { serveApp } from "../lib/platform/http/app-server";
import { trustedHops } from "../lib/platform/http/client-address";
import { resolveVapidKeys } from "../lib/server/reminders/vapid-key-file";
import { describeDemoSignIns } from "../lib/server/seed/demo";
import { buildIfNeeded } from "./build-if-needed";
import { buildServiceWorker } from "./build-service-worker";
import { runCli, UsageError } from "./cli";
import { prepareDatabase } from "./prepare-database";

const ROOT = path.resolve(import.meta.dirname, "..");

runCli(async () => {
  const dev = process.argv.includes("--dev");
  const env = parseEnv(process.env);
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

/** Web push reminders need a VAPID key pair; without one on a server they go by e-mail. */
async function prepareVapidKeys(env: TEnv, target: DatabaseTarget) {
  const keys = await resolveVapidKeys(env, target);
  if (keys) Object.assign(process.env, { VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey });
  else console.log("VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not set: portal reminders go by e-mail only.");
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
