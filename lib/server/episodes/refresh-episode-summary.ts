// The summary the caseload reads, kept on each episode's row (decision records 003 and 023) in the
// transaction of every write that changes it, so the caseload never scans raw measurements.
// Two parts: what the stored rows give (open flags per severity, the last visit), and what the
// episode's derived clinical state gives (latest pain as a day value, the trend,
// the program and its phase, the plan's status). Both write only the rows whose values moved:
// the daily sweep refreshes every episode, and rewriting unchanged rows wrote the whole table.
import { isoDay } from "../../clinical/calendar";
import { type EpisodeState, mainProgram } from "../../clinical/episode-state";
import { SEVERITIES, severityRank, toFlagSeverity } from "../../clinical/rules/severity";
import { Prisma } from "../../generated/prisma/client";

// Open flags per severity, and the worst one's rank, from the one severity order.
const OPEN_FLAG_COUNTS = SEVERITIES.map(
  (s) => `count(*) FILTER (WHERE f.severity = '${toFlagSeverity(s)}')::int AS ${s}`,
).join(", ");
const HIGHEST_OPEN = `CASE ${SEVERITIES.map((s) => `WHEN flags.${s} > 0 THEN ${severityRank(s)}`).join(" ")} ELSE 0 END`;

/** The summary's columns that the stored rows give, each with its value from STORED_ROWS. */
const FROM_STORED_ROWS: Column[] = [
  ["openUrgentFlags", "flags.urgent"],
  ["openHighFlags", "flags.high"],
  ["openWarningFlags", "flags.warning"],
  ["openInfoFlags", "flags.info"],
  ["highestOpenSeverity", HIGHEST_OPEN],
  ["followUpOverdue", "flags.follow_up"],
  ["lastVisit", "visit.date"],
];

/** Open flags per severity, the open FOLLOW_UP_OVERDUE and the last visit of the episode `episode.id`. */
const storedRows = (episode: string) =>
  Prisma.raw(`
    LEFT JOIN LATERAL (
      SELECT ${OPEN_FLAG_COUNTS},
             coalesce(bool_or(f.code = 'FOLLOW_UP_OVERDUE'), false) AS follow_up
      FROM "Flag" f WHERE f."episodeId" = ${episode}.id AND f.status = 'OPEN'
    ) AS flags ON true
    LEFT JOIN LATERAL (
      SELECT max(a.date) AS date FROM "Assessment" a
      WHERE a."episodeId" = ${episode}.id AND a."deletedAt" IS NULL
    ) AS visit ON true`);

/** [column, new value, the stored value as compared]: a statement writes only the rows where one differs. */
type Column = [name: string, value: string, stored?: string];
const sets = (columns: Column[]) =>
  Prisma.raw(columns.map(([name, value]) => `"${name}" = ${value}`).join(",\n      "));
const changed = (columns: Column[]) =>
  Prisma.raw(
    `(${columns.map(([name, , stored]) => stored ?? `e."${name}"`).join(", ")})
        IS DISTINCT FROM (${columns.map(([, value]) => value).join(", ")})`,
  );

/** The stored-row part of the summary of these episodes (after a flag changed outside the write funnel), in one statement. */
export async function refreshFlagSummaries(db: Prisma.TransactionClient, episodeIds: string[]) {
  if (episodeIds.length === 0) return;
  await db.$executeRaw`
    UPDATE "Episode" AS e SET ${sets(FROM_STORED_ROWS)}
    FROM "Episode" AS source ${storedRows("source")}
    WHERE e.id = source.id AND source.id = ANY(${episodeIds}::uuid[]) AND ${changed(FROM_STORED_ROWS)}`;
}

/** The summary's clinical columns of one episode, from its derived state. */
export function derivedSummary(state: EpisodeState) {
  const firstStep = state.judged.find((j) => j.instrument === "NRS_FIRST_STEP");
  const main = mainProgram(state.programs);
  // A plan has a status once a program is running; before that there is nothing to hold.
  const running = state.programs.some((p) => p.prescription !== null);
  return {
    latestPain: firstStep?.latest ?? null,
    latestPainDate: firstStep ? isoDay(firstStep.latestDay) : null,
    painTrend: state.painTrend,
    programKind: main?.program.kind ?? null,
    programStart: main?.program.start ?? null,
    programPhase: main?.prescription?.phase ?? null,
    programCompleted: main?.prescription?.completed ?? false,
    planStatus: running ? state.plan.status : null,
    planReasons: running ? state.plan.reasons : [],
  };
}

/** The summary's columns that the derived state gives, each with its value from the derived rows (v). */
const FROM_DERIVED_STATE: Column[] = [
  ["latestPain", "v.latest_pain"],
  ["latestPainDate", "v.latest_date"],
  ["painTrend", `v.trend::"PainTrend"`, `e."painTrend"::text`],
  ["programKind", `v.program_kind::"ProgramKind"`, `e."programKind"::text`],
  ["programStart", "v.program_start"],
  ["programPhase", "v.program_phase"],
  ["programCompleted", "v.program_completed"],
  ["planStatus", `v.plan_status::"PlanStatus"`, `e."planStatus"::text`],
  ["planReasons", "ARRAY(SELECT jsonb_array_elements_text(v.plan_reasons::jsonb))"],
];
// Compared as text where the new value is cast from text: an enum compares with text only as text.
const compared = FROM_DERIVED_STATE.map(([name, value, stored]): Column => [
  name,
  stored ? value.replace(/::"\w+"$/, "") : value,
  stored,
]);

/**
 * Writes the whole summary of these episodes in one statement: the derived columns from their
 * states, the rest from the stored rows (the flags as the sync just left them). Touches only
 * the rows that moved.
 */
export async function storeSummaries(db: Prisma.TransactionClient, states: ReadonlyMap<string, EpisodeState>) {
  if (states.size === 0) return;
  const ids = [...states.keys()];
  const rows = [...states.values()].map(derivedSummary);
  const column = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
  await db.$executeRaw`
    UPDATE "Episode" AS e SET ${sets(FROM_DERIVED_STATE)}, ${sets(FROM_STORED_ROWS)}
    FROM unnest(
      ${ids}::uuid[],
      ${column((r) => r.latestPain)}::numeric[],
      ${column((r) => r.latestPainDate)}::date[],
      ${column((r) => r.painTrend)}::text[],
      ${column((r) => r.programKind)}::text[],
      ${column((r) => r.programStart)}::date[],
      ${column((r) => r.programPhase)}::int[],
      ${column((r) => r.programCompleted)}::boolean[],
      ${column((r) => r.planStatus)}::text[],
      ${column((r) => JSON.stringify(r.planReasons))}::text[]
    ) AS v(id, latest_pain, latest_date, trend, program_kind, program_start, program_phase, program_completed, plan_status, plan_reasons)
    ${storedRows("v")}
    WHERE e.id = v.id AND ${changed([...compared, ...FROM_STORED_ROWS])}`;
}
