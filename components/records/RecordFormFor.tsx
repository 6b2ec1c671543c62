import { saveRecordAction } from "@/app/actions/records";
import { bmi } from "@/lib/clinical/bmi";
import { needsBloodSugarNote } from "@/lib/clinical/comorbidities";
import { INSTRUMENTS } from "@/lib/clinical/instruments";
import { CHECKLIST_RED_FLAGS, FINDINGS, PAIN_LOCATIONS, SQUEEZE_RED_FLAG } from "@/lib/clinical/red-flags";
import { citation } from "@/lib/clinical/references";
import { FootType, Instrument, InterventionType, type Locale } from "@/lib/generated/prisma/enums";
import type { Messages } from "@/lib/i18n";
import { formatNumber } from "@/lib/i18n/format";
import { PSFS_MAX_ITEMS } from "@/lib/outcomes/outcome-input";
import type { RecordFormKind } from "@/lib/records/record-forms";

import { AssessmentForm } from "./AssessmentForm";
import { InterventionForm } from "./InterventionForm";
import { OutcomeForm } from "./OutcomeForm";

type Props = {
  kind: RecordFormKind;
  messages: Messages;
  locale: Locale;
  patient: {
    id: string;
    heightCm: { toString(): string } | null;
    weightKg: { toString(): string } | null;
    comorbidities: readonly string[];
  };
  target: { episodeId: string; recordId: string | null };
  initial: Record<string, string | undefined>;
  initialLists?: { redFlags: string[]; findings: string[] };
};

/** The form of one kind of clinical record, with its texts and choices in the user's language. */
export function RecordFormFor({ kind, messages, locale, patient, target, initial, initialLists }: Props) {
  const action = saveRecordAction.bind(null, kind, { patientId: patient.id, ...target });
  const common = {
    date: messages.record.date,
    choose: messages.patientForm.choose,
    save: messages.record.save,
    saving: messages.record.saving,
    cancel: messages.record.cancel,
    networkError: messages.error.network,
  };
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
        text={{
          ...common,
          painLocation: a.painLocation,
          firstStepPain: a.firstStepPain,
          clinicalTests: a.clinicalTests,
          palpation: a.palpation,
          palpationHowTo: a.palpationHowTo,
          windlass: a.windlass,
          windlassHowTo: a.windlassHowTo,
          calcanealSqueeze: a.calcanealSqueeze,
          calcanealSqueezeHowTo: a.calcanealSqueezeHowTo,
          tinel: a.tinel,
          tinelHowTo: a.tinelHowTo,
          ankleDorsiflexion: a.ankleDorsiflexion,
          redFlagScreen: a.redFlagScreen,
          redFlagScreenHint: a.redFlagScreenHint,
          redFlags: a.redFlags,
          redFlagsHint: a.redFlagsHint,
          differentialsExamined: a.differentialsExamined,
          differentialsHint: a.differentialsHint,
          findings: a.findings,
          redFlagBanner: a.redFlagBanner,
          redFlagSuspected: a.redFlagSuspected,
          riskFactors: a.riskFactors,
          recentLoadChange: a.recentLoadChange,
          calfTightness: a.calfTightness,
          runningKmPerWeek: messages.patientForm.runningKmPerWeek,
          shoeAgeKm: messages.patientForm.shoeAgeKm,
          standingHoursPerDay: messages.patientForm.standingHoursPerDay,
          footType: messages.patientForm.footType,
          bmi: a.bmiFromPatient(patientBmi === null ? messages.caseload.noValue : formatNumber(patientBmi, locale)),
          walking: a.walking,
          walkToleranceMin: a.walkToleranceMin,
          walkNextMorningWorse: a.walkNextMorningWorse,
          note: a.note,
        }}
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
    const o = messages.outcome;
    return (
      <OutcomeForm
        action={action}
        initial={initial}
        cancelHref={cancelHref}
        instruments={Object.values(Instrument).map((value) => {
          const spec = INSTRUMENTS[value];
          return {
            value,
            label: messages.instrument[value],
            about: spec.ratesChange
              ? o.aboutChange
              : o.about(
                  `${spec.min}–${spec.max}`,
                  spec.better === "lower" ? o.betterLower : o.betterHigher,
                  spec.mcidFraction ? o.mcidNrs : o.mcidPoints(spec.mcidPoints),
                ),
            source: o.source(
              spec.sources
                .map((key) => (key === "CLINIC_DEFAULT" ? messages.flags.clinicDefault : citation(key)))
                .join(" "),
            ),
          };
        })}
        text={{
          ...common,
          instrument: o.instrument,
          value: o.value,
          totalsOnly: o.totalsOnly,
          psfsIntro: o.psfsIntro,
          psfsActivity: Array.from({ length: PSFS_MAX_ITEMS }, (_, i) => o.psfsActivity(i + 1)),
          psfsScore: Array.from({ length: PSFS_MAX_ITEMS }, (_, i) => o.psfsScore(i + 1)),
        }}
      />
    );
  }
  return (
    <InterventionForm
      action={action}
      initial={initial}
      cancelHref={cancelHref}
      types={Object.values(InterventionType).map((value) => ({ value, label: messages.intervention.types[value] }))}
      text={{ ...common, type: messages.intervention.type, note: messages.intervention.note }}
      // The blood-sugar note shows when an injection is chosen for a patient with diabetes.
      injectionNote={needsBloodSugarNote(patient.comorbidities) ? messages.flags.bloodSugar : null}
    />
  );
}
