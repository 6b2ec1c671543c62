import { redirect } from "next/navigation";
import { z } from "zod";

import { saveRecordAction } from "@/app/actions/records";
import { RecordFormFor } from "@/components/records/RecordFormFor";
import { isoDate, today } from "@/lib/platform/dates";
import { ids } from "@/lib/platform/entry-points/ids";
import { page } from "@/lib/platform/entry-points/page.server";
import { searchOf } from "@/lib/platform/entry-points/search";
import { formatNumber } from "@/lib/present/i18n/format";
import { getPatient } from "@/lib/server/patients/get-patient";
import { clinicMeasurementsOn } from "@/lib/server/records/measured-today";
import { ZRecordFormKind } from "@/lib/server/records/record-forms";
import { newRecordInitialValues } from "@/lib/server/records/record-initial-values";

const TITLE = { assessment: "newAssessment", outcome: "newOutcome", intervention: "newIntervention" } as const;

export default page(
  {
    name: "/patients/[id]/records/[kind]/new",
    access: "clinic-patients",
    params: z.object({ id: ids.patient, kind: ZRecordFormKind }),
    // ?visit=follow-up: the assessment as a short follow-up visit.
    search: searchOf(z.object({ visit: z.enum(["follow-up"]).optional().catch(undefined) })),
  },
  async ({ actor, db, messages, params: { id, kind }, search }) => {
    const followUp = kind === "assessment" && search.visit === "follow-up";
    const patient = await getPatient(db, actor, id);
    if (!patient.currentEpisodeId || patient.archivedAt) redirect(`/patients/${patient.id}`);
    const episode = patient.episodes.find((e) => e.id === patient.currentEpisodeId);
    const day = today(actor.timeZone);
    // The day's measurements form says what the clinic measured today already (a visit's pain).
    const measuredToday =
      kind === "outcome" ? await clinicMeasurementsOn(db, actor, patient.currentEpisodeId, day) : [];
    const valuesOf = (instrument: string) =>
      measuredToday
        .filter((row) => row.instrument === instrument)
        .map((row) => formatNumber(row.value, actor.locale))
        .join(", ");
    const todayHints = Object.fromEntries(
      [...new Set(measuredToday.map((row) => row.instrument))].map((instrument) => [
        instrument,
        messages.measurements.alreadyToday(valuesOf(instrument)),
      ]),
    );
    return (
      <>
        <p className="breadcrumb">{patient.name}</p>
        <h1>{followUp ? messages.record.newFollowUp : messages.record[TITLE[kind]]}</h1>
        <RecordFormFor
          kind={kind}
          patient={patient}
          target={{ episodeId: patient.currentEpisodeId, recordId: null }}
          save={saveRecordAction}
          followUp={followUp}
          hints={todayHints}
          initial={newRecordInitialValues(kind, patient, isoDate(day), actor.locale, episode?.psfsActivities)}
        />
      </>
    );
  },
);
