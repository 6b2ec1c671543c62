import { PrismaClient } from "../generated/prisma/client";
import type { Database } from "./database";

export type Db = PrismaClient;

export function createPrismaClient(db: Database): Db {
  return new PrismaClient({ adapter: db.factory });
}
