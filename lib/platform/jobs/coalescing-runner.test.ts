// The on-demand runner with real promises: runs are held open by the test and let go one by one.
import { afterEach, describe, expect, it, vi } from "vitest";

import { logger } from "../log/logger";
import { coalescingRunner } from "./coalescing-runner";
import { jobsHolder, stopJobs } from "./jobs-handle";

/** A run the test ends when it wants: `release()` resolves it, `fail()` rejects it. */
type Held = { key: string; release(): void; fail(error: Error): void };

function heldRuns() {
  const runs: Held[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const run = (key: string) =>
    new Promise<void>((resolve, reject) => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      const done = () => (running -= 1);
      runs.push({
        key,
        release: () => (done(), resolve()),
        fail: (error) => (done(), reject(error)),
      });
    });
  return { run, runs, mostAtOnce: () => mostAtOnce };
}

/** Lets the runner take its next step (a run starts from a promise). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let names = 0;
const uniqueName = () => `test-job-${process.pid}-${(names += 1)}`;

afterEach(() => {
  vi.restoreAllMocks();
  jobsHolder().accepting = true;
});

describe("coalescingRunner", () => {
  it("runs at once, and once more for any number of requests made while a run goes on", async () => {
    const { run, runs } = heldRuns();
    const runner = coalescingRunner(uniqueName(), run);

    runner.request("clinic-a");
    await settle();
    expect(runs).toHaveLength(1);

    // Three requests during the run: one more run after it, not three.
    runner.request("clinic-a");
    runner.request("clinic-a");
    runner.request("clinic-a");
    await settle();
    expect(runs).toHaveLength(1);

    runs[0]!.release();
    await settle();
    expect(runs).toHaveLength(2);
    runs[1]!.release();
    await runner.idle();
    expect(runs.map((held) => held.key)).toEqual(["clinic-a", "clinic-a"]);

    // Idle again: the next request starts a run of its own.
    runner.request("clinic-a");
    await settle();
    expect(runs).toHaveLength(3);
    runs[2]!.release();
    await runner.idle();
  });

  it("runs each key on its own, one run per key at a time", async () => {
    const { run, runs, mostAtOnce } = heldRuns();
    const runner = coalescingRunner(uniqueName(), run);
    runner.request("clinic-a");
    runner.request("clinic-b");
    runner.request("clinic-a");
    await settle();
    expect(runs.map((held) => held.key)).toEqual(["clinic-a", "clinic-b"]);
    for (const held of runs.slice()) held.release();
    await settle();
    expect(runs.map((held) => held.key)).toEqual(["clinic-a", "clinic-b", "clinic-a"]);
    runs[2]!.release();
    await runner.idle();
    expect(mostAtOnce()).toBe(2);
  });

  it("logs a failed run once with the job's name, and runs again at the next request", async () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
    const { run, runs } = heldRuns();
    const name = uniqueName();
    const runner = coalescingRunner(name, run, { afterFailure: "it resumes at the next start" });

    runner.request("clinic-a");
    await settle();
    runs[0]!.fail(new Error("the database went away"));
    await runner.idle();

    expect(logged).toHaveBeenCalledTimes(1);
    const [fields, message] = logged.mock.calls[0] as unknown as [Record<string, unknown>, string];
    expect(fields).toMatchObject({ job: name, key: "clinic-a" });
    expect(fields.err).toBeInstanceOf(Error);
    expect(message).toBe(`the background job ${name} failed; it resumes at the next start`);

    runner.request("clinic-a");
    await settle();
    expect(runs).toHaveLength(2);
    runs[1]!.release();
    await runner.idle();
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it("after a failed run, still runs a request made during it", async () => {
    vi.spyOn(logger, "error").mockImplementation(() => {});
    const { run, runs } = heldRuns();
    const runner = coalescingRunner(uniqueName(), run);
    runner.request();
    await settle();
    runner.request();
    runs[0]!.fail(new Error("refused"));
    await settle();
    expect(runs).toHaveLength(2);
    runs[1]!.release();
    await runner.idle();
  });

  it("is one runner per name: asked for twice, the second call's work is the one done", async () => {
    const name = uniqueName();
    const first = heldRuns();
    const second = heldRuns();
    coalescingRunner(name, first.run);
    const again = coalescingRunner(name, second.run);
    again.request();
    await settle();
    expect(first.runs).toHaveLength(0);
    expect(second.runs).toHaveLength(1);
    second.runs[0]!.release();
    await again.idle();
  });

  it("once stopped, takes no request, drops the waiting one and waits for the run going on", async () => {
    const { run, runs } = heldRuns();
    const runner = coalescingRunner(uniqueName(), run);
    runner.request("clinic-a");
    await settle();
    runner.request("clinic-a");

    let stopped = false;
    const stopping = stopJobs().then(() => (stopped = true));
    runner.request("clinic-b");
    await settle();
    expect(stopped).toBe(false);

    runs[0]!.release();
    await stopping;
    expect(runs.map((held) => held.key)).toEqual(["clinic-a"]);
  });
});
