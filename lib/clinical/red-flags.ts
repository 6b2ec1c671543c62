// Red flags and differential findings of SPEC §5, as recorded at an assessment, and the
// tests that record one of them by themselves (so nothing is entered twice).
export const RED_FLAGS = [
  "CANNOT_BEAR_WEIGHT",
  "RAPID_WORSENING",
  "MARKED_SWELLING",
  "FEVER_MALAISE",
  "LOAD_PAIN_WITH_SWELLING",
  "DIFFUSE_REDNESS_SWELLING",
  "NIGHT_OR_REST_PAIN",
  "CANCER_HISTORY_OR_WEIGHT_LOSS",
  "RECENT_TRAUMA",
  "SUSPECTED_FASCIA_RUPTURE",
  "POSITIVE_CALCANEAL_SQUEEZE",
] as const;
export type RedFlag = (typeof RED_FLAGS)[number];

export const FINDINGS = [
  "ISOLATED_HEEL_PAD_PAIN",
  "POSTERIOR_HEEL_PAIN",
  "NEURAL_SYMPTOMS",
  "INFLAMMATORY_SIGNS",
] as const;
export type Finding = (typeof FINDINGS)[number];

/** Codes no longer recorded, and the code that took their place (read in old versions and flags). */
export const RETIRED_CODES: Record<string, RedFlag | Finding> = { NEURO_SYMPTOMS: "NEURAL_SYMPTOMS" };

/** A positive calcaneal squeeze test is the red flag itself; a positive Tinel's sign is the finding. */
export const SQUEEZE_RED_FLAG = "POSITIVE_CALCANEAL_SQUEEZE" satisfies RedFlag;
export const TINEL_FINDING = "NEURAL_SYMPTOMS" satisfies Finding;

/** The red flags a clinician ticks; the squeeze test's flag comes from the test. */
export const CHECKLIST_RED_FLAGS = RED_FLAGS.filter((code) => code !== SQUEEZE_RED_FLAG) as Exclude<
  RedFlag,
  typeof SQUEEZE_RED_FLAG
>[];

/**
 * Where a red flag sends the patient, the same day in every case: infection suspected → their
 * own doctor or, outside opening hours, the out-of-hours medical service; an injury → their
 * own doctor or the emergency service; otherwise their own doctor.
 */
export type CareLevel = "OUT_OF_HOURS" | "EMERGENCY" | "OWN_DOCTOR";
export const RED_FLAG_CARE: Record<RedFlag, CareLevel> = {
  FEVER_MALAISE: "OUT_OF_HOURS",
  DIFFUSE_REDNESS_SWELLING: "OUT_OF_HOURS",
  // Out of hours only with fever (FEVER_MALAISE then decides): a suspected tumour is for the
  // patient's own doctor promptly, not the out-of-hours service (clinical review N13).
  NIGHT_OR_REST_PAIN: "OWN_DOCTOR",
  CANNOT_BEAR_WEIGHT: "EMERGENCY",
  RECENT_TRAUMA: "EMERGENCY",
  RAPID_WORSENING: "OWN_DOCTOR",
  MARKED_SWELLING: "OWN_DOCTOR",
  LOAD_PAIN_WITH_SWELLING: "OWN_DOCTOR",
  CANCER_HISTORY_OR_WEIGHT_LOSS: "OWN_DOCTOR",
  SUSPECTED_FASCIA_RUPTURE: "OWN_DOCTOR",
  POSITIVE_CALCANEAL_SQUEEZE: "OWN_DOCTOR",
};
/** The most urgent place first: the recommendation names the first that applies. */
export const CARE_LEVELS: CareLevel[] = ["EMERGENCY", "OUT_OF_HOURS", "OWN_DOCTOR"];

/** What an assessment records, as far as red flags and findings go. */
export type RecordedTests = {
  redFlags: readonly string[];
  findings: readonly string[];
  calcanealSqueezePositive: boolean | null;
  tinelPositive: boolean | null;
};

/** The red flags of an assessment: those ticked and those its tests recorded, sorted. */
export function assessmentRedFlags(a: RecordedTests): RedFlag[] {
  const codes = new Set(a.redFlags as RedFlag[]);
  if (a.calcanealSqueezePositive === true) codes.add(SQUEEZE_RED_FLAG);
  return [...codes].sort();
}

/** The differential findings of an assessment: those ticked and those its tests recorded, sorted. */
export function assessmentFindings(a: RecordedTests): Finding[] {
  const codes = new Set(a.findings as Finding[]);
  if (a.tinelPositive === true) codes.add(TINEL_FINDING);
  return [...codes].sort();
}

export const PAIN_LOCATIONS = ["MEDIAL_HEEL", "PLANTAR_FASCIA", "HEEL_PAD", "POSTERIOR_HEEL", "ARCH", "OTHER"] as const;
export type PainLocation = (typeof PAIN_LOCATIONS)[number];
