// One error type for expected failures of the data layer. Its message is a code, never a
// database message, so nothing about a record can leak through it to a client.
export type AppErrorCode = "NOT_FOUND" | "UNAUTHENTICATED" | "FORBIDDEN" | "INVALID_INPUT" | "CONFLICT";

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID_INPUT: 400,
  CONFLICT: 409,
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
