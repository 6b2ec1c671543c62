import { today } from "../dates";
import { Prisma } from "../generated/prisma/client";
import { refreshProgramPhases } from "../programs/refresh-program-phases";
import { SEVERITIES, severityRank, toFlagSeverity } from "../rules/severity";

// Open flags per severity, and the worst one's rank, from the one severity order.
const OPEN_FLAG_COUNTS = Prisma.raw(
  SEVERITIES.map((s) => `count(*) FILTER (WHERE f.severity = '${toFlagSeverity(s)}')::int AS ${s}`).join(",\n             "),
);
const HIGHEST_OPEN = Prisma.raw(`CASE ${SEVERITIES.map((s) => `WHEN flags.${s} > 0 THEN ${severityRank(s)}`).join(" ")} ELSE 0 END`);

/**
 * Recomputes the caseload summary of the given episodes from their raw rows, in one
 * statement. Called inside the transaction of every write that changes an episode's data
 * (see with-episode-write.ts); the demo seed and the benchmark seed call it for many episodes
 * at once, so there is one definition of the summary. The program phase comes from the
 * progression engine (TypeScript) after the statement; it also moves with the date, so the
 * daily sweep refreshes every summary. Both write only the rows whose values changed.
 */
export async function refreshEpisodeSummaries(db: Prisma.TransactionClient, episodeIds: string[]) {
  if (episodeIds.length === 0) return;
  await db.$executeRaw`
    UPDATE "Episode" AS e SET
      "baselinePain"        = baseline.value,
      "baselinePainDate"    = baseline.date,
      "latestPain"          = latest.value,
      "latestPainDate"      = latest.date,
      "openUrgentFlags"     = flags.urgent,
      "openHighFlags"       = flags.high,
      "openWarningFlags"    = flags.warning,
      "openInfoFlags"       = flags.info,
      "highestOpenSeverity" = ${HIGHEST_OPEN},
      "followUpOverdue"     = flags.follow_up,
      "lastVisit"           = visit.date,
      "programKind"         = program.kind,
      "programStart"        = program.start
    FROM "Episode" AS source
    LEFT JOIN LATERAL (
      SELECT o.value, o.date FROM "OutcomeMeasurement" o
      WHERE o."episodeId" = source.id AND o.instrument = 'NRS_FIRST_STEP' AND o."deletedAt" IS NULL
      ORDER BY o.date ASC, o."createdAt" ASC LIMIT 1
    ) AS baseline ON true
    LEFT JOIN LATERAL (
      SELECT o.value, o.date FROM "OutcomeMeasurement" o
      WHERE o."episodeId" = source.id AND o.instrument = 'NRS_FIRST_STEP' AND o."deletedAt" IS NULL
      ORDER BY o.date DESC, o."createdAt" DESC LIMIT 1
    ) AS latest ON true
    LEFT JOIN LATERAL (
      SELECT ${OPEN_FLAG_COUNTS},
             coalesce(bool_or(f.code = 'FOLLOW_UP_OVERDUE'), false) AS follow_up
      FROM "Flag" f WHERE f."episodeId" = source.id AND f.status = 'OPEN'
    ) AS flags ON true
    LEFT JOIN LATERAL (
      SELECT max(a.date) AS date FROM "Assessment" a
      WHERE a."episodeId" = source.id AND a."deletedAt" IS NULL
    ) AS visit ON true
    LEFT JOIN LATERAL (
      SELECT p.kind, p."startDate" AS start FROM "ProgramAssignment" p
      WHERE p."episodeId" = source.id AND p.status = 'ACTIVE'
      ORDER BY (p.kind = 'HSR') DESC, p."startDate" DESC LIMIT 1
    ) AS program ON true
    WHERE e.id = source.id AND source.id = ANY(${episodeIds}::uuid[])
      -- Only rows whose summary moved: the daily sweep refreshes every episode, and rewriting
      -- unchanged rows made a sweep with nothing to change write the whole table.
      AND (e."baselinePain", e."baselinePainDate", e."latestPain", e."latestPainDate",
           e."openUrgentFlags", e."openHighFlags", e."openWarningFlags", e."openInfoFlags",
           e."highestOpenSeverity", e."followUpOverdue", e."lastVisit", e."programKind", e."programStart")
        IS DISTINCT FROM
          (baseline.value, baseline.date, latest.value, latest.date,
           flags.urgent, flags.high, flags.warning, flags.info,
           ${HIGHEST_OPEN}, flags.follow_up, visit.date, program.kind, program.start)`;
  await refreshProgramPhases(db, episodeIds, today());
}
