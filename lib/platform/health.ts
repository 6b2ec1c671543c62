import type { Db } from "./db/client";
import { logger } from "./log/logger";

export type Health = { status: "ok" | "error"; db: "ok" | "error" };

/** Whether the database answers. Says nothing else: the endpoint is public. */
export async function checkHealth(getDb: () => Promise<Db>): Promise<Health> {
  try {
    const db = await getDb();
    await db.$queryRaw`select 1`;
    return { status: "ok", db: "ok" };
  } catch (error) {
    logger.error({ err: error }, "health check: the database does not answer");
    return { status: "error", db: "error" };
  }
}
