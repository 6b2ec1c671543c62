// Runs once when a Next.js server starts (not during the build): the settings are parsed and
// checked first, so a malformed one stops the server with a message naming it; the background
// jobs are started (lib/platform/jobs/registry.server.ts), which resumes work a restart interrupted; and
// every error a page, action or route did not handle is logged once, with its stack and the
// request's id.
import type { Instrumentation } from "next";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { env } = await import("./lib/platform/env");
  env();
  const { startJobs } = await import("./lib/platform/jobs/registry.server");
  // The daily sweep and e-mail delivery: a job missed while the server was down, and e-mail
  // queued or failed meanwhile, go at once.
  await startJobs();
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ logger }, { REQUEST_ID_HEADER }] = await Promise.all([
    import("./lib/platform/log/logger"),
    import("./lib/platform/entry-points/request-id"),
  ]);
  const requestId = request.headers[REQUEST_ID_HEADER];
  // The route's pattern, never its path: a path can hold a search a clinician typed.
  logger.error(
    {
      reqId: Array.isArray(requestId) ? requestId[0] : requestId,
      kind: context.routeType,
      entry: context.routePath,
      err: error,
    },
    "unhandled error",
  );
};
