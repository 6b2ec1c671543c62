import "server-only";
import { HTTP_STATUS, isAppError } from "./errors";

/** The response for a failed route handler: the error's code only, never its message. */
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) return Response.json({ error: error.code }, { status: HTTP_STATUS[error.code] });
  console.error("Unexpected error in a route handler", error instanceof Error ? error.name : typeof error);
  return Response.json({ error: "INTERNAL" }, { status: 500 });
}
