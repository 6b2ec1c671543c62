import "server-only";

import { cookies } from "next/headers";

import type { Actor } from "../auth/actor";
import { env } from "../env";

// A user's reads shortly after their own write go to the primary (SPEC §8), so that a clinician
// who saves a measurement and opens the caseload sees it. What remembers the write is a cookie
// in the user's browser that the browser itself drops after a few seconds: every app server
// reads it on the next request, whichever server took the write, and no server keeps it in
// memory. It holds the user's id, so another user signing in on the same browser is not taken
// for the writer. It is not signed: all it can do is send its holder's own reads to the
// primary, which shows them nothing they may not see and only costs the primary a read.
const OWN_WRITE_COOKIE = "heelpain-own-write";

/**
 * How long after a write the writer's reads stay on the primary: above the replica's greatest
 * accepted lag plus the age of its last measurement (lib/platform/db/replica.ts: 1 s + 1 s).
 */
export const OWN_WRITE_SECONDS = 5;

/** Called by the entry points that may write (server actions, and route handlers other than GET). */
export async function noteOwnWrite(actor: Actor): Promise<void> {
  (await cookies()).set(OWN_WRITE_COOKIE, actor.userId, {
    maxAge: OWN_WRITE_SECONDS,
    httpOnly: true,
    sameSite: "lax",
    secure: env().NEXTAUTH_URL?.startsWith("https:") ?? false,
    path: "/",
  });
}

/** Whether the actor wrote in the last few seconds. */
export async function wroteRecently(actor: Actor): Promise<boolean> {
  return (await cookies()).get(OWN_WRITE_COOKIE)?.value === actor.userId;
}
