import { hash, verify } from "@node-rs/argon2";

import { logger } from "../log/logger";

// argon2id with the library's defaults (19 MiB, 2 passes), the OWASP baseline.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch (error) {
    // A stored hash the library cannot read: the sign-in fails, and the logs say why.
    logger.error({ err: error }, "password verification failed on a stored hash");
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the time of one verification, so an unknown email is not told apart by timing. */
export async function verifyAgainstNothing(password: string): Promise<void> {
  dummyHash ??= hashPassword("no user has this password");
  await verifyPassword(await dummyHash, password);
}
