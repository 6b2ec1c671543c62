// One error type for expected failures of the data layer. Its message is a code, never a
// database message, so nothing about a record can leak through it to a client.
/** PROCESSING_STOPPED: the patient asked to be erased, so their record takes no more writes (SPEC §9). */
export type AppErrorCode =
  "NOT_FOUND" | "UNAUTHENTICATED" | "FORBIDDEN" | "INVALID_INPUT" | "CONFLICT" | "PROCESSING_STOPPED";

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  PROCESSING_STOPPED: 409,
};

export class AppError extends Error {
  override name = "AppError";
  constructor(readonly code: AppErrorCode) {
    super(code);
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
