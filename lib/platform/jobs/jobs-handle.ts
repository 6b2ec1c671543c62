// The background work of this process, on globalThis: the jobs live in the Next.js server
// bundle (started from instrumentation.ts, asked for by actions) and the HTTP server that stops
// them at shutdown (lib/platform/http/app-server.ts) outside it, so they share no module instance; and a
// runner asked for from two bundles (an action, the start-up) must still be one runner.
// No imports: lib/platform/http/app-server.ts loads this beside Next.js.

/** One on-demand runner's state (lib/platform/jobs/coalescing-runner.ts), kept under its name. */
export type RunnerState = {
  name: string;
  run: (key: string) => Promise<void>;
  afterFailure: string;
  /** Keys asked for and not yet started. */
  pending: Set<string>;
  /** The run going on for a key, and the ones asked for after it. */
  running: Map<string, Promise<void>>;
};

type JobsHolder = {
  /** The minute clock (lib/platform/jobs/registry.server.ts), while it ticks. */
  ticking?: { stop(): Promise<void> };
  runners: Map<string, RunnerState>;
  /** False once stopped: requests are ignored, so nothing starts while the server closes. */
  accepting: boolean;
};

const holder = globalThis as typeof globalThis & { __heelpainJobs?: JobsHolder };

export function jobsHolder(): JobsHolder {
  holder.__heelpainJobs ??= { runners: new Map(), accepting: true };
  return holder.__heelpainJobs;
}

/**
 * Stops every job of this process: the minute clock ticks no more and its tick in progress
 * ends; the on-demand runners take no more requests, drop the ones waiting, and finish the run
 * going on. Resolves when nothing runs, so the database is not closed under a run. A job
 * stopped here is picked up again at the next start (each one says how).
 */
export async function stopJobs(): Promise<void> {
  const jobs = jobsHolder();
  jobs.accepting = false;
  for (const runner of jobs.runners.values()) runner.pending.clear();
  const ticking = jobs.ticking;
  jobs.ticking = undefined;
  await ticking?.stop();
  await Promise.all([...jobs.runners.values()].flatMap((runner) => [...runner.running.values()]));
}
