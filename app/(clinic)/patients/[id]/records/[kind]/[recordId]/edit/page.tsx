import { notFound } from "next/navigation";
import { z } from "zod";

import { saveRecordAction } from "@/app/actions/records";
import { RecordFormFor } from "@/components/records/RecordFormFor";
import { ids } from "@/lib/platform/entry-points/ids";
import { page } from "@/lib/platform/entry-points/page.server";
import { getPatient } from "@/lib/server/patients/get-patient";
import { getClinicalRecord } from "@/lib/server/records/clinical-records";
import { RECORD_FORM_KINDS, ZRecordFormKind } from "@/lib/server/records/record-forms";
import { recordInitialValues } from "@/lib/server/records/record-initial-values";

const TITLE = { assessment: "editAssessment", outcome: "editOutcome", intervention: "editIntervention" } as const;

export default page(
  {
    name: "/patients/[id]/records/[kind]/[recordId]/edit",
    access: "clinic-patients",
    params: z.object({ id: ids.patient, kind: ZRecordFormKind, recordId: ids.record }),
  },
  async ({ actor, db, messages, params: { id, kind, recordId } }) => {
    const patient = await getPatient(db, actor, id);
    const record = await getClinicalRecord(db, actor, RECORD_FORM_KINDS[kind], recordId);
    if (!patient.episodes.some((episode) => episode.id === record.episodeId)) notFound();
    const { values, lists } = recordInitialValues(kind, record, actor.locale);
    return (
      <>
        <p className="breadcrumb">{patient.name}</p>
        <h1>{messages.record[TITLE[kind]]}</h1>
        <RecordFormFor
          kind={kind}
          patient={patient}
          target={{ episodeId: record.episodeId, recordId: record.id }}
          save={saveRecordAction}
          initial={values}
          initialLists={lists}
        />
      </>
    );
  },
);
