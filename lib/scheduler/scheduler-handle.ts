// The running scheduler of this process, on globalThis: the scheduler lives in the Next.js
// server bundle (started from instrumentation.ts) and the HTTP server that stops it at shutdown
// (lib/http/app-server.ts) outside it, so they share no module instance.
export type SchedulerHandle = { stop(): Promise<void> };

export const SCHEDULER_HOLDER = globalThis as typeof globalThis & { __heelpainScheduler?: SchedulerHandle };

/** Stops the ticks and waits for a run in progress, so the database is not closed under it. */
export async function stopScheduler(): Promise<void> {
  await SCHEDULER_HOLDER.__heelpainScheduler?.stop();
}
