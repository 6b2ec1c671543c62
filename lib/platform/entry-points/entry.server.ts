import "server-only";

import { randomUUID } from "node:crypto";

import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";

import { recordRefusal } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { can, type Permission } from "../auth/permissions";
import { getActor } from "../auth/session.server";
import { getDb } from "../db/app-db.server";
import { logger } from "../log/logger";
import { REQUEST_ID_HEADER } from "./request-id";

// What every entry point (page, server action, route handler) shares: who may call it, and
// one log line per call. The three wrappers are in page.server.ts, action.server.ts and
// route.server.ts; docs/decisions/009-entry-points.md says why there is one mechanism.

/** A permission from lib/platform/auth/permissions.ts, or "public": anyone, signed in or not. */
export type Access = Permission | "public";
export type ActorFor<A extends Access> = A extends "public" ? Actor | null : Actor;
export type Denied = { denied: "signed-out" | "other-role"; actor: Actor | null };

/** The caller, if the access allows them; otherwise why not. */
export async function checkAccess<A extends Access>(access: A): Promise<{ actor: ActorFor<A> } | Denied> {
  const actor = await getActor();
  if (access === "public") return { actor: actor as ActorFor<A> };
  if (!actor) return { denied: "signed-out", actor: null };
  if (!can(actor, access)) return { denied: "other-role", actor };
  return { actor: actor as ActorFor<A> };
}

/** What the log line of a call says; the wrapper fills it in as the call goes. */
export type Trace = { requestId: string; actor: Actor | null; status: number; otherRole: boolean };

/**
 * Runs one call of an entry point and logs one line for it: request id, kind, entry point,
 * actor id, status and time. redirect() and notFound() pass through with their status; an
 * unexpected error passes through as 500 (instrumentation.ts logs it with its stack).
 */
export async function traced<T>(
  kind: "page" | "action" | "route",
  entry: string,
  run: (trace: Trace) => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const trace: Trace = {
    requestId: (await headers()).get(REQUEST_ID_HEADER) ?? randomUUID(),
    actor: null,
    status: 200,
    otherRole: false,
  };
  try {
    return await run(trace);
  } catch (error) {
    trace.status = controlFlowStatus(error) ?? 500;
    throw error;
  } finally {
    logger.info(
      {
        reqId: trace.requestId,
        kind,
        entry,
        actor: trace.actor?.userId ?? null,
        status: trace.status,
        ms: Math.round(performance.now() - started),
      },
      kind,
    );
    // A signed-in caller refused (another role's entry point, or an id out of their reach or
    // unknown, which answers 404 alike) leaves a trace in the audit log (SPEC §8).
    if (trace.actor && (trace.otherRole || trace.status === 404)) await auditRefusal(trace.actor, entry);
  }
}

async function auditRefusal(actor: Actor, entry: string) {
  try {
    await recordRefusal(
      await getDb(),
      { clinicId: actor.clinicId, actorId: actor.userId, ip: actor.ip },
      "Entry",
      entry,
    );
  } catch (error) {
    logger.error({ err: error }, "could not audit a refused request");
  }
}

/** The status of Next.js's redirect() and notFound(), which work by throwing; null for other errors. */
function controlFlowStatus(error: unknown): number | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) return Number(digest.split(";")[3]) || 307;
  if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;"))
    return Number(digest.split(";")[1]) || 404;
  try {
    unstable_rethrow(error);
  } catch {
    return 200; // another of Next.js's own signals (e.g. dynamic rendering), not a failure
  }
  return null;
}
