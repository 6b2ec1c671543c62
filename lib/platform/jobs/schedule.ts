// When a scheduled job is due, and whether a server should start it now. Pure: the runner
// (run-due-jobs.ts) reads the last run, asks here, and writes the answer.

/** A RUNNING run whose heartbeat is older than this was left by a server that died. */
export const LEASE_MS = 5 * 60_000;
/** A failed run is tried again after this long, up to MAX_ATTEMPTS times per due moment. */
export const RETRY_AFTER_MS = 15 * 60_000;
export const MAX_ATTEMPTS = 3;

/** The offset of `timeZone` from UTC at `at`, in milliseconds (positive east of Greenwich). */
function offsetMs(timeZone: string, at: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    })
      .formatToParts(at)
      .map((part) => [part.type, Number(part.value)]),
  );
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant at which the clock in `timeZone` shows `hour`:00 on a calendar day. */
function wallClockInstant(timeZone: string, year: number, month: number, date: number, hour: number): Date {
  const guess = Date.UTC(year, month - 1, date, hour);
  // The offset at the guess can differ from the one at the answer across a DST change: look twice.
  const first = guess - offsetMs(timeZone, new Date(guess));
  return new Date(guess - offsetMs(timeZone, new Date(first)));
}

function localDate(now: Date, timeZone: string): [number, number, number] {
  return new Intl.DateTimeFormat("en-CA", { timeZone }).format(now).split("-").map(Number) as [number, number, number];
}

function shiftDays([year, month, date]: [number, number, number], days: number): [number, number, number] {
  const shifted = new Date(Date.UTC(year, month - 1, date + days));
  return [shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate()];
}

/**
 * The latest moment at or before `now` when the clock in `timeZone` showed `hour`:00: the due
 * moment of a daily job. A server that was down at that hour still finds it, and runs it late
 * (catch-up); days missed before it are not run one by one, since each run looks at today.
 */
export function latestDailyMoment(now: Date, timeZone: string, hour: number): Date {
  const day = localDate(now, timeZone);
  const todays = wallClockInstant(timeZone, ...day, hour);
  return todays.getTime() <= now.getTime() ? todays : wallClockInstant(timeZone, ...shiftDays(day, -1), hour);
}

/** The first moment after `now` when the clock in `timeZone` shows `hour`:00: when a daily job runs next. */
export function nextDailyMoment(now: Date, timeZone: string, hour: number): Date {
  const day = localDate(now, timeZone);
  const todays = wallClockInstant(timeZone, ...day, hour);
  return todays.getTime() > now.getTime() ? todays : wallClockInstant(timeZone, ...shiftDays(day, 1), hour);
}

export type LastRun = {
  dueAt: Date;
  status: "RUNNING" | "SUCCEEDED" | "FAILED";
  attempts: number;
  heartbeatAt: Date;
  finishedAt: Date | null;
};

/** Whether to start the run for `dueAt` now, and as which attempt. */
export function startDecision(
  last: LastRun | null,
  dueAt: Date,
  now: Date,
): { start: false } | { start: true; attempt: number } {
  if (!last || last.dueAt.getTime() < dueAt.getTime()) return { start: true, attempt: 1 };
  const next = { start: true, attempt: last.attempts + 1 } as const;
  switch (last.status) {
    case "SUCCEEDED":
      return { start: false };
    case "RUNNING":
      return now.getTime() - last.heartbeatAt.getTime() > LEASE_MS ? next : { start: false };
    case "FAILED":
      return last.attempts < MAX_ATTEMPTS &&
        now.getTime() - (last.finishedAt ?? last.heartbeatAt).getTime() >= RETRY_AFTER_MS
        ? next
        : { start: false };
  }
}
