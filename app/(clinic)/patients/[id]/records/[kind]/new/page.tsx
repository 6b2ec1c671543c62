import { redirect } from "next/navigation";
import { AppShell } from "@/components/AppShell";
import { RecordFormFor } from "@/components/records/RecordFormFor";
import { isoDate, today } from "@/lib/dates";
import { newRecordInitialValues } from "@/lib/records/record-initial-values";
import { loadRecordPage } from "../load-record-page";

const TITLE = { assessment: "newAssessment", outcome: "newOutcome", intervention: "newIntervention" } as const;

export default async function NewRecordPage({ params }: { params: Promise<{ id: string; kind: string }> }) {
  const { actor, messages, kind, patient } = await loadRecordPage(params);
  if (!patient.currentEpisodeId || patient.archivedAt) redirect(`/patients/${patient.id}`);
  return (
    <AppShell actor={actor} messages={messages} current="/caseload">
      <p className="breadcrumb">{patient.name}</p>
      <h1>{messages.record[TITLE[kind]]}</h1>
      <RecordFormFor
        kind={kind}
        messages={messages}
        locale={actor.locale}
        patient={patient}
        target={{ episodeId: patient.currentEpisodeId, recordId: null }}
        initial={newRecordInitialValues(kind, patient, isoDate(today()), actor.locale)}
      />
    </AppShell>
  );
}
