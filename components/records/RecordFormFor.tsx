import { bmi } from "@/lib/clinical/bmi";
import { needsBloodSugarNote } from "@/lib/clinical/comorbidities";
import { CHECKLIST_RED_FLAGS, FINDINGS, PAIN_LOCATIONS, SQUEEZE_RED_FLAG } from "@/lib/clinical/red-flags";
import { FootType, InterventionType } from "@/lib/generated/prisma/enums";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";
import { instrumentInfos } from "@/lib/present/records/instrument-info";
import { PSFS_MAX_ITEMS } from "@/lib/server/records/kinds/outcome-input";
import type { RecordFormKind } from "@/lib/server/records/record-forms";

import type { FormAction } from "../action-types";
import { AssessmentForm } from "./AssessmentForm";
import { InterventionForm } from "./InterventionForm";
import { MeasurementsForm } from "./MeasurementsForm";
import { OutcomeForm } from "./OutcomeForm";

type Props = {
  kind: RecordFormKind;
  patient: {
    id: string;
    heightCm: { toString(): string } | null;
    weightKg: { toString(): string } | null;
    comorbidities: readonly string[];
  };
  target: { episodeId: string; recordId: string | null };
  initial: Record<string, string | undefined>;
  initialLists?: { redFlags: string[]; findings: string[] };
  /** An assessment as a short follow-up visit (AssessmentForm). */
  followUp?: boolean;
  /** A new day's measurements: a line under an instrument's label, by instrument (what was measured today). */
  hints?: Partial<Record<string, string>>;
  /** From the page (app/actions/records.ts); bound here to the kind and the record. */
  save: FormAction<[kind: RecordFormKind, target: { patientId: string; episodeId: string; recordId: string | null }]>;
};

/** The form of one kind of clinical record, with its texts and choices in the user's language. */
export async function RecordFormFor({ kind, patient, target, initial, initialLists, save, followUp, hints }: Props) {
  const messages = await getRequestMessages();
  const action = save.bind(null, kind, { patientId: patient.id, ...target });
  const cancelHref = `/patients/${patient.id}`;
  if (kind === "assessment") {
    const a = messages.assessment;
    const patientBmi = bmi(patient.heightCm && Number(patient.heightCm), patient.weightKg && Number(patient.weightKg));
    return (
      <AssessmentForm
        action={action}
        initial={initial}
        initialRedFlags={initialLists?.redFlags ?? []}
        initialFindings={initialLists?.findings ?? []}
        cancelHref={cancelHref}
        patientBmi={patientBmi}
        followUp={followUp}
        options={{
          painLocation: PAIN_LOCATIONS.map((value) => ({ value, label: a.painLocations[value] })),
          testResult: [
            { value: "positive", label: a.positive },
            { value: "negative", label: a.negative },
            { value: "untested", label: a.notTested },
          ],
          screen: [
            { value: "yes", label: a.redFlagScreenDone },
            { value: "no", label: a.redFlagScreenNotDone },
          ],
          examination: [
            { value: "yes", label: a.differentialsDone },
            { value: "no", label: a.differentialsNotDone },
          ],
          yesNo: [
            { value: "yes", label: a.yes },
            { value: "no", label: a.no },
            { value: "", label: a.unknown },
          ],
          footType: Object.values(FootType).map((value) => ({ value, label: messages.footType[value] })),
          redFlags: CHECKLIST_RED_FLAGS.map((value) => ({
            value,
            label: a.redFlag[value],
            suspected: a.suspected[value],
          })),
          squeezeFlag: {
            value: SQUEEZE_RED_FLAG,
            label: a.redFlag[SQUEEZE_RED_FLAG],
            suspected: a.suspected[SQUEEZE_RED_FLAG],
          },
          findings: FINDINGS.map((value) => ({ value, label: a.finding[value] })),
        }}
      />
    );
  }
  if (kind === "outcome") {
    const instruments = instrumentInfos(messages);
    // A new day's measurements in one form; a correction changes the one measurement.
    const common = { action, initial, cancelHref, psfsItems: PSFS_MAX_ITEMS, instruments };
    return target.recordId === null ? <MeasurementsForm {...common} hints={hints} /> : <OutcomeForm {...common} />;
  }
  return (
    <InterventionForm
      action={action}
      initial={initial}
      cancelHref={cancelHref}
      types={Object.values(InterventionType).map((value) => ({ value, label: messages.intervention.types[value] }))}

      // The blood-sugar note shows when an injection is chosen for a patient with diabetes.
      injectionNote={needsBloodSugarNote(patient.comorbidities) ? messages.flags.bloodSugar : null}
    />
  );
}
