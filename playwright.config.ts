import os from "node:os";

import { defineConfig } from "@playwright/test";

import { findChromium } from "./scripts/chromium";

// Offline mode and routing also reach a service worker's own fetches (the portal's,
// e2e/offline-portal.spec.ts): without it a page "offline" could still come from the server.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = "1";

// End-to-end tests run against the production build, started exactly as `npm start` does, on a
// fresh embedded database with the demo data: one server and database per worker
// (e2e/support/test.ts), from a build and a demo database made once before the workers start.
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/support/global-setup.ts",
  // A worker per core; a spec file's tests run in order in one worker, on that worker's server.
  workers: os.availableParallelism(),
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"]],
  // A story of many saves (five tabs and a clinic sign-in, eleven saves of outcomes) takes about
  // 20 s alone and ran past 30 s beside the authorization matrix on the other worker on a slow
  // day in CI; no single step waits longer than `expect`'s 10 s.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: "chromium",
    locale: "da-DK",
    timezoneId: "Europe/Copenhagen",
    trace: "retain-on-failure",
    launchOptions: {
      // Playwright cannot download its own browser here; Debian's Chromium is used instead.
      // npm test found (or installed) it first: scripts/ensure-chromium.ts.
      executablePath: findChromium()?.path ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
});
