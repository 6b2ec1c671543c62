import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import type { Locale } from "../generated/prisma/enums";

/** Remembers the actor's chosen language on their own account. */
export async function setUserLocale(db: Db, actor: Actor, locale: Locale) {
  await db.user.update({ where: { id: actor.userId }, data: { locale } });
}
