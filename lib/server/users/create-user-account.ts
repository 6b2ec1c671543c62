import { z } from "zod";

import type { Prisma } from "../../generated/prisma/client";
import { Role } from "../../generated/prisma/enums";
import { hashPassword } from "../../platform/auth/password";
import { isCommonPassword, MIN_PASSWORD_LENGTH } from "../../platform/auth/password-policy";
import { isUniqueViolation } from "../../platform/db/unique-violation";
import { LOCALES } from "../../present/i18n";

export { MIN_PASSWORD_LENGTH };

export const ZUserAccount = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("must be a valid email address")),
  name: z.string().trim().min(1, "must not be empty").max(200),
  role: z.enum(Role, { error: "must be ADMIN, CLINICIAN or PATIENT" }),
  clinicId: z.uuid("must be a clinic id"),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(200)
    .refine((password) => !isCommonPassword(password), "is a common password; choose another"),
  locale: z.enum(LOCALES).default("da"),
});

/** Raw input, as typed on a command line or in a form; validated here. */
export type TUserAccount = { [K in keyof z.input<typeof ZUserAccount>]?: string };

export type CreateUserResult =
  | { ok: true; user: { id: string; email: string; role: Role } }
  | { ok: false; fieldErrors: Partial<Record<keyof TUserAccount, string[]>> };

/** Creates a user with a hashed password. Field errors for bad input; nothing written then. */
export async function createUserAccount(db: Prisma.TransactionClient, input: TUserAccount): Promise<CreateUserResult> {
  const parsed = ZUserAccount.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const { password, ...data } = parsed.data;
  const clinic = await db.clinic.findUnique({ where: { id: data.clinicId } });
  if (!clinic) return { ok: false, fieldErrors: { clinicId: ["no clinic has this id"] } };
  try {
    const user = await db.user.create({ data: { ...data, passwordHash: await hashPassword(password) } });
    return { ok: true, user: { id: user.id, email: user.email, role: user.role } };
  } catch (error) {
    if (isUniqueViolation(error)) {
      return { ok: false, fieldErrors: { email: ["a user with this email already exists"] } };
    }
    throw error;
  }
}
