import { z } from "zod";

/**
 * The ids entry points receive in URL segments and bound action arguments. A missing or
 * malformed id is refused as a field error ("missingReference"), never passed on: Prisma drops
 * a condition whose value is undefined, which would widen a query to the whole clinic. The
 * description names the field in the error and in the log.
 */
const id = (field: string) => z.uuid({ error: "missingReference" }).describe(field);

export const ids = {
  patient: id("patientId"),
  episode: id("episodeId"),
  assignment: id("assignmentId"),
  flag: id("flagId"),
  template: id("templateId"),
  record: id("recordId"),
  user: id("userId"),
  email: id("messageId"),
};
