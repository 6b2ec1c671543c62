// Playwright's global set-up, before any worker starts: the production build, once (each
// worker's server would otherwise find it missing and start its own), and the demo database
// every server starts from, made once as `npm start` makes it and copied per server
// (e2e/support/test.ts, e2e/support/matrix-server.ts) instead of migrated and seeded again.
import { rm } from "node:fs/promises";

import { parseEnv } from "../../lib/platform/env";
import { buildIfNeeded } from "../../scripts/build-if-needed";
import { prepareDatabase } from "../../scripts/prepare-database";
import { DEMO_DATA_DIR, E2E_DATA_DIR } from "./demo-data-dir";

export default async function globalSetup() {
  await buildIfNeeded();
  await rm(E2E_DATA_DIR, { recursive: true, force: true });
  const before = process.env.DATA_ENCRYPTION_KEY;
  await prepareDatabase(parseEnv({ DATA_DIR: DEMO_DATA_DIR }), { kind: "pglite", dataDir: DEMO_DATA_DIR });
  // The key stays in the folder's key file, which each copy brings along; the workers do not inherit it.
  if (before === undefined) delete process.env.DATA_ENCRYPTION_KEY;
  else process.env.DATA_ENCRYPTION_KEY = before;
}
