// The summary the caseload reads, kept on each episode's row (decision record 003) in the
// transaction of every write that changes it, so the caseload never scans raw measurements.
// Two parts: what the stored rows give (open flags per severity, the last visit), and what the
// episode's derived clinical state gives (latest and baseline pain as day values, the trend,
// the program and its phase, the plan's status). Both write only the rows whose values moved:
// the daily sweep refreshes every episode, and rewriting unchanged rows wrote the whole table.
import { isoDay } from "../clinical/calendar";
import { type EpisodeState, mainProgram } from "../clinical/episode-state";
import { Prisma } from "../generated/prisma/client";
import { SEVERITIES, severityRank, toFlagSeverity } from "../rules/severity";

// Open flags per severity, and the worst one's rank, from the one severity order.
const OPEN_FLAG_COUNTS = Prisma.raw(
  SEVERITIES.map((s) => `count(*) FILTER (WHERE f.severity = '${toFlagSeverity(s)}')::int AS ${s}`).join(
    ",\n             ",
  ),
);
const HIGHEST_OPEN = Prisma.raw(
  `CASE ${SEVERITIES.map((s) => `WHEN flags.${s} > 0 THEN ${severityRank(s)}`).join(" ")} ELSE 0 END`,
);

/** Open flags per severity, the open FOLLOW_UP_OVERDUE and the last visit, from the stored rows, in one statement. */
export async function refreshFlagSummaries(db: Prisma.TransactionClient, episodeIds: string[]) {
  if (episodeIds.length === 0) return;
  await db.$executeRaw`
    UPDATE "Episode" AS e SET
      "openUrgentFlags"     = flags.urgent,
      "openHighFlags"       = flags.high,
      "openWarningFlags"    = flags.warning,
      "openInfoFlags"       = flags.info,
      "highestOpenSeverity" = ${HIGHEST_OPEN},
      "followUpOverdue"     = flags.follow_up,
      "lastVisit"           = visit.date
    FROM "Episode" AS source
    LEFT JOIN LATERAL (
      SELECT ${OPEN_FLAG_COUNTS},
             coalesce(bool_or(f.code = 'FOLLOW_UP_OVERDUE'), false) AS follow_up
      FROM "Flag" f WHERE f."episodeId" = source.id AND f.status = 'OPEN'
    ) AS flags ON true
    LEFT JOIN LATERAL (
      SELECT max(a.date) AS date FROM "Assessment" a
      WHERE a."episodeId" = source.id AND a."deletedAt" IS NULL
    ) AS visit ON true
    WHERE e.id = source.id AND source.id = ANY(${episodeIds}::uuid[])
      AND (e."openUrgentFlags", e."openHighFlags", e."openWarningFlags", e."openInfoFlags",
           e."highestOpenSeverity", e."followUpOverdue", e."lastVisit")
        IS DISTINCT FROM
          (flags.urgent, flags.high, flags.warning, flags.info, ${HIGHEST_OPEN}, flags.follow_up, visit.date)`;
}

/** The summary's clinical columns of one episode, from its derived state. */
export function derivedSummary(state: EpisodeState) {
  const firstStep = state.judged.find((j) => j.instrument === "NRS_FIRST_STEP");
  const main = mainProgram(state.programs);
  // A plan has a status once a program is running; before that there is nothing to hold.
  const running = state.programs.some((p) => p.prescription !== null);
  return {
    baselinePain: firstStep?.baseline ?? null,
    baselinePainDate: firstStep ? isoDay(firstStep.baselineDay) : null,
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

/** Writes the derived columns of these episodes in one statement, touching only the rows that moved. */
export async function storeDerivedSummaries(db: Prisma.TransactionClient, states: ReadonlyMap<string, EpisodeState>) {
  if (states.size === 0) return;
  const ids = [...states.keys()];
  const rows = [...states.values()].map(derivedSummary);
  const column = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
  await db.$executeRaw`
    UPDATE "Episode" AS e SET
      "baselinePain"     = v.baseline_pain,
      "baselinePainDate" = v.baseline_date,
      "latestPain"       = v.latest_pain,
      "latestPainDate"   = v.latest_date,
      "painTrend"        = v.trend::"PainTrend",
      "programKind"      = v.program_kind::"ProgramKind",
      "programStart"     = v.program_start,
      "programPhase"     = v.program_phase,
      "programCompleted" = v.program_completed,
      "planStatus"       = v.plan_status::"PlanStatus",
      "planReasons"      = ARRAY(SELECT jsonb_array_elements_text(v.plan_reasons::jsonb))
    FROM unnest(
      ${ids}::uuid[],
      ${column((r) => r.baselinePain)}::numeric[],
      ${column((r) => r.baselinePainDate)}::date[],
      ${column((r) => r.latestPain)}::numeric[],
      ${column((r) => r.latestPainDate)}::date[],
      ${column((r) => r.painTrend)}::text[],
      ${column((r) => r.programKind)}::text[],
      ${column((r) => r.programStart)}::date[],
      ${column((r) => r.programPhase)}::int[],
      ${column((r) => r.programCompleted)}::boolean[],
      ${column((r) => r.planStatus)}::text[],
      ${column((r) => JSON.stringify(r.planReasons))}::text[]
    ) AS v(id, baseline_pain, baseline_date, latest_pain, latest_date, trend, program_kind, program_start, program_phase, program_completed, plan_status, plan_reasons)
    WHERE e.id = v.id
      AND (e."baselinePain", e."baselinePainDate", e."latestPain", e."latestPainDate", e."painTrend"::text, e."programKind"::text,
           e."programStart", e."programPhase", e."programCompleted", e."planStatus"::text, e."planReasons")
        IS DISTINCT FROM
          (v.baseline_pain, v.baseline_date, v.latest_pain, v.latest_date, v.trend, v.program_kind,
           v.program_start, v.program_phase, v.program_completed, v.plan_status, ARRAY(SELECT jsonb_array_elements_text(v.plan_reasons::jsonb)))`;
}
