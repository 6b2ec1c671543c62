// npm test, before anything else: make sure the end-to-end tests have a browser. CHROMIUM_PATH,
// or a Chromium on the PATH; otherwise, where this process may (root, with apt-get), install
// Debian's chromium once, saying so; otherwise stop with the one command to run.
import { spawnSync } from "node:child_process";

import { findChromium, isExecutable } from "./chromium";

const INSTALL_HINT =
  "The end-to-end tests need Chromium: run `sudo apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium), then npm test again.";

function installWithApt(): boolean {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status !== 0) return false;
  console.log(
    "Chromium is not installed; installing Debian's chromium for the end-to-end tests (once, about a minute) …",
  );
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", "chromium"],
  ]) {
    // apt's chatter (debconf notes) is shown only when the step fails.
    const step = spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "pipe"], env, encoding: "utf8" });
    if (step.status !== 0) {
      process.stderr.write(step.stderr);
      return false;
    }
  }
  return true;
}

function main(): number {
  let chromium = findChromium();
  if (chromium?.fromEnv && !isExecutable(chromium.path)) {
    console.error(`CHROMIUM_PATH=${chromium.path} is not an executable file. ${INSTALL_HINT}`);
    return 1;
  }
  if (!chromium && installWithApt()) chromium = findChromium();
  if (!chromium) {
    console.error(INSTALL_HINT);
    return 1;
  }
  console.log(`End-to-end tests will use ${chromium.path}.`);
  return 0;
}

process.exitCode = main();
