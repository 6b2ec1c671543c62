import { defineConfig } from "@playwright/test";

import { findChromium } from "./scripts/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3100);

// Offline mode and routing also reach a service worker's own fetches (the portal's,
// e2e/offline-portal.spec.ts): without it a page "offline" could still come from the server.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = "1";

// End-to-end tests run against the production build, started exactly as `npm start` does,
// on a fresh embedded database with the demo data.
export default defineConfig({
  testDir: "e2e",
  // One worker: the tests share one server and its database; sign-in is rate-sensitive.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
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
  webServer: {
    command: "rm -rf .e2e-data && tsx scripts/start.ts",
    // A log line per request would fill the test output; warnings and errors still show.
    env: { DATA_DIR: ".e2e-data", PORT: String(PORT), NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn" },
    url: `http://localhost:${PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
