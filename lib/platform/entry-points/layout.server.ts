import "server-only";

import type { ReactNode } from "react";

import type { Actor } from "../auth/actor";
import { getActor } from "../auth/session.server";

/**
 * A layout that draws a frame around pages (the signed-in shell, app/_shell): it gets the
 * signed-in actor, or null. It is no entry point and authorizes nothing: each page declares who
 * may open it (page.server.ts) and redirects a signed-out visitor or another role. getActor() is
 * wrapped in React's cache(), so the page's own check reads the same actor in the same request
 * without a second session and user query.
 */
export function layout(
  render: (context: { actor: Actor | null; children: ReactNode }) => Promise<ReactNode> | ReactNode,
) {
  return async function Layout({ children }: { children: ReactNode }): Promise<ReactNode> {
    return render({ actor: await getActor(), children });
  };
}
