// Two production servers on one PostgreSQL (SPEC §8): sign-in failures sent to either are
// counted together, because the throttle lives in the database.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { createPrismaClient } from "../lib/db/client";
import { openDatabase } from "../lib/db/database";
import { createClinic, createUser } from "../lib/seed/builders";
import { findTestPostgres } from "../tests/support/find-postgres";
import { postSignIn, waitForHealth } from "../tests/support/http-client";

const PASSWORD = "hælløft på trappetrin";

/** Signs in through next-auth's own endpoints; answers the error next-auth reports, or null on success. */
async function signInError(baseURL: string, email: string, password: string): Promise<string | null> {
  const { response } = await postSignIn(baseURL, email, password);
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error");
}

async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" }, stdio: ["ignore", "ignore", "inherit"] });
  try {
    await waitForHealth(`http://127.0.0.1:${port}`, 180_000);
    return child;
  } catch (error) {
    child.kill();
    throw error;
  }
}

test("sign-in failures on two app servers sharing one PostgreSQL are counted together", async () => {
  test.setTimeout(300_000);
  const server = await findTestPostgres();
  test.skip(!server, "no PostgreSQL server to run two app servers on");
  const name = `heelpain_two_servers_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: server!.url });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const url = new URL(server!.url);
  url.pathname = `/${name}`;
  const env = { DATABASE_URL: url.toString(), NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64") };
  const children: ChildProcess[] = [];
  try {
    children.push(await startServer(3311, env));
    children.push(await startServer(3312, env));
    const database = await openDatabase({ kind: "postgres", url: env.DATABASE_URL });
    const db = createPrismaClient(database);
    const user = await createUser(db, { clinicId: (await createClinic(db)).id, role: "CLINICIAN", password: PASSWORD });
    await db.$disconnect();
    await database.close();

    // Five failures, alternating servers, each after the growing per-account delay (1, 2, 4, 8 s).
    const servers = ["http://127.0.0.1:3311", "http://127.0.0.1:3312"];
    for (const [i, delay] of [0, 1100, 2100, 4100, 8100].entries()) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      expect(await signInError(servers[i % 2]!, user.email, "forkert kodeord"), `failure ${i + 1}`).toBe("CredentialsSignin");
    }
    // Both servers now make this address wait 15 minutes, even with the right password.
    for (const base of servers) expect(await signInError(base, user.email, PASSWORD)).toMatch(/^throttled:For mange forsøg\. Vent 1[45] minutter/);
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
});
