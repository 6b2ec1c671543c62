import { programWeek } from "../../clinical/programs/program-week";
import { RULE_CODES, type RuleCode } from "../../clinical/rules/case";
import { weeksInTreatment } from "../../clinical/treatment-time";
import type { Prisma } from "../../generated/prisma/client";
import type { EpisodeStatus, PainTrend, PlanStatus, ProgramKind, Side } from "../../generated/prisma/enums";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import { maskedCpr } from "../../platform/cpr/cpr";
import { ageOn } from "../../platform/dates";
import type { Db } from "../../platform/db/client";
import { unreadFromPatients } from "../messages/messages";
import { patientWhere } from "../patients/scope";
import { type CaseloadQuery, PAGE_SIZE } from "./caseload-query";
import { readCaseload } from "./caseload-sql";
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
  /** The plan's status and its reasons, once a program is running. */
  plan: { status: PlanStatus; reasons: string[] } | null;
  latestPain: number | null;
  latestPainDate: Date | null;
  painTrend: PainTrend | null;
  flags: { urgent: number; high: number; warning: number; info: number };
  /** The rules of the open flags, most severe first, then the longest open: why the row needs attention. */
  openRules: RuleCode[];
  /** The rank of the most severe open flag (lib/clinical/rules/severity.ts), 0 for none. */
  highestSeverity: number;
  /** The CPR number masked (DDMMYY-••••), or null for a patient without one. */
  maskedCpr: string | null;
  lastVisit: Date | null;
  dateOfBirth: Date;
  /** The patient's messages no one at the clinic has opened yet. */
  unreadMessages: number;
};

export type CaseloadPage = { rows: CaseloadRow[]; total: number; page: number; pageCount: number };

/**
 * One page of the caseload the actor may see, as the query asks. Read through `reader` (the
 * replica's client when the entry point chose it, lib/platform/db/app-db.server.ts); the audit
 * row is written through `db`.
 */
export async function listCaseload(
  db: Db,
  actor: Actor,
  query: CaseloadQuery,
  today: Date,
  reader: Db = db,
): Promise<CaseloadPage> {
  assertCan(actor, "clinic-patients");
  const { total, page, pageCount, ids } = await readCaseload(reader, actor, query, async (view) => {
    const total = await view.count();
    const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
    // A page past the end shows the last page rather than nothing.
    const page = Math.min(query.page, pageCount);
    return { total, page, pageCount, ids: await view.ids({ skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }) };
  });
  const rows = await rowsOf(reader, actor, ids, today);
  await recordAuditEvent(db, actor, { action: "READ", entity: "Caseload", entityId: actor.clinicId });
  return { rows, total, page, pageCount };
}

/** Every row of the view (no paging), for the CSV export, read through `reader`. Audited as an export. */
export async function exportCaseload(
  db: Db,
  actor: Actor,
  query: CaseloadQuery,
  today: Date,
  reader: Db = db,
): Promise<CaseloadRow[]> {
  assertCan(actor, "clinic-patients");
  const ids = await readCaseload(reader, actor, query, (view) => view.ids({ skip: 0, take: EXPORT_LIMIT }));
  const rows: CaseloadRow[] = [];
  // A query's parameters are limited (32,767 in PostgreSQL's protocol): the rows come in batches.
  for (let start = 0; start < ids.length; start += ROW_BATCH)
    rows.push(...(await rowsOf(reader, actor, ids.slice(start, start + ROW_BATCH), today)));
  await recordAuditEvent(db, actor, { action: "EXPORT", entity: "Caseload", entityId: actor.clinicId });
  return rows;
}

const ROW_BATCH = 5_000;

/** The rows of these patients, in the order of `ids`. */
async function rowsOf(db: Db, actor: Actor, ids: string[], today: Date): Promise<CaseloadRow[]> {
  const [patients, unread] = await Promise.all([
    db.patient.findMany({ where: { ...patientWhere(actor), id: { in: ids } }, select: ROW_SELECT }),
    unreadFromPatients(db, actor, ids),
  ]);
  const byId = new Map(patients.map((patient) => [patient.id, patient]));
  const unreadOf = new Map(unread.map((row) => [row.patientId, row.unread]));
  return ids.flatMap((id) => {
    const patient = byId.get(id);
    return patient ? [toRow(patient, today, unreadOf.get(id) ?? 0)] : [];
  });
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
      planStatus: true,
      planReasons: true,
      flags: {
        where: { status: "OPEN", code: { in: [...RULE_CODES] } },
        select: { code: true },
        // The enum's order is the severity's, most severe first.
        orderBy: [{ severity: "asc" }, { openedAt: "asc" }],
      },
    },
  },
} satisfies Prisma.PatientSelect;

type SelectedPatient = Prisma.PatientGetPayload<{ select: typeof ROW_SELECT }>;

function toRow(patient: SelectedPatient, today: Date, unreadMessages: number): CaseloadRow {
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
    plan: episode?.planStatus ? { status: episode.planStatus, reasons: episode.planReasons } : null,
    latestPain: latest,
    latestPainDate: episode?.latestPainDate ?? null,
    painTrend: episode?.painTrend ?? null,
    flags: {
      urgent: episode?.openUrgentFlags ?? 0,
      high: episode?.openHighFlags ?? 0,
      warning: episode?.openWarningFlags ?? 0,
      info: episode?.openInfoFlags ?? 0,
    },
    openRules: (episode?.flags ?? []).map((flag) => flag.code as RuleCode),
    highestSeverity: episode?.highestOpenSeverity ?? 0,
    lastVisit: episode?.lastVisit ?? null,
    dateOfBirth: patient.dateOfBirth,
    maskedCpr: patient.cprHash ? maskedCpr(patient.dateOfBirth) : null,
    unreadMessages,
  };
}
