// The flag queue's view in the URL; each parameter falls back on its own (as the caseload's).
import { z } from "zod";

import { RULE_CODES } from "../../clinical/rules/case";
import { FlagSeverity } from "../../generated/prisma/enums";
import { searchOf } from "../../platform/entry-points/search";
import type { SearchParams } from "../caseload/caseload-query";

const ZFlagQuery = z.object({
  status: z.enum(["ACTIVE", "OPEN", "ACKNOWLEDGED", "RESOLVED"]).catch("ACTIVE"),
  /** As the caseload's: a clinician starts from their own patients (an admin always sees the clinic). */
  scope: z.enum(["mine", "clinic"]).catch("mine"),
  code: z.enum(RULE_CODES).optional().catch(undefined),
  severity: z
    .enum(Object.values(FlagSeverity) as [FlagSeverity, ...FlagSeverity[]])
    .optional()
    .catch(undefined),
  clinician: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export type FlagQuery = z.output<typeof ZFlagQuery>;

/** The flag queue's view from a page's search parameters; every field has a fallback. */
export const ZFlagSearch = searchOf(ZFlagQuery);

export function parseFlagQuery(params: SearchParams): FlagQuery {
  return ZFlagSearch.parse(params);
}

export function flagSearch(query: FlagQuery, change: Partial<FlagQuery> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) {
    const isDefault =
      (key === "status" && value === "ACTIVE") ||
      (key === "scope" && value === "mine") ||
      (key === "page" && value === 1);
    if (value !== undefined && !isDefault) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}
