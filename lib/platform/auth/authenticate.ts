import { z } from "zod";

import type { Locale, Role } from "../../generated/prisma/enums";
import type { Db } from "../db/client";
import { verifyAgainstNothing, verifyPassword } from "./password";

export const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(200),
});

export type AuthenticatedUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  clinicId: string;
  locale: Locale;
};

/**
 * Checks an email and password. Returns null for every kind of failure (malformed input,
 * unknown email, wrong password, deactivated user) so the caller cannot reveal which.
 */
export async function authenticate(db: Db, input: unknown): Promise<AuthenticatedUser | null> {
  const parsed = ZCredentials.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({ where: { email } });
  if (!user) {
    await verifyAgainstNothing(password);
    return null;
  }
  const passwordMatches = await verifyPassword(user.passwordHash, password);
  if (!passwordMatches || !user.active) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    clinicId: user.clinicId,
    locale: user.locale,
  };
}
