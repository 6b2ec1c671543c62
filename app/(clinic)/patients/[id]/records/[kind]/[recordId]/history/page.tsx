import Link from "next/link";
import { z } from "zod";

import { ids } from "@/lib/platform/entry-points/ids";
import { page } from "@/lib/platform/entry-points/page.server";
import { formatDate, formatMoment } from "@/lib/present/i18n/format";
import { describeRecord } from "@/lib/present/records/describe-record";
import { getPatient } from "@/lib/server/patients/get-patient";
import { listRevisions } from "@/lib/server/records/clinical-records";
import { RECORD_FORM_KINDS, ZRecordFormKind } from "@/lib/server/records/record-forms";

export default page(
  {
    name: "/patients/[id]/records/[kind]/[recordId]/history",
    access: "clinic-patients",
    params: z.object({ id: ids.patient, kind: ZRecordFormKind, recordId: ids.record }),
  },
  async ({ actor, db, messages, params: { id, kind, recordId } }) => {
    const patient = await getPatient(db, actor, id);
    const revisions = await listRevisions(db, actor, RECORD_FORM_KINDS[kind], recordId);
    const when = (moment: Date) => formatMoment(moment, actor.locale, true);
    return (
      <>
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
                    <strong>{formatDate(new Date(String(snapshot.date)), actor.locale)}</strong>:{" "}
                    {describeRecord(kind, snapshot, messages, actor.locale)}
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
      </>
    );
  },
);
