import { PrismaClient } from "../../generated/prisma/client";
import { CONNECTION_WAIT_MS, type Database } from "./database";

export type Db = PrismaClient;

export function createPrismaClient(db: Database): Db {
  return new PrismaClient({ adapter: db.factory, transactionOptions: { maxWait: CONNECTION_WAIT_MS } });
}
