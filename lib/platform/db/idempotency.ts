// Idempotency keys of clinicians' forms (SPEC §8): the form sends a random key with a new
// record and the same key again when Save is pressed after a lost answer. The first submit
// claims the key in its write's transaction; a repeat, even one running at the same moment,
// waits for that transaction and is answered with the row it wrote.
import { z } from "zod";

import type { Prisma } from "../../generated/prisma/client";
import type { AuditEntity } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { addDays } from "../dates";
import { AppError } from "../errors";

/** How long a key is remembered: far longer than any retry, short enough to keep the table small. */
export const IDEMPOTENCY_KEY_DAYS = 7;

/** The form field: absent or empty means no key (a form sent before its script ran). */
export const zIdempotencyKey = z.union([z.literal("").transform(() => undefined), z.uuid()]).optional();

/** The key of a form's raw values; a malformed one is bad input (400), never a second write. */
export function idempotencyKeyOf(raw: unknown): string | undefined {
  const parsed = zIdempotencyKey.safeParse((raw as Record<string, unknown> | null)?.idempotencyKey);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  return parsed.data;
}

/**
 * The row an earlier submit with this key wrote, or null. For checks that come before the
 * write and would answer a repeat differently (a patient's duplicate warning would name the
 * patient the first submit registered).
 */
export async function earlierWrite(
  db: Pick<Prisma.TransactionClient, "idempotencyKey">,
  actor: Actor,
  key: string | undefined,
  entity: AuditEntity,
): Promise<string | null> {
  if (!key) return null;
  const earlier = await db.idempotencyKey.findUnique({ where: { key } });
  if (!earlier?.entityId) return null;
  if (earlier.userId !== actor.userId || earlier.entity !== entity) throw new AppError("INVALID_INPUT");
  return earlier.entityId;
}

/**
 * Runs `write` (which answers the id of the row it wrote) once per key: a key seen before
 * answers the id its first write stored. Call inside the write's transaction. A key of
 * another user or another kind of row is refused.
 */
export async function writeOnce(
  tx: Prisma.TransactionClient,
  actor: Actor,
  key: string | undefined,
  entity: AuditEntity,
  write: () => Promise<string>,
): Promise<{ id: string; repeated: boolean }> {
  if (!key) return { id: await write(), repeated: false };
  // A concurrent holder of the key makes this INSERT wait for its commit, then do nothing.
  const claimed = await tx.$queryRaw<unknown[]>`
    INSERT INTO "IdempotencyKey" (key, "clinicId", "userId", entity) VALUES (${key}::uuid, ${actor.clinicId}::uuid, ${actor.userId}::uuid, ${entity})
    ON CONFLICT (key) DO NOTHING RETURNING key`;
  if (claimed.length === 0) {
    const id = await earlierWrite(tx, actor, key, entity);
    if (!id) throw new AppError("INVALID_INPUT");
    return { id, repeated: true };
  }
  const id = await write();
  await tx.idempotencyKey.update({ where: { key }, data: { entityId: id } });
  return { id, repeated: false };
}

/** Forgets a clinic's keys older than IDEMPOTENCY_KEY_DAYS (a scheduled job, lib/platform/jobs/jobs.ts). */
export async function forgetOldKeys(
  db: Pick<Prisma.TransactionClient, "idempotencyKey">,
  clinicId: string,
  now: Date,
): Promise<number> {
  const { count } = await db.idempotencyKey.deleteMany({
    where: { clinicId, createdAt: { lt: addDays(now, -IDEMPOTENCY_KEY_DAYS) } },
  });
  return count;
}
