import Link from "next/link";
import { AppShell } from "@/components/AppShell";
import { formatDate, formatMoment } from "@/lib/i18n/format";
import { describeRecord } from "@/lib/records/describe-record";
import { findRevisionsForPage } from "@/lib/records/find-record-for-page.server";
import { loadRecordPage } from "../../load-record-page";

export default async function RecordHistoryPage({ params }: { params: Promise<{ id: string; kind: string; recordId: string }> }) {
  const { actor, messages, db, kind, patient } = await loadRecordPage(params);
  const { recordId } = await params;
  const revisions = await findRevisionsForPage(db, actor, kind, recordId);
  const when = (moment: Date) => formatMoment(moment, actor.locale, true);
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
