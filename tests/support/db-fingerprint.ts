// Whether a call changed the database: one hash per table over every row.
import type { Db } from "../../lib/platform/db/client";

/**
 * Audited refusals are left out: a refused call is meant to write one (the matrix counts them
 * apart). `ignoreReads` leaves out audited reads too: an action that sends its caller home has
 * Next.js render that home page in the same answer, and the page audits its read of the
 * caller's own record.
 */
export async function fingerprint(db: Db, { ignoreReads = false } = {}): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> '_prisma_migrations' order by table_name`;
  const audited = ignoreReads ? `action not in ('READ', 'REFUSED')` : `action <> 'REFUSED'`;
  const source = (name: string) =>
    name === "AuditEvent" ? `(select * from "AuditEvent" where ${audited})` : `"${name}"`;
  const sql = tables
    .map(
      ({ name }) =>
        `select '${name}' as name, md5(coalesce(string_agg(md5(t::text), ',' order by md5(t::text)), '')) as hash from ${source(name)} t`,
    )
    .join(" union all ");
  const rows = await db.$queryRawUnsafe<{ name: string; hash: string }[]>(sql);
  return Object.fromEntries(rows.map((row) => [row.name, row.hash]));
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((table) => before[table] !== after[table]);
}
