// Red flags and differential findings of SPEC §5, as recorded at an assessment.
export const RED_FLAGS = [
  "CANNOT_BEAR_WEIGHT",
  "RAPID_WORSENING",
  "MARKED_SWELLING",
  "NEURO_SYMPTOMS",
  "FEVER_MALAISE",
  "LOAD_PAIN_WITH_SWELLING",
  "DIFFUSE_REDNESS_SWELLING",
] as const;
export type RedFlag = (typeof RED_FLAGS)[number];

export const FINDINGS = ["ISOLATED_HEEL_PAD_PAIN", "POSTERIOR_HEEL_PAIN"] as const;
export type Finding = (typeof FINDINGS)[number];

export const PAIN_LOCATIONS = ["MEDIAL_HEEL", "PLANTAR_FASCIA", "HEEL_PAD", "POSTERIOR_HEEL", "ARCH", "OTHER"] as const;
export type PainLocation = (typeof PAIN_LOCATIONS)[number];
