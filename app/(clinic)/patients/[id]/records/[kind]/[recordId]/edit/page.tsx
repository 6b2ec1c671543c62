import { notFound } from "next/navigation";
import { AppShell } from "@/components/AppShell";
import { RecordFormFor } from "@/components/records/RecordFormFor";
import { findRecordForPage } from "@/lib/records/find-record-for-page.server";
import { recordInitialValues } from "@/lib/records/record-initial-values";
import { loadRecordPage } from "../../load-record-page";

const TITLE = { assessment: "editAssessment", outcome: "editOutcome", intervention: "editIntervention" } as const;

export default async function EditRecordPage({ params }: { params: Promise<{ id: string; kind: string; recordId: string }> }) {
  const { actor, messages, db, kind, patient } = await loadRecordPage(params);
  const { recordId } = await params;
  const record = await findRecordForPage(db, actor, kind, recordId);
  if (!patient.episodes.some((episode) => episode.id === record.episodeId)) notFound();
  const { values, lists } = recordInitialValues(kind, record, actor.locale);
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
