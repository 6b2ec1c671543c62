import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";

import { PrismaClient } from "../../generated/prisma/client";
import { CONNECTION_WAIT_MS } from "./database";

export type Db = PrismaClient;

/** Prisma Client on a database (lib/platform/db/database.ts) or on the replica (replica.ts). */
export function createPrismaClient(db: { factory: SqlDriverAdapterFactory }): Db {
  return new PrismaClient({ adapter: db.factory, transactionOptions: { maxWait: CONNECTION_WAIT_MS } });
}
