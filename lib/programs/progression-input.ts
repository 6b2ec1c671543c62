import { isoDate } from "../dates";
import type { Prisma } from "../generated/prisma/client";
import { ZProgramContent } from "./default-templates";
import type { ProgressionInput } from "./progression";

type AssignmentRow = { startDate: Date; sessionsPerWeek: number; startingLoadKg: { toString(): string }; content: unknown };
type SessionRow = { date: Date; completed: boolean; sets: number | null; reps: number | null; painDuring: number | null; loadKg: { toString(): string } | null };
type OverrideRow = { date: Date; phase: number | null; loadKg: { toString(): string } | null };

/**
 * The order every reader loads a program's overrides in: by date, and of one date the later
 * entered last, so it wins. The patient page and the caseload's phase must agree.
 */
export const OVERRIDE_ORDER = [{ date: "asc" }, { createdAt: "asc" }] satisfies Prisma.ProgramOverrideOrderByWithRelationInput[];

/** The progression engine's input from database rows: dates as yyyy-mm-dd, decimals as numbers. */
export function progressionInput(
  assignment: AssignmentRow,
  sessions: SessionRow[],
  morningPain: { date: Date; value: { toString(): string } }[],
  overrides: OverrideRow[],
  morningRise: number,
): ProgressionInput {
  return {
    startDate: isoDate(assignment.startDate),
    sessionsPerWeek: assignment.sessionsPerWeek,
    startingLoadKg: Number(assignment.startingLoadKg),
    content: ZProgramContent.parse(assignment.content),
    sessions: sessions.map((s) => ({ date: isoDate(s.date), completed: s.completed, sets: s.sets, reps: s.reps, painDuring: s.painDuring, loadKg: s.loadKg === null ? null : Number(s.loadKg) })),
    morningPain: morningPain.map((p) => ({ date: isoDate(p.date), value: Number(p.value) })),
    overrides: overrides.map((o) => ({ date: isoDate(o.date), ...(o.phase !== null && { phase: o.phase }), ...(o.loadKg !== null && { loadKg: Number(o.loadKg) }) })),
    morningRise,
  };
}
