import "server-only";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { orNotFound } from "../not-found-for-page.server";
import { getClinicalRecord, listRevisions } from "./clinical-records";
import { RECORD_FORM_KINDS, type RecordFormKind } from "./record-forms";

/** A live record for a page, or the 404 page. */
export function findRecordForPage(db: Db, actor: Actor, kind: RecordFormKind, recordId: string) {
  return orNotFound(recordId, () => getClinicalRecord(db, actor, RECORD_FORM_KINDS[kind], recordId));
}

/** A record's earlier versions for a page, or the 404 page. */
export function findRevisionsForPage(db: Db, actor: Actor, kind: RecordFormKind, recordId: string) {
  return orNotFound(recordId, () => listRevisions(db, actor, RECORD_FORM_KINDS[kind], recordId));
}
