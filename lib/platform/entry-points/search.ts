import { z } from "zod";

const ZSearchParams = z.record(z.string(), z.union([z.string(), z.array(z.string())]).optional());

/**
 * A page's query as `schema` reads it: each parameter's first value (a parameter may repeat).
 * Give the schema's fields `.catch` fallbacks, so that a stale or hand-edited link still opens
 * the page with defaults.
 */
export function searchOf<S extends z.ZodType>(schema: S) {
  return ZSearchParams.transform((params, context): z.output<S> => {
    const first = Object.fromEntries(
      Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
    );
    const parsed = schema.safeParse(first);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues)
      context.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  });
}
