"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { today } from "@/lib/platform/dates";
import { commandAction, formAction } from "@/lib/platform/entry-points/action.server";
import { ids } from "@/lib/platform/entry-points/ids";
import { errorTexts } from "@/lib/present/forms/error-text";
import { DELETE_FIELDS, deleteClinicalRecord } from "@/lib/server/records/clinical-records";
import { rawRecordInput, RECORD_FORM_KINDS, recordFields, ZRecordFormKind } from "@/lib/server/records/record-forms";
import { saveAssessment, saveIntervention, saveOutcome } from "@/lib/server/records/record-services";
import { saveMeasurements } from "@/lib/server/records/save-measurements";

const SAVE = { assessment: saveAssessment, outcome: saveOutcome, intervention: saveIntervention };
const ZTarget = z
  .object({ patientId: ids.patient, episodeId: ids.episode, recordId: ids.record.nullable() })
  .describe("target");

/** Records (recordId null) or corrects an assessment, outcome or intervention. */
export const saveRecordAction = formAction(
  { name: "records.save", access: "clinic-patients", args: [ZRecordFormKind, ZTarget] },
  async ({ actor, db, messages, args: [kind, target], formData, answer }) => {
    const raw = rawRecordInput(kind, formData);
    const day = () => today(actor.timeZone);
    // A new outcome is the day's measurements in one form; a correction changes one measurement.
    const result =
      kind === "outcome" && target.recordId === null
        ? await saveMeasurements(db, actor, target.episodeId, raw, day)
        : await SAVE[kind](db, actor, { episodeId: target.episodeId, recordId: target.recordId }, raw, day);
    // A quick entry stays on the page; a full form goes back to the patient.
    if (result.status === "saved") {
      if (formData.get("$stay") === "yes") {
        revalidatePath(`/patients/${target.patientId}`);
        return answer({ values: {} });
      }
      // A red flag that put the plan on hold: the patient page says so (and that the patient is told).
      redirect(`/patients/${target.patientId}${result.planWentOnHold ? "?saved=onHold" : ""}`);
    }
    const errors = errorTexts(result.fieldErrors, messages, recordFields(kind, raw));
    return answer({ errors, formError: errors.form ?? messages.validation.summary });
  },
);

/** Soft-deletes a record with the reason the confirm dialog asks for. */
export const deleteRecordAction = commandAction(
  { name: "records.delete", access: "clinic-patients", args: [ZRecordFormKind, ids.patient, ids.record] },
  async ({ actor, db, messages, args: [kind, patientId, recordId], formData }) => {
    const result = await deleteClinicalRecord(
      db,
      actor,
      RECORD_FORM_KINDS[kind],
      recordId,
      formData.get("reason") ?? "",
    );
    if (result.status === "invalid") {
      const errors = errorTexts(result.fieldErrors, messages, DELETE_FIELDS);
      return {
        error: errors.form ?? `${messages.record.deleteReason}: ${errors.reason ?? messages.validation.required}`,
      };
    }
    revalidatePath(`/patients/${patientId}`);
    return { error: null };
  },
);
