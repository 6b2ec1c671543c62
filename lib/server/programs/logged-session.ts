import type { Prisma } from "../../generated/prisma/client";
import type { Effort } from "../../generated/prisma/enums";
import { isoDate } from "../../platform/dates";

/** A logged session as the program pages and the portal show it. */
export type LoggedSession = {
  id: string;
  assignmentId: string;
  date: string;
  completed: boolean;
  /** The exercises done (codes); sets, reps, load and effort are the heel raise's. */
  exercises: string[];
  sets: number | null;
  reps: number | null;
  painDuring: number | null;
  loadKg: number | null;
  effort: Effort | null;
};

/** The columns loggedSession reads. */
export const LOGGED_SESSION_SELECT = {
  id: true,
  assignmentId: true,
  date: true,
  completed: true,
  exercises: true,
  sets: true,
  reps: true,
  painDuring: true,
  loadKg: true,
  effort: true,
} satisfies Prisma.SessionLogSelect;

type Row = Prisma.SessionLogGetPayload<{ select: typeof LOGGED_SESSION_SELECT }>;

export const loggedSession = (row: Row): LoggedSession => ({
  id: row.id,
  assignmentId: row.assignmentId,
  date: isoDate(row.date),
  completed: row.completed,
  exercises: row.exercises,
  sets: row.sets,
  reps: row.reps,
  painDuring: row.painDuring,
  loadKg: row.loadKg === null ? null : Number(row.loadKg),
  effort: row.effort,
});
