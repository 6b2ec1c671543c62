// When a portal reminder is due (SPEC §10, Reminders). Pure: the sender (send-due-reminders.ts)
// asks here with the clinic's clock and the patient's programs, and the settings form uses the
// same time format. Times are on the clinic's clock, which is the patient's in practice.
import type { ProgramContent } from "../../clinical/programs/default-templates";
import { programWeeks } from "../../clinical/programs/prescription";
import { programWeek } from "../../clinical/programs/program-week";

export const REMINDER_KINDS = ["MORNING_PAIN", "SESSION"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * A reminder missed at its minute (every server was down) is still sent up to this long
 * after; later in the day it would only confuse.
 */
export const LATE_REMINDER_MINUTES = 120;

const TIME = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

/** "07:30" → 450 minutes after midnight; null for anything that is not a time of day. */
export function minuteOfDay(time: string): number | null {
  const match = TIME.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** 450 → "07:30", as the time field shows it (24-hour clock). */
export function timeOfDay(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** The clinic's calendar day (midnight UTC, as dates are held) and minute of the day at `now`. */
export function clinicClock(now: Date, timeZone: string): { day: Date; minute: number } {
  let format = clocks.get(timeZone);
  if (!format)
    clocks.set(
      timeZone,
      (format = new Intl.DateTimeFormat("en-CA", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
      })),
    );
  const part = Object.fromEntries(format.formatToParts(now).map(({ type, value }) => [type, value]));
  return {
    day: new Date(`${part.year}-${part.month}-${part.day}T00:00:00.000Z`),
    minute: Number(part.hour) * 60 + Number(part.minute),
  };
}

/** The reminder minutes that are due at `minute`: from LATE_REMINDER_MINUTES before up to now, within the day. */
export function dueMinutes(minute: number): { gte: number; lte: number } {
  return { gte: Math.max(0, minute - LATE_REMINDER_MINUTES), lte: minute };
}

export type ProgramForReminders = {
  startDate: Date;
  maintenanceSince: Date | null;
  content: Pick<ProgramContent, "phases">;
};

/**
 * Whether a program still asks the patient to train on `day`: started, and not past its last
 * week unless the clinician kept it going as maintenance. Reminders stop when it ends.
 */
export function programRunsOn(program: ProgramForReminders, day: Date): boolean {
  const week = programWeek(program.startDate, day);
  if (week === null || program.content.phases.length === 0) return false;
  return program.maintenanceSince !== null || week <= programWeeks(program.content);
}
