import path from "node:path";

import { defineConfig } from "vitest/config";

import { findTestPostgres } from "./tests/support/find-postgres";

const alias = { "@": path.resolve(import.meta.dirname) };
// The tests' own data key (never a clinic's): services that store CPR numbers read it from the environment.
const env = { DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") };
const integration = (kind: "pglite" | "postgres") => ({
  resolve: { alias },
  test: {
    name: `integration-${kind}`,
    include: ["tests/integration/**/*.test.ts"],
    environment: "node",
    env: { ...env, TEST_DB_KIND: kind },
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/fail-on-console-error.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

// Only the integration tests need a server; a run of the unit tests alone does not look for one.
const integrationRun = !(
  process.argv.includes("--project") &&
  process.argv.every((arg, i) => process.argv[i - 1] !== "--project" || arg === "unit")
);

export default defineConfig(async () => {
  const postgres = integrationRun ? await findTestPostgres() : null;
  if (postgres) {
    // The workers read it from the environment (tests/support/test-db-config.ts).
    process.env.TEST_DATABASE_URL = postgres.url;
    if (postgres.source === "local")
      console.log(
        `Integration tests run on the embedded database and on the PostgreSQL server at ${new URL(postgres.url).host}.`,
      );
  } else if (integrationRun) {
    console.log(
      "Integration tests run on the embedded database only: no PostgreSQL server answered at 127.0.0.1:5432 (set TEST_DATABASE_URL to use one).",
    );
  }
  return {
    test: {
      projects: [
        {
          resolve: { alias },
          test: {
            name: "unit",
            // Components that render without a browser (server components, to static markup) too.
            include: ["lib/**/*.test.ts", "components/**/*.test.tsx"],
            environment: "node",
            env,
            setupFiles: ["tests/support/fail-on-console-error.ts"],
          },
        },
        integration("pglite"),
        // The same tests on a PostgreSQL server, when there is one.
        ...(postgres ? [integration("postgres")] : []),
      ],
    },
  };
});
