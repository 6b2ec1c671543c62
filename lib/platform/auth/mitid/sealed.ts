// What the MitID flow keeps in the browser between two requests (the flow's secrets while the
// patient is at the broker; the accounts a CPR number matched while they choose a clinic),
// sealed as next-auth seals its session cookie: an encrypted JWT under NEXTAUTH_SECRET, with
// its own salt per purpose, so one can never be read as the other or as a session.
import { decode, encode } from "next-auth/jwt";
import type { z } from "zod";

const SALT = "heelpain mitid ";

export async function seal<T extends Record<string, unknown>>(
  purpose: string,
  value: T,
  secret: string,
  maxAgeSeconds: number,
): Promise<string> {
  return encode({ token: { value }, secret, salt: SALT + purpose, maxAge: maxAgeSeconds });
}

/** The sealed value if it is whole, of this purpose, unexpired and of the schema's shape; else null. */
export async function unseal<S extends z.ZodType>(
  purpose: string,
  sealed: string | undefined,
  schema: S,
  secret: string,
): Promise<z.output<S> | null> {
  if (!sealed) return null;
  try {
    const token = await decode({ token: sealed, secret, salt: SALT + purpose });
    const parsed = schema.safeParse(token?.value);
    return parsed.success ? parsed.data : null;
  } catch {
    // Tampered with, cut short, or sealed under another secret or purpose.
    return null;
  }
}
