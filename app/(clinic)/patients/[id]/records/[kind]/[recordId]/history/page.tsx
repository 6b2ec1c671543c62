import Link from "next/link";
import { notFound } from "next/navigation";
import { AppShell } from "@/components/AppShell";
import { requireActor } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/app-db.server";
import { getMessages } from "@/lib/i18n";
import { formatDate } from "@/lib/i18n/format";
import { findPatientForPage } from "@/lib/patients/find-patient-for-page.server";
import { describeRecord } from "@/lib/records/describe-record";
import { findRevisionsForPage } from "@/lib/records/find-record-for-page.server";
import { isRecordFormKind } from "@/lib/records/record-forms";

export default async function RecordHistoryPage({ params }: { params: Promise<{ id: string; kind: string; recordId: string }> }) {
  const actor = await requireActor(["ADMIN", "CLINICIAN"]);
  const { id, kind, recordId } = await params;
  if (!isRecordFormKind(kind)) notFound();
  const messages = getMessages(actor.locale);
  const db = await getDb();
  const patient = await findPatientForPage(db, actor, id);
  const revisions = await findRevisionsForPage(db, actor, kind, recordId);
  const when = (date: Date) =>
    `${formatDate(date, actor.locale)} ${date.toLocaleTimeString(actor.locale === "da" ? "da-DK" : "en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Copenhagen" })}`;
  return (
    <AppShell actor={actor} messages={messages} current="/caseload">
      <p className="breadcrumb">
        <Link href={`/patients/${patient.id}`}>{messages.record.backToPatient}</Link>
      </p>
      <h1>{messages.record.historyTitle}</h1>
      {revisions.length === 0 ? (
        <p>{messages.record.noHistory}</p>
      ) : (
        <ol className="history">
          {revisions.map((revision) => {
            const snapshot = revision.snapshot as Record<string, unknown>;
            return (
              <li key={revision.id} className="panel">
                <p>
                  <strong>{formatDate(new Date(String(snapshot.date)), actor.locale)}</strong>: {describeRecord(kind, snapshot, messages, actor.locale)}
                </p>
                <p className="hint">
                  {messages.record.changedBy(revision.changedByName, when(revision.changedAt))}
                  {revision.reason && ` · ${messages.record.deletedBecause(revision.reason)}`}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </AppShell>
  );
}
