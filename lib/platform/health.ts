import type { Db } from "./db/client";
import type { ReplicaState } from "./db/replica";
import { logger } from "./log/logger";

export type Health = { status: "ok" | "error"; db: "ok" | "error"; replica: ReplicaState | "none" };

/**
 * Whether the database answers, and the state of its replica ("none" without one). Says nothing
 * else: the endpoint is public. A replica that is down or behind leaves the status "ok": reads
 * then go to the primary, and the app works on.
 */
export async function checkHealth(
  getDb: () => Promise<Db>,
  replica: () => Promise<ReplicaState | "none">,
): Promise<Health> {
  const replicaState = await replica().catch((): ReplicaState => "down");
  try {
    const db = await getDb();
    await db.$queryRaw`select 1`;
    return { status: "ok", db: "ok", replica: replicaState };
  } catch (error) {
    logger.error({ err: error }, "health check: the database does not answer");
    return { status: "error", db: "error", replica: replicaState };
  }
}
