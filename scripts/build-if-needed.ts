// The production build, made only when a source changed since the last one: npm start makes
// it before serving, and the end-to-end tests once before their servers start (one build for
// all workers; each worker's server would otherwise start its own at the same time). Run
// directly (npm run build:if-needed), npm test makes it as a step of its own, so the
// end-to-end step's time is the tests'.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

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

export async function buildIfNeeded() {
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

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) runCli(buildIfNeeded);
