// The caseload's view as one SQL query over the patient and their current episode. Prisma's
// own query for the same view joined the current episode twice when it sorted by an episode's
// column, the second time without the clinic, and let PostgreSQL scan every clinic's patients:
// one clinic's whole-clinic views grew two to five times slower in a database of ten clinics
// (decision record 018). Here both tables are named by the clinic, once, and the count, the
// page and the export share the same filter (a page in name order reaches the episode by the
// patient's pointer alone, see readCaseload).
import { SEVERITIES, severityRank, toFlagSeverity } from "../../clinical/rules/severity";
import { Prisma } from "../../generated/prisma/client";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import { birthDatesOf, looksLikeCpr, parseCpr } from "../../platform/cpr/cpr";
import { currentDataKey } from "../../platform/cpr/current-data-key";
import type { Db } from "../../platform/db/client";
import { readOneClinic } from "../../platform/db/one-clinic-read";
import { anyStatus, type CaseloadQuery } from "./caseload-query";

export type CaseloadReader = {
  /** How many patients the view holds. */
  count(): Promise<number>;
  /** The ids of a slice of them, in the view's order. */
  ids(slice: { skip: number; take: number }): Promise<string[]>;
};

/** Runs `read` with the view's queries in one transaction (lib/platform/db/one-clinic-read.ts). */
export function readCaseload<T>(
  db: Db,
  actor: Actor,
  query: CaseloadQuery,
  read: (reader: CaseloadReader) => Promise<T>,
): Promise<T> {
  // A clinic's patients, never a patient's own: the filter below reads the clinic alone.
  assertCan(actor, "clinic-patients");
  const from = fromWhere(actor, query, { episodeByClinic: true });
  // In name order PostgreSQL can walk the clinic's name index and stop at the page, looking up
  // each patient's episode by the patient's own pointer. Told the episode's clinic as well, it
  // counts the clinic twice (once per table), expects a tenth of the rows and sorts the whole
  // clinic instead: page 50 of ten clinics took 48 ms against 24 ms on one (decision record 018).
  // The patients are the clinic's either way; their current episodes are their own.
  const slice = query.sort === "name" ? fromWhere(actor, query, { episodeByClinic: false }) : from;
  return readOneClinic(db, (tx) =>
    read({
      async count() {
        const [row] = await tx.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total ${from}`;
        return row?.total ?? 0;
      },
      async ids({ skip, take }) {
        const rows = await tx.$queryRaw<
          { id: string }[]
        >`SELECT p.id ${slice} ORDER BY ${orderBy(query)} LIMIT ${take} OFFSET ${skip}`;
        return rows.map((row) => row.id);
      },
    }),
  );
}

function fromWhere(actor: Actor, query: CaseloadQuery, { episodeByClinic }: { episodeByClinic: boolean }): Prisma.Sql {
  const clinic = actor.clinicId;
  // An admin always sees the clinic; a clinician chooses between their own and the clinic's.
  const mineOnly = actor.role === "CLINICIAN" && query.scope === "mine";
  const clinician = mineOnly ? actor.userId : query.clinician;
  // Archived patients are found whatever their episode's status, and so is whoever needs
  // attention or is searched for (anyStatus).
  const archived = query.archived === "yes";
  const status = archived || anyStatus(query) ? "any" : query.status;
  const conditions = [
    Prisma.sql`p."clinicId" = ${clinic}::uuid`,
    archived ? Prisma.sql`p."archivedAt" IS NOT NULL` : Prisma.sql`p."archivedAt" IS NULL`,
    clinician ? Prisma.sql`p."clinicianId" = ${clinician}::uuid` : null,
    query.q ? textSearch(query.q) : null,
    status !== "any" ? Prisma.sql`e.status = ${status}::"EpisodeStatus"` : null,
    query.severity ? Prisma.sql`e."highestOpenSeverity" >= ${severityRank(query.severity)}` : null,
    query.program === "NONE" ? Prisma.sql`e.id IS NOT NULL AND e."programKind" IS NULL` : null,
    query.program && query.program !== "NONE" ? Prisma.sql`e."programKind" = ${query.program}::"ProgramKind"` : null,
    query.plan ? Prisma.sql`e."planStatus" = ${query.plan}::"PlanStatus"` : null,
    // The rules decide what needs attention: an open flag of high severity or worse, or an open
    // FOLLOW_UP_OVERDUE flag (with the clinic's own follow-up threshold).
    query.view === "attention"
      ? Prisma.sql`(e."highestOpenSeverity" >= ${severityRank("high")} OR e."followUpOverdue")`
      : null,
    query.view === "messages"
      ? Prisma.sql`EXISTS (SELECT 1 FROM "Message" m WHERE m."clinicId" = ${clinic}::uuid
          AND m."patientId" = p.id AND m."fromPatient" AND m."readAt" IS NULL)`
      : null,
  ].filter((condition) => condition !== null);
  // The current episode is in the patient's clinic; saying so lets PostgreSQL reach it through
  // the clinic's index rather than every clinic's episodes.
  const episodeClinic = episodeByClinic ? Prisma.sql`AND e."clinicId" = ${clinic}::uuid` : Prisma.empty;
  return Prisma.sql`
    FROM "Patient" p
    LEFT JOIN "Episode" e ON e.id = p."currentEpisodeId" ${episodeClinic}
    WHERE ${Prisma.join(conditions, " AND ")}`;
}

/**
 * A CPR number finds its patient exactly, through the keyed hash; a birth date (DDMMYY, the
 * CPR number's first half, or DD-MM-YYYY) finds the patients born that day; any other text
 * searches names.
 */
function textSearch(q: string): Prisma.Sql {
  const cpr = looksLikeCpr(q) ? parseCpr(q) : null;
  if (cpr?.ok) return Prisma.sql`p."cprHash" = ${currentDataKey().searchHash(cpr.digits)}`;
  const born = birthDatesOf(q);
  if (born.length > 0) return Prisma.sql`p."dateOfBirth" = ANY(${born}::date[])`;
  // The text is matched as written: % and _ are letters here, not wildcards.
  return Prisma.sql`p.name ILIKE ${`%${q.replace(/[\\%_]/g, "\\$&")}%`}`;
}

/** When the episode's longest-open flag of its highest open severity was opened. */
const OLDEST_AT_HIGHEST = Prisma.sql`(SELECT min(f."openedAt") FROM "Flag" f
  WHERE f."episodeId" = e.id AND f.status = 'OPEN'
    AND f.severity = (CASE e."highestOpenSeverity" ${Prisma.join(
      SEVERITIES.map((s) => Prisma.sql`WHEN ${severityRank(s)} THEN ${toFlagSeverity(s)}`),
      " ",
    )} END)::"FlagSeverity")`;

function orderBy(query: CaseloadQuery): Prisma.Sql {
  const dir = query.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  // "Older" sorts ascending by age, i.e. descending by birth date; likewise for weeks.
  const reverse = query.dir === "asc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const byColumn: Record<CaseloadQuery["sort"], Prisma.Sql[]> = {
    name: [Prisma.sql`p.name ${dir}`],
    age: [Prisma.sql`p."dateOfBirth" ${reverse}`],
    weeks: [Prisma.sql`e."treatmentStart" ${reverse}`],
    // The phase, then how far into the program (an earlier start is further along).
    phase: [Prisma.sql`e."programPhase" ${dir} NULLS LAST`, Prisma.sql`e."programStart" ${reverse} NULLS LAST`],
    pain: [Prisma.sql`e."latestPain" ${dir} NULLS LAST`],
    flags: [
      Prisma.sql`e."highestOpenSeverity" ${dir}`,
      // In the attention view, who has waited longest at that severity comes first (a small set:
      // the clinic's whole caseload sorted by flags keeps to the stored columns).
      ...(query.view === "attention" ? [Prisma.sql`${OLDEST_AT_HIGHEST} ${reverse} NULLS LAST`] : []),
      Prisma.sql`e."openUrgentFlags" ${dir}`,
      Prisma.sql`e."openHighFlags" ${dir}`,
    ],
    lastVisit: [Prisma.sql`e."lastVisit" ${dir} NULLS LAST`],
  };
  // Name and id break ties, so paging is stable.
  return Prisma.join([...byColumn[query.sort], Prisma.sql`p.name ASC`, Prisma.sql`p.id ASC`], ", ");
}
