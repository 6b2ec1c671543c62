import type { Locale } from "../../generated/prisma/enums";
import type { Actor } from "../../platform/auth/actor";
import type { Db } from "../../platform/db/client";

/** Remembers the actor's chosen language on their own account. */
export async function setUserLocale(db: Db, actor: Actor, locale: Locale) {
  await db.user.update({ where: { id: actor.userId }, data: { locale } });
}
