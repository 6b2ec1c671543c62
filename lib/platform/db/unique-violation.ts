import { Prisma } from "../../generated/prisma/client";

/** True for a write refused by a unique index (Prisma's P2002), e.g. a duplicate key. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
