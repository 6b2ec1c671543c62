import "server-only";
import type { Role } from "../generated/prisma/enums";
import { AppError } from "../errors";
import type { Actor } from "./actor";
import { getActor } from "./session.server";

/**
 * For route handlers and server actions: the signed-in actor with one of `roles`, or an
 * AppError (UNAUTHENTICATED when signed out, NOT_FOUND for another role). Pages use
 * requireActor, which redirects instead.
 */
export async function actorFor(roles: readonly Role[]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (!roles.includes(actor.role)) throw new AppError("NOT_FOUND");
  return actor;
}
