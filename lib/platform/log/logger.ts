// The server's one logger: JSON lines on stdout (pino), one per page, action and route call
// and one per unexpected error, with a stack. Log ids, names of entry points, codes and
// timings, never a patient's data: no names, values, free text or query parameters.
import pino from "pino";

import { env } from "../env";
import { describeError } from "./describe-error";

export const logger = pino({
  level: env().LOG_LEVEL,
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  serializers: { err: describeError },
});
