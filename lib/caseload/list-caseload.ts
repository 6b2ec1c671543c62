import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { weeksInTreatment } from "../clinical/treatment-time";
import { ageOn } from "../dates";
import { looksLikeCpr, maskedCpr, parseCpr } from "../identity/cpr";
import { currentDataKey } from "../identity/current-data-key";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import type { EpisodeStatus, PainTrend, ProgramKind, Side } from "../generated/prisma/enums";
import { patientWhere } from "../patients/scope";
import { programWeek } from "../programs/program-week";
import { severityRank } from "../rules/severity";
import { PAGE_SIZE, type CaseloadQuery } from "./caseload-query";
/** The export holds the whole view, up to this many rows. */
export const EXPORT_LIMIT = 50_000;

export type CaseloadRow = {
  patientId: string;
  name: string;
  age: number;
  side: Side;
  clinicianName: string;
  status: EpisodeStatus | null;
  weeksInTreatment: number | null;
  program: { kind: ProgramKind; week: number; phase: number; completed: boolean } | null;
  latestPain: number | null;
  latestPainDate: Date | null;
  painTrend: PainTrend | null;
  flags: { urgent: number; high: number; warning: number; info: number };
  /** The rank of the most severe open flag (lib/rules/severity.ts), 0 for none. */
  highestSeverity: number;
  /** The CPR number masked (DDMMYY-••••), or null for a patient without one. */
  maskedCpr: string | null;
  lastVisit: Date | null;
  dateOfBirth: Date;
};

export type CaseloadPage = { rows: CaseloadRow[]; total: number; page: number; pageCount: number };

/** One page of the caseload the actor may see, as the query asks. */
export async function listCaseload(db: Db, actor: Actor, query: CaseloadQuery, today: Date): Promise<CaseloadPage> {
  assertCan(actor, "clinic-patients");
  const where = caseloadWhere(actor, query);
  const total = await db.patient.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  // A page past the end shows the last page rather than nothing.
  const page = Math.min(query.page, pageCount);
  const patients = await db.patient.findMany({
    where,
    orderBy: caseloadOrder(query),
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: ROW_SELECT,
  });
  await recordAuditEvent(db, actor, { action: "READ", entity: "Caseload", entityId: actor.clinicId });
  return { rows: patients.map((patient) => toRow(patient, today)), total, page, pageCount };
}

/** Every row of the view (no paging), for the CSV export. Audited as an export. */
export async function exportCaseload(db: Db, actor: Actor, query: CaseloadQuery, today: Date): Promise<CaseloadRow[]> {
  assertCan(actor, "clinic-patients");
  const patients = await db.patient.findMany({
    where: caseloadWhere(actor, query),
    orderBy: caseloadOrder(query),
    take: EXPORT_LIMIT,
    select: ROW_SELECT,
  });
  await recordAuditEvent(db, actor, { action: "EXPORT", entity: "Caseload", entityId: actor.clinicId });
  return patients.map((patient) => toRow(patient, today));
}

export function caseloadWhere(actor: Actor, query: CaseloadQuery): Prisma.PatientWhereInput {
  // An admin always sees the clinic; a clinician chooses between their own and the clinic's.
  const mineOnly = actor.role === "CLINICIAN" && query.scope === "mine";
  // Archived patients are found whatever their episode's status.
  const archived = query.archived === "yes";
  const status = archived ? "any" : query.status;
  const episode: Prisma.EpisodeWhereInput = {
    ...(status !== "any" ? { status } : {}),
    ...(query.severity ? { highestOpenSeverity: { gte: severityRank(query.severity) } } : {}),
    ...(query.program && query.program !== "NONE" ? { programKind: query.program } : {}),
    ...(query.program === "NONE" ? { programKind: null } : {}),
  };
  // The rules decide what needs attention: an open flag of high severity or worse, or an open
  // FOLLOW_UP_OVERDUE flag (with the clinic's own follow-up threshold).
  const attention: Prisma.PatientWhereInput = {
    OR: [{ currentEpisode: { highestOpenSeverity: { gte: severityRank("high") } } }, { currentEpisode: { followUpOverdue: true } }],
  };
  return {
    ...patientWhere(actor),
    archivedAt: archived ? { not: null } : null,
    ...(mineOnly ? { clinicianId: actor.userId } : query.clinician ? { clinicianId: query.clinician } : {}),
    ...(query.q ? textSearch(query.q) : {}),
    // The current episode is in the patient's clinic; saying so lets PostgreSQL reach it through
    // the clinic's index rather than every clinic's episodes (decision record 018).
    ...(Object.keys(episode).length > 0 || status !== "any" ? { currentEpisode: { clinicId: actor.clinicId, ...episode } } : {}),
    ...(query.view === "attention" ? { AND: [attention] } : {}),
  };
}

