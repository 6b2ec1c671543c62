import { notFound, redirect } from "next/navigation";
import { AppShell } from "@/components/AppShell";
import { RecordFormFor } from "@/components/records/RecordFormFor";
import { requireActor } from "@/lib/auth/session.server";
import { today } from "@/lib/dates";
import { getDb } from "@/lib/db/app-db.server";
import { getMessages } from "@/lib/i18n";
import { findPatientForPage } from "@/lib/patients/find-patient-for-page.server";
import { isRecordFormKind } from "@/lib/records/record-forms";

const TITLE = { assessment: "newAssessment", outcome: "newOutcome", intervention: "newIntervention" } as const;

export default async function NewRecordPage({ params }: { params: Promise<{ id: string; kind: string }> }) {
  const actor = await requireActor(["ADMIN", "CLINICIAN"]);
  const { id, kind } = await params;
  if (!isRecordFormKind(kind)) notFound();
  const messages = getMessages(actor.locale);
  const patient = await findPatientForPage(await getDb(), actor, id);
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
        initial={{ date: today().toISOString().slice(0, 10) }}
      />
    </AppShell>
  );
}
