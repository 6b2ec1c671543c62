import { daysBetween } from "../dates";
import type { ProgramKind } from "../generated/prisma/enums";
import { DEFAULT_TEMPLATES } from "./default-templates";

/** The program week (1-based) on a date, or null before the start. */
export function programWeek(start: Date, on: Date): number | null {
  const days = daysBetween(start, on);
  return days < 0 ? null : Math.floor(days / 7) + 1;
}

/** 1-based index of the default template's phase that the week falls in (the last after the end). */
export function phaseOfWeek(kind: ProgramKind, week: number): number {
  const phases = DEFAULT_TEMPLATES.find((template) => template.kind === kind)?.content.phases ?? [];
  const index = phases.findIndex((phase) => week >= phase.weeks[0] && week <= phase.weeks[1]);
  return index === -1 ? phases.length : index + 1;
}
