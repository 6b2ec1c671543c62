// Reads of one clinic's rows in a database of many clinics. Such a read goes through the
// clinic's indexes to a few thousand rows, but the tables hold every clinic's, and PostgreSQL
// then plans parallel workers; starting them cost more than they saved (ten clinics of 20,000
// patients: the caseload's default count 113 ms with workers, 40 ms without; the clinic report
// about 1,250 ms with, 450 ms without). So these reads run in a transaction that plans none.
// This is the one planner setting the app makes (decision record 018).
import type { Prisma } from "../../generated/prisma/client";
import type { Db } from "./client";

export type ReadTx = Prisma.TransactionClient;

/** Runs `read` in one transaction without parallel workers. */
export function readOneClinic<T>(db: Db, read: (tx: ReadTx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`;
    return read(tx);
  });
}

/** One query, as readOneClinic runs it. */
export function queryOneClinic<T>(db: Db, sql: Prisma.Sql): Promise<T> {
  return readOneClinic(db, (tx) => tx.$queryRaw<T>(sql));
}
