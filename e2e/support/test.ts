// The end-to-end tests' `test`: each Playwright worker has its own production server on its own
// copy of the embedded demo database (e2e/support/global-setup.ts), started the way `npm start`
// starts it. Workers run in
// parallel and never see each other's writes, sessions, sign-in throttles, outbox or scheduler;
// the tests of one worker run one after another, as all of them did before (decision 026).
import path from "node:path";

import { test as base } from "@playwright/test";

import { AppServer } from "../../tests/support/app-server";
import { copyDemoDataDir, E2E_DATA_DIR } from "./demo-data-dir";

export { expect } from "@playwright/test";

/** The first worker's port; the next worker's is one more. */
const FIRST_PORT = Number(process.env.E2E_PORT ?? 3100);

export const test = base.extend<object, { appServer: AppServer }>({
  appServer: [
    async ({}, use, workerInfo) => {
      // A worker that starts again after a failure starts from the demo data again.
      const dataDir = await copyDemoDataDir(path.join(E2E_DATA_DIR, `worker-${workerInfo.workerIndex}`));
      // A log line per request would fill the test output; warnings and errors still show.
      const server = new AppServer(FIRST_PORT + workerInfo.parallelIndex, { DATA_DIR: dataDir, LOG_LEVEL: "warn" });
      const startedMs = await server.start();
      console.log(`worker ${workerInfo.parallelIndex}: its server started in ${(startedMs / 1000).toFixed(1)} s`);
      await use(server);
      await server.stop();
    },
    { scope: "worker", timeout: 300_000 },
  ],
  baseURL: async ({ appServer }, use) => use(appServer.baseURL),
});