/** A CPR number finds its patient exactly, through the keyed hash; any other text searches names. */
function textSearch(q: string): Prisma.PatientWhereInput {
  const cpr = looksLikeCpr(q) ? parseCpr(q) : null;
  if (cpr?.ok) return { cprHash: currentDataKey().searchHash(cpr.digits) };
  return { name: { contains: q, mode: "insensitive" } };
}

function caseloadOrder(query: CaseloadQuery): Prisma.PatientOrderByWithRelationInput[] {
  const dir = query.dir;
  // "Older" sorts ascending by age, i.e. descending by birth date; likewise for weeks.
  const reverse = dir === "asc" ? "desc" : "asc";
  const byColumn: Record<CaseloadQuery["sort"], Prisma.PatientOrderByWithRelationInput[]> = {
    name: [{ name: dir }],
    age: [{ dateOfBirth: reverse }],
    weeks: [{ currentEpisode: { treatmentStart: reverse } }],
    // The phase, then how far into the program (an earlier start is further along).
    phase: [{ currentEpisode: { programPhase: { sort: dir, nulls: "last" } } }, { currentEpisode: { programStart: { sort: reverse, nulls: "last" } } }],
    pain: [{ currentEpisode: { latestPain: { sort: dir, nulls: "last" } } }],
    flags: [
      { currentEpisode: { highestOpenSeverity: dir } },
      { currentEpisode: { openUrgentFlags: dir } },
      { currentEpisode: { openHighFlags: dir } },
    ],
    lastVisit: [{ currentEpisode: { lastVisit: { sort: dir, nulls: "last" } } }],
  };
  // Name and id break ties, so paging is stable.
  return [...byColumn[query.sort], { name: "asc" }, { id: "asc" }];
}

const ROW_SELECT = {
  id: true,
  name: true,
  dateOfBirth: true,
  cprHash: true,
  affectedSide: true,
  clinician: { select: { name: true } },
  currentEpisode: {
    select: {
      status: true,
      treatmentStart: true,
      latestPain: true,
      painTrend: true,
      latestPainDate: true,
      openUrgentFlags: true,
      openHighFlags: true,
      openWarningFlags: true,
      openInfoFlags: true,
      highestOpenSeverity: true,
      lastVisit: true,
      programKind: true,
      programStart: true,
      programPhase: true,
      programCompleted: true,
    },
  },
} satisfies Prisma.PatientSelect;

type SelectedPatient = Prisma.PatientGetPayload<{ select: typeof ROW_SELECT }>;

function toRow(patient: SelectedPatient, today: Date): CaseloadRow {
  const episode = patient.currentEpisode;
  const latest = episode?.latestPain == null ? null : Number(episode.latestPain);
  const week = episode?.programStart ? programWeek(episode.programStart, today) : null;
  return {
    patientId: patient.id,
    name: patient.name,
    age: ageOn(patient.dateOfBirth, today),
    side: patient.affectedSide,
    clinicianName: patient.clinician.name,
    status: episode?.status ?? null,
    weeksInTreatment: episode ? weeksInTreatment(episode.treatmentStart, today) : null,
    program:
      episode?.programKind && week !== null && episode.programPhase !== null
        ? { kind: episode.programKind, week, phase: episode.programPhase, completed: episode.programCompleted }
        : null,
    latestPain: latest,
    latestPainDate: episode?.latestPainDate ?? null,
    painTrend: episode?.painTrend ?? null,
    flags: {
      urgent: episode?.openUrgentFlags ?? 0,
      high: episode?.openHighFlags ?? 0,
      warning: episode?.openWarningFlags ?? 0,
      info: episode?.openInfoFlags ?? 0,
    },
    highestSeverity: episode?.highestOpenSeverity ?? 0,
    lastVisit: episode?.lastVisit ?? null,
    dateOfBirth: patient.dateOfBirth,
    maskedCpr: patient.cprHash ? maskedCpr(patient.dateOfBirth) : null,
  };
}
