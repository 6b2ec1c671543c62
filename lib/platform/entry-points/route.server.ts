import "server-only";

import { z } from "zod";

import { getMessages, type Messages } from "../../present/i18n";
import { getLocale } from "../../present/i18n/locale.server";
import { awaitOwnWrite, getDb, getReadDb } from "../db/app-db.server";
import type { Db } from "../db/client";
import { HTTP_STATUS, isAppError } from "../errors";
import { logger } from "../log/logger";
import { type Access, type ActorFor, checkAccess, traced } from "./entry.server";

/** `database` opens the connection when the handler asks, so the health check can report a database that does not answer. */
export type RouteContext<A extends Access, Q> = {
  actor: ActorFor<A>;
  database: () => Promise<Db>;
  /** For the reads that tolerate a second's lag: the replica's client when there is one (getReadDb). */
  readDatabase: () => Promise<Db>;
  messages: Messages;
  request: Request;
  query: Q;
  params: Promise<unknown>;
};

const NONE = z.object({});

/**
 * A route handler: who may call it and what its query is. Answers JSON errors with a code,
 * never a message: 401 signed out, 404 for another role or a NOT_FOUND (whether something
 * exists is not told), 400 for a query that does not parse, 500 for the unexpected (logged).
 */
export function route<A extends Access, Q extends z.ZodType = typeof NONE>(
  declaration: { name: string; access: A; query?: Q },
  handle: (context: RouteContext<A, z.output<Q>>) => Promise<Response>,
) {
  return async function handler(request: Request, context: { params: Promise<unknown> }): Promise<Response> {
    return traced("route", declaration.name, async (trace) => {
      const answer = (response: Response) => {
        trace.status = response.status;
        return response;
      };
      const access = await checkAccess(declaration.access);
      trace.actor = access.actor;
      trace.otherRole = "denied" in access && access.denied === "other-role";
      if ("denied" in access)
        return answer(errorJson(access.denied === "signed-out" ? "UNAUTHENTICATED" : "NOT_FOUND"));
      const query = ((declaration.query ?? NONE) as Q).safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!query.success) return answer(errorJson("INVALID_INPUT"));
      try {
        const messages = getMessages(access.actor?.locale ?? (await getLocale()));
        const response = await handle({
          actor: access.actor,
          database: getDb,
          readDatabase: () => getReadDb(access.actor),
          messages,
          request,
          query: query.data,
          params: context.params,
        });
        // A handler that may write: with a replica, what it wrote is there before its answer (getReadDb).
        if (request.method !== "GET" && request.method !== "HEAD") await awaitOwnWrite();
        return answer(response);
      } catch (error) {
        if (isAppError(error)) return answer(errorJson(error.code));
        logger.error(
          { reqId: trace.requestId, entry: declaration.name, err: error },
          "unexpected error in a route handler",
        );
        return answer(Response.json({ error: "INTERNAL" }, { status: 500 }));
      }
    });
  };
}

function errorJson(code: keyof typeof HTTP_STATUS): Response {
  return Response.json({ error: code }, { status: HTTP_STATUS[code], headers: { "cache-control": "no-store" } });
}
