import "server-only";

import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { z } from "zod";

import { getMessages, type Messages } from "../../present/i18n";
import { getLocale } from "../../present/i18n/locale.server";
import { homePath } from "../auth/permissions";
import { getDb, getReadDb } from "../db/app-db.server";
import type { Db } from "../db/client";
import { isAppError } from "../errors";
import { type Access, type ActorFor, checkAccess, traced } from "./entry.server";

type PageProps = {
  params: Promise<Record<string, string | string[]>>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export type PageContext<A extends Access, P, S> = {
  actor: ActorFor<A>;
  db: Db;
  /** For the reads that tolerate a second's lag: the replica's client when there is one (getReadDb). */
  reader: Db;
  messages: Messages;
  params: P;
  search: S;
};

const NONE = z.object({});

/**
 * A page: who may open it, what its URL segments and query are, and how it renders. Signed
 * out goes to sign-in and another role to its own start page; a segment that does not parse,
 * or a NOT_FOUND from a service, is the 404 page. `search` schemas fall back to defaults
 * (`.catch`) rather than fail, so a stale link still opens the page.
 */
export function page<A extends Access, P extends z.ZodType = typeof NONE, S extends z.ZodType = typeof NONE>(
  declaration: { name: string; access: A; params?: P; search?: S },
  render: (context: PageContext<A, z.output<P>, z.output<S>>) => Promise<ReactNode>,
) {
  return async function Page(props: PageProps): Promise<ReactNode> {
    return traced("page", declaration.name, async (trace) => {
      const access = await checkAccess(declaration.access);
      trace.actor = access.actor;
      trace.otherRole = "denied" in access && access.denied === "other-role";
      if ("denied" in access) redirect(access.denied === "signed-out" ? "/sign-in" : homePath(access.actor!));
      // Copied into plain objects: the development server hands out objects zod's record does not take as one.
      const params = ((declaration.params ?? NONE) as P).safeParse({ ...(await props.params) });
      const search = ((declaration.search ?? NONE) as S).safeParse({ ...(await props.searchParams) });
      if (!params.success || !search.success) notFound();
      const messages = getMessages(access.actor?.locale ?? (await getLocale()));
      try {
        return await render({
          actor: access.actor,
          db: await getDb(),
          reader: await getReadDb(access.actor),
          messages,
          params: params.data,
          search: search.data,
        });
      } catch (error) {
        if (isAppError(error, "NOT_FOUND")) notFound();
        throw error;
      }
    });
  };
}
