/**
 * What the logs keep of an error: its type, code and stack frames. A database error's message
 * is left out, because it can quote the values of the query (a patient's name, an email);
 * other messages are kept.
 */
export type ErrorDescription = {
  type: string;
  code?: string;
  message?: string;
  stack?: string;
  cause?: ErrorDescription;
};

export function describeError(error: unknown): ErrorDescription {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  const fromDatabase =
    /^(Prisma|DriverAdapter)/.test(error.name) || (typeof code === "string" && /^P\d{4}$/.test(code));
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => line.trimStart().startsWith("at "))
    .map((line) => line.trim());
  return {
    type: error.name,
    ...(typeof code === "string" && { code }),
    ...(!fromDatabase && { message: error.message }),
    ...(frames.length > 0 && { stack: frames.join("\n") }),
    ...(error.cause !== undefined && { cause: describeError(error.cause) }),
  };
}
