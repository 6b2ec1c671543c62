// Counts the SQL statements Prisma sends the database through its driver adapter, on either
// engine: every query and command, and a transaction's BEGIN and COMMIT (or ROLLBACK), as the
// server receives them. Only the statements' text is kept, never their parameters.
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

import type { Database } from "../../lib/platform/db/database";

export type StatementLog = { statements: string[]; reset(): void };

/** The same database, with every statement sent through it written to the returned log. */
export function countingStatements(db: Database): { db: Database; log: StatementLog } {
  const statements: string[] = [];
  const log = { statements, reset: () => void statements.splice(0) };
  const counted = <T extends SqlDriverAdapter | Transaction>(queryable: T): T => {
    const { queryRaw, executeRaw } = queryable;
    queryable.queryRaw = (query: SqlQuery) => {
      statements.push(query.sql);
      return queryRaw.call(queryable, query);
    };
    queryable.executeRaw = (query: SqlQuery) => {
      statements.push(query.sql);
      return executeRaw.call(queryable, query);
    };
    return queryable;
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: db.factory.provider,
    adapterName: db.factory.adapterName,
    connectToShadowDb: () => db.factory.connectToShadowDb(),
    async connect() {
      const adapter = counted(await db.factory.connect());
      const startTransaction = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (isolationLevel) => {
        // Both adapters send BEGIN themselves, before the transaction is handed out.
        statements.push("BEGIN");
        const tx = counted(await startTransaction(isolationLevel));
        // With a "phantom" transaction (PGlite) the adapter sends COMMIT or ROLLBACK itself on
        // commit(); otherwise (node-postgres) Prisma sends it through executeRaw, counted above.
        if (tx.options.usePhantomQuery) {
          const { commit, rollback } = tx;
          tx.commit = () => {
            statements.push("COMMIT");
            return commit.call(tx);
          };
          tx.rollback = () => {
            statements.push("ROLLBACK");
            return rollback.call(tx);
          };
        }
        return tx;
      };
      return adapter;
    },
  };
  return { db: { ...db, factory }, log };
}
