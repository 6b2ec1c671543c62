import { z } from "zod";

import { AppError } from "../errors";

const ZId = z.uuid();

/**
 * Every id a service puts into a query passes here first. Prisma drops a condition whose value
 * is undefined, so a missing id would match any row the rest of the query allows (the first
 * patient of the clinic); the entry points refuse one too, and this is the second line.
 */
export function requireId(id: unknown): string {
  if (!ZId.safeParse(id).success) throw new AppError("INVALID_INPUT");
  return id as string;
}
