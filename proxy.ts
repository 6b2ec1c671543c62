// Every request passes here first (Next.js's proxy, once "middleware"): it gets an id that the
// entry points' log lines carry, and bytes no entry point should see are refused with 400 or
// 413 and a plain message in both languages (lib/entry/request-guard.ts).
import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_ID_HEADER } from "./lib/entry/request-id";
import { checkRequest, type RequestProblem } from "./lib/entry/request-guard";
import { logger } from "./lib/log/logger";

const MESSAGES: Record<RequestProblem["reason"], string> = {
  "bad-address": "Adressen indeholder tegn, som ikke kan bruges. / The address contains characters that cannot be used.",
  "too-large": "Forespørgslen er for stor. / The request is too large.",
  "bad-bytes": "Forespørgslen indeholder tegn, som ikke kan bruges. / The request contains characters that cannot be used.",
  "bad-json": "Forespørgslen kunne ikke læses (ugyldig JSON). / The request could not be read (malformed JSON).",
};

// An id from a proxy in front is kept if it looks like one; anything else is replaced.
const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

export async function proxy(request: NextRequest) {
  const given = request.headers.get(REQUEST_ID_HEADER);
  const requestId = given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
  const problem = await checkRequest(request);
  if (problem) {
    logger.info({ reqId: requestId, kind: "request", reason: problem.reason, status: problem.status }, "request refused");
    return new NextResponse(MESSAGES[problem.reason], {
      status: problem.status,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", [REQUEST_ID_HEADER]: requestId },
    });
  }
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Not for the build's static files.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
