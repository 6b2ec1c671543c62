// Which PostgreSQL the integration tests also run on: TEST_DATABASE_URL when set, else a server
// answering at the default local address (this project's machines run one), else none. The
// tests create and drop their own databases on it (global-setup.ts), so nothing of a user's is
// touched.
import pg from "pg";

export const LOCAL_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export async function findTestPostgres(): Promise<{ url: string; source: "env" | "local" } | null> {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL, source: "env" };
  const client = new pg.Client({ connectionString: LOCAL_POSTGRES_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("select 1");
    return { url: LOCAL_POSTGRES_URL, source: "local" };
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}
