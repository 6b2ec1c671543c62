// The caseload's view as it stands in the URL. Each parameter is read on its own and falls
// back to its default when it is missing or malformed, so a hand-edited or stale link still
// opens a caseload rather than an error page.
import { z } from "zod";

import { PLAN_STATUSES } from "../../clinical/episode-state";
import { SEVERITIES } from "../../clinical/rules/severity";
import { EpisodeStatus, ProgramKind } from "../../generated/prisma/enums";
import { searchOf } from "../../platform/entry-points/search";

export const CASELOAD_COLUMNS = [
  "name",
  "age",
  "side",
  "weeks",
  "phase",
  "pain",
  "flags",
  "plan",
  "lastVisit",
  "clinician",
] as const;
export type CaseloadColumn = (typeof CASELOAD_COLUMNS)[number];
export const SORTABLE_COLUMNS = ["name", "age", "weeks", "phase", "pain", "flags", "lastVisit"] as const;
export const PAGE_SIZE = 25;
const MAX_PAGE = 10_000;

const ZCaseloadQuery = z.object({
  /** "messages": whoever wrote to the clinic and is not yet read, for when a colleague is away. */
  view: z.enum(["all", "attention", "messages"]).catch("all"),
  /** "yes": the archived patients, to find one again (and, for an admin, restore them). */
  archived: z.enum(["no", "yes"]).catch("no"),
  scope: z.enum(["mine", "clinic"]).catch("mine"),
  sort: z.enum(SORTABLE_COLUMNS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  status: z.enum([...Object.values(EpisodeStatus), "any"]).catch("ACTIVE"),
  clinician: z.uuid().optional().catch(undefined),
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  program: z
    .enum([...Object.values(ProgramKind), "NONE"])
    .optional()
    .catch(undefined),
  /** The plan's status (lib/clinical/episode-state.ts): on hold, load held or active. */
  plan: z.enum(PLAN_STATUSES).optional().catch(undefined),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((q) => q || undefined),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1),
});

export type CaseloadQuery = z.output<typeof ZCaseloadQuery>;
export type SearchParams = Record<string, string | string[] | undefined>;

/** The caseload's view from a page's search parameters; every field has a fallback, so it cannot fail. */
export const ZCaseloadSearch = searchOf(ZCaseloadQuery);

export function parseCaseloadQuery(params: SearchParams): CaseloadQuery {
  return ZCaseloadSearch.parse(params);
}

export const DEFAULT_QUERY: CaseloadQuery = parseCaseloadQuery({});

/**
 * Whether the view reads every episode status: the attention view (an open urgent flag matters
 * whatever the episode's status, a paused patient's above all), the unread messages (a
 * discharged patient's question waits as much as anyone's) and a search for one patient (who
 * may be paused or discharged when they phone the clinic).
 */
export const anyStatus = (query: CaseloadQuery) => query.view !== "all" || query.q !== undefined;

/** Each view's order when the user has not chosen one: the attention view most severe first. */
export const VIEW_ORDER = {
  all: { sort: "name", dir: "asc" },
  attention: { sort: "flags", dir: "desc" },
  messages: { sort: "name", dir: "asc" },
} as const satisfies Record<CaseloadQuery["view"], Pick<CaseloadQuery, "sort" | "dir">>;

/** The URL search string of a view, leaving out what equals the default. */
export function caseloadSearch(query: CaseloadQuery, change: Partial<CaseloadQuery> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  // The schema's keys, not DEFAULT_QUERY's: optional filters (q, severity, …) are absent there.
  for (const key of Object.keys(ZCaseloadQuery.shape) as (keyof CaseloadQuery)[]) {
    const value = next[key];
    if (value !== undefined && value !== DEFAULT_QUERY[key]) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}
