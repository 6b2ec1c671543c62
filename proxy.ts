// Every request passes here first (Next.js's proxy, once "middleware"): it gets an id that the
// entry points' log lines carry, bytes no entry point should see are refused with 400 or 413
// and a plain message in both languages (lib/platform/entry-points/request-guard.ts), and every response,
// static files included, gets the security headers with this request's script nonce
// (lib/platform/http/security-headers.ts). Next.js finds the nonce in the request's policy header and
// puts it on the scripts it writes.
import { type NextRequest, NextResponse } from "next/server";

import { checkRequest, type RequestProblem } from "./lib/platform/entry-points/request-guard";
import { REQUEST_ID_HEADER } from "./lib/platform/entry-points/request-id";
import { env } from "./lib/platform/env";
import { securityHeaders } from "./lib/platform/http/security-headers";
import { logger } from "./lib/platform/log/logger";
import { da } from "./lib/present/i18n/da";
import { en } from "./lib/present/i18n/en";

/** Said before any language is known: both catalogs' sentence, Danish first. */
const problemText = (reason: RequestProblem["reason"]) => `${da.requestProblem[reason]} / ${en.requestProblem[reason]}`;

// An id from a proxy in front is kept if it looks like one; anything else is replaced.
const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

export async function proxy(request: NextRequest) {
  const given = request.headers.get(REQUEST_ID_HEADER);
  const requestId = given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const configured = env().NEXTAUTH_URL;
  const security = securityHeaders({
    nonce,
    https: configured?.startsWith("https:") ?? false,
    dev: process.env.NODE_ENV === "development",
  });
  const problem = await checkRequest(request, [
    request.nextUrl.host,
    ...(configured ? [new URL(configured).host] : []),
  ]);
  if (problem) {
    logger.info(
      { reqId: requestId, kind: "request", reason: problem.reason, status: problem.status },
      "request refused",
    );
    return new NextResponse(problemText(problem.reason), {
      status: problem.status,
      headers: {
        ...security,
        "content-type": "text/plain; charset=utf-8",
        "cache-control": "no-store",
        [REQUEST_ID_HEADER]: requestId,
        ...(problem.status === 405 ? { allow: "POST" } : {}),
      },
    });
  }
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  headers.set("content-security-policy", security["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}
