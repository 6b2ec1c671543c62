import { daysBetween } from "../dates";
import type { ProgramKind } from "../generated/prisma/enums";
import { DEFAULT_TEMPLATES } from "./default-templates";
import { scheduledPhase } from "./progression";

/** The program week (1-based) on a date, or null before the start. */
export function programWeek(start: Date, on: Date): number | null {
  const days = daysBetween(start, on);
  return days < 0 ? null : Math.floor(days / 7) + 1;
}

/** 1-based phase of the kind's default template that the week falls in (the last after the end). */
export function phaseOfWeek(kind: ProgramKind, week: number): number {
  const template = DEFAULT_TEMPLATES.find((candidate) => candidate.kind === kind);
  return template ? scheduledPhase(template.content, week) : 0;
}
