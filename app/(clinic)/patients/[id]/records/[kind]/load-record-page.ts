import "server-only";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/app-db.server";
import { getMessages } from "@/lib/i18n";
import { findPatientForPage } from "@/lib/patients/find-patient-for-page.server";
import { isRecordFormKind } from "@/lib/records/record-forms";

/** What every record page needs: a clinician or admin, a known record kind, and the patient. */
export async function loadRecordPage(params: Promise<{ id: string; kind: string }>) {
  const actor = await requireActor(["ADMIN", "CLINICIAN"]);
  const { id, kind } = await params;
  if (!isRecordFormKind(kind)) notFound();
  const db = await getDb();
  const patient = await findPatientForPage(db, actor, id);
  return { actor, messages: getMessages(actor.locale), db, kind, patient };
}
