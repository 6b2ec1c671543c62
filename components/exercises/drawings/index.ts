import type { ComponentType } from "react";

import type { Exercise } from "@/lib/clinical/programs/default-templates";

import { CalfLoweringDrawing } from "./calf-lowering";
import { FasciaStretchDrawing } from "./fascia-stretch";
import type { DrawingProps } from "./frame";
import { HeelRaiseDrawing } from "./heel-raise";
import { RunWalkDrawing } from "./run-walk";
import { TowelCurlsDrawing } from "./towel-curls";

/** One drawing per exercise a template can hold: a new exercise code fails the type check until it has one. */
export const DRAWINGS: Record<Exercise, ComponentType<DrawingProps>> = {
  HEEL_RAISE_TOWEL: HeelRaiseDrawing,
  PLANTAR_FASCIA_STRETCH: FasciaStretchDrawing,
  TOWEL_CURLS: TowelCurlsDrawing,
  CALF_LOWERING: CalfLoweringDrawing,
  RUN_WALK_INTERVALS: RunWalkDrawing,
};
