// Sessions a server can end (SPEC §8). The session cookie (a next-auth JWT) names a row of
// UserSession; the actor is read only through a live row. Signing out deletes the row, so a
// copied cookie stops working at once; a password change or reset and closing an account
// delete the user's rows, ending their sessions on every device.
import { randomUUID } from "node:crypto";

import type { Prisma } from "../../generated/prisma/client";
import type { Db } from "../db/client";
import { ACTOR_USER_INCLUDE } from "./actor";

/** How long a session lasts without signing in again (also the cookie's lifetime). */
export const SESSION_HOURS = 8;

type Writer = Pick<Db, "userSession"> | Pick<Prisma.TransactionClient, "userSession">;

export async function startSession(db: Db, userId: string, now: Date): Promise<string> {
  const id = randomUUID();
  await db.$transaction([
    // Expired rows go as new ones come, so the table holds live sessions only.
    db.userSession.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.userSession.create({ data: { id, userId, expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000) } }),
  ]);
  return id;
}

export async function endSession(db: Writer, sessionId: string) {
  await db.userSession.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of the user but `keep` (the one that made the change, if any). */
export async function endUserSessions(db: Writer, userId: string, keep: string | null = null) {
  await db.userSession.deleteMany({ where: { userId, ...(keep && { id: { not: keep } }) } });
}

/** The user of a live session, if the session and the account are both still open. */
export async function sessionUser(db: Db, sessionId: string, userId: string, now: Date) {
  // The user, through a live session of theirs, with what the actor needs.
  return db.user.findFirst({
    where: { id: userId, active: true, sessions: { some: { id: sessionId, expiresAt: { gt: now } } } },
    include: ACTOR_USER_INCLUDE,
  });
}
