import { notFound } from "next/navigation";
import { AppShell } from "@/components/AppShell";
import { RecordFormFor } from "@/components/records/RecordFormFor";
import { requireActor } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/app-db.server";
import { getMessages } from "@/lib/i18n";
import { findPatientForPage } from "@/lib/patients/find-patient-for-page.server";
import { findRecordForPage } from "@/lib/records/find-record-for-page.server";
import { recordInitialValues } from "@/lib/records/record-initial-values";
import { isRecordFormKind } from "@/lib/records/record-forms";

const TITLE = { assessment: "editAssessment", outcome: "editOutcome", intervention: "editIntervention" } as const;

export default async function EditRecordPage({ params }: { params: Promise<{ id: string; kind: string; recordId: string }> }) {
  const actor = await requireActor(["ADMIN", "CLINICIAN"]);
  const { id, kind, recordId } = await params;
  if (!isRecordFormKind(kind)) notFound();
  const messages = getMessages(actor.locale);
  const db = await getDb();
  const patient = await findPatientForPage(db, actor, id);
  const record = await findRecordForPage(db, actor, kind, recordId);
  if (!patient.episodes.some((episode) => episode.id === record.episodeId)) notFound();
  const { values, lists } = recordInitialValues(kind, record);
  return (
    <AppShell actor={actor} messages={messages} current="/caseload">
      <p className="breadcrumb">{patient.name}</p>
      <h1>{messages.record[TITLE[kind]]}</h1>
      <RecordFormFor
        kind={kind}
        messages={messages}
        locale={actor.locale}
        patient={patient}
        target={{ episodeId: record.episodeId, recordId: record.id }}
        initial={values}
        initialLists={lists}
      />
    </AppShell>
  );
}
