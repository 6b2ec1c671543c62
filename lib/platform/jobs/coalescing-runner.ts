// Work a request asks for and the server does in the background, after answering: the
// re-evaluation of a clinic's flags after a change of its rules' settings, the clinic report's
// facts, the sending of e-mail. Per key (a clinic), one run at a time in this process; a request
// made while one runs is picked up when it ends, by one more run however many came meanwhile.
// A failed run is logged once with the job's name (never its data) and the next request runs
// again. Every server has its own runners: what they work on is in the database, and each job
// is safe beside the same job on another server (decision records 018 and 028).
import { logger } from "../log/logger";
import { jobsHolder, type RunnerState } from "./jobs-handle";

export type CoalescingRunner = {
  readonly name: string;
  /** Asks for a run for `key` (one key for the whole job when left out): now, or after the run going on. */
  request(key?: string): void;
  /** Resolves when no run of this job is going on or waiting. */
  idle(): Promise<void>;
};

async function work(state: RunnerState, key: string): Promise<void> {
  try {
    while (state.pending.delete(key)) {
      try {
        // Started from a promise, so the runner is marked running before the work begins.
        await Promise.resolve().then(() => state.run(key));
      } catch (error) {
        logger.error(
          { job: state.name, ...(key !== state.name && { key }), err: error },
          `the background job ${state.name} failed; ${state.afterFailure}`,
        );
      }
    }
  } finally {
    // In the same step as the last look at `pending`: a request after it starts a new run.
    state.running.delete(key);
  }
}

/**
 * The runner named `name`, doing `run(key)`. One runner per name in the process: a second call
 * with the name (the same module in another bundle, or reloaded in development) answers the
 * same runner, with `run` replaced. `afterFailure` tells the log when the work is done anyway.
 */
export function coalescingRunner(
  name: string,
  run: (key: string) => Promise<void>,
  { afterFailure = "it runs again at the next request" }: { afterFailure?: string } = {},
): CoalescingRunner {
  const jobs = jobsHolder();
  let state = jobs.runners.get(name);
  if (state) Object.assign(state, { run, afterFailure });
  else {
    state = { name, run, afterFailure, pending: new Set(), running: new Map() };
    jobs.runners.set(name, state);
  }
  const own = state;
  return {
    name,
    request(key = name) {
      if (!jobs.accepting) return;
      own.pending.add(key);
      if (!own.running.has(key)) own.running.set(key, work(own, key));
    },
    async idle() {
      while (own.running.size > 0) await Promise.all(own.running.values());
    },
  };
}
