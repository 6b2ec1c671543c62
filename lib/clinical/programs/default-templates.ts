// The programs of SPEC §6 as data. Prose for users lives in the message catalogs, keyed by
// the codes used here; templates hold only structure and numbers.
import { z } from "zod";

import type { ProgramKind } from "../../generated/prisma/enums";

export const EXERCISES = [
  "HEEL_RAISE_TOWEL",
  "PLANTAR_FASCIA_STRETCH",
  "TOWEL_CURLS",
  "CALF_LOWERING",
  "RUN_WALK_INTERVALS",
] as const;
export type Exercise = (typeof EXERCISES)[number];
export const LOAD_GUIDANCE = ["BODY_WEIGHT", "ADD_LOAD", "MORE_LOAD", "HIGH_LOAD", "NONE"] as const;

/** One exercise of a phase with its own dose (lib/clinical/programs/exercise-dose.ts says what the numbers mean). */
export type PhaseExercise = {
  exercise: string;
  sets: number;
  reps: [number, number];
  /** The program day (1 = the start date) from which it is done: the first week's towel curls from day 3. */
  fromDay: number;
};

export type ProgramPhase = {
  code: string;
  /** First and last program week of the phase (1-based, inclusive). */
  weeks: [number, number];
  /** One or more, in the order the patient sees them; at most one heel raise, the loaded exercise (SPEC §6). */
  exercises: PhaseExercise[];
  /** How the load of the phase's heel raise is chosen, a code the catalogs explain. */
  load: (typeof LOAD_GUIDANCE)[number];
};

export type ProgramContent = {
  sessionsPerWeek: [number, number];
  tempo: { upSeconds: number; holdSeconds: number; downSeconds: number } | null;
  /** How much the suggested load rises or falls at a time (kg), in loaded phases. */
  loadStepKg: number;
  phases: ProgramPhase[];
};

/** The load step of SPEC §6 when a template does not set its own. */
export const DEFAULT_LOAD_STEP_KG = 2.5;

const heelRaise = (sets: number, reps: [number, number]): PhaseExercise => ({
  exercise: "HEEL_RAISE_TOWEL",
  sets,
  reps,
  fromDay: 1,
});
/** The foot-strength work the article advises beside HSR: towel curls, up to 10, 1–2 rounds a day. */
const FOOT_STRENGTH: PhaseExercise = { exercise: "TOWEL_CURLS", sets: 2, reps: [1, 10], fromDay: 1 };

export const DEFAULT_TEMPLATE_KEYS = ["first-week", "hsr-12-weeks", "hsr-rathleff-2015", "return-to-run"] as const;
export type DefaultTemplateKey = (typeof DEFAULT_TEMPLATE_KEYS)[number];

/** A template every clinic starts with; its names, in both languages, are in the catalogs (`templates.defaultNames`). */
export type DefaultTemplate = {
  key: DefaultTemplateKey;
  kind: ProgramKind;
  content: ProgramContent;
};

export const DEFAULT_TEMPLATES: DefaultTemplate[] = [
  {
    key: "first-week",
    kind: "FIRST_WEEK",
    content: {
      sessionsPerWeek: [7, 7],
      tempo: null,
      loadStepKg: DEFAULT_LOAD_STEP_KG,
      phases: [
        {
          code: "OFFLOAD",
          weeks: [1, 1],
          // The article's first week: the stretch from day 1, towel curls (up to 10, 1–2 rounds a
          // day) and gentle calf lowering from day 3.
          exercises: [
            { exercise: "PLANTAR_FASCIA_STRETCH", sets: 3, reps: [10, 10], fromDay: 1 },
            { exercise: "TOWEL_CURLS", sets: 2, reps: [1, 10], fromDay: 3 },
            { exercise: "CALF_LOWERING", sets: 1, reps: [10, 20], fromDay: 3 },
          ],
          load: "NONE",
        },
      ],
    },
  },
  {
    key: "hsr-12-weeks",
    kind: "HSR",
    content: {
      sessionsPerWeek: [3, 4],
      tempo: { upSeconds: 3, holdSeconds: 0, downSeconds: 3 },
      loadStepKg: DEFAULT_LOAD_STEP_KG,
      phases: [
        { code: "HSR_1", weeks: [1, 3], exercises: [heelRaise(3, [12, 12]), FOOT_STRENGTH], load: "BODY_WEIGHT" },
        { code: "HSR_2", weeks: [4, 6], exercises: [heelRaise(3, [10, 12]), FOOT_STRENGTH], load: "ADD_LOAD" },
        { code: "HSR_3", weeks: [7, 9], exercises: [heelRaise(3, [8, 10]), FOOT_STRENGTH], load: "MORE_LOAD" },
        // 8 reps; 6–8 only where the tempo cannot be kept otherwise (the handout says so).
        { code: "HSR_4", weeks: [10, 12], exercises: [heelRaise(3, [8, 8]), FOOT_STRENGTH], load: "HIGH_LOAD" },
      ],
    },
  },
  {
    // As in the trial (Rathleff et al. 2015): every second day, 3 s up, 2 s hold, 3 s down; 12RM at
    // body weight in weeks 1–2 (a backpack from week 3, SPEC §6).
    key: "hsr-rathleff-2015",
    kind: "HSR",
    content: {
      sessionsPerWeek: [3, 4],
      tempo: { upSeconds: 3, holdSeconds: 2, downSeconds: 3 },
      loadStepKg: DEFAULT_LOAD_STEP_KG,
      phases: [
        { code: "RATHLEFF_12RM", weeks: [1, 2], exercises: [heelRaise(3, [12, 12])], load: "BODY_WEIGHT" },
        { code: "RATHLEFF_10RM", weeks: [3, 4], exercises: [heelRaise(4, [10, 10])], load: "MORE_LOAD" },
        { code: "RATHLEFF_8RM", weeks: [5, 12], exercises: [heelRaise(5, [8, 8])], load: "HIGH_LOAD" },
      ],
    },
  },
  {
    key: "return-to-run",
    kind: "RETURN_TO_RUN",
    content: {
      sessionsPerWeek: [2, 3],
      tempo: null,
      loadStepKg: DEFAULT_LOAD_STEP_KG,
      phases: [
        {
          code: "RUN_WALK",
          weeks: [1, 4],
          exercises: [{ exercise: "RUN_WALK_INTERVALS", sets: 10, reps: [1, 1], fromDay: 1 }],
          load: "NONE",
        },
      ],
    },
  },
];

/**
 * An assignment's stored content, checked when read back from the database. The pain limit is
 * the clinic's setting (loadResponseMaxPain), not the template's: a `maxPain` in older content
 * is dropped on read (and by the migration that removed it).
 */
export const ZProgramContent = z.object({
  sessionsPerWeek: z.tuple([z.number(), z.number()]),
  tempo: z.object({ upSeconds: z.number(), holdSeconds: z.number(), downSeconds: z.number() }).nullable(),
  // Stored before templates had a load step: those take the default.
  loadStepKg: z.number().default(DEFAULT_LOAD_STEP_KG),
  phases: z.array(
    z.object({
      code: z.string(),
      weeks: z.tuple([z.number(), z.number()]),
      exercises: z
        .array(
          z.object({
            exercise: z.string(),
            sets: z.number(),
            reps: z.tuple([z.number(), z.number()]),
            fromDay: z.number(),
          }),
        )
        .min(1),
      load: z.enum(LOAD_GUIDANCE),
    }),
  ),
}) satisfies z.ZodType<ProgramContent>;
