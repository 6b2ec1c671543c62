import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery } from "@prisma/driver-adapter-utils";
import { describe, expect, it, vi } from "vitest";

import {
  judgeReplica,
  REPLICA_MAX_LAG_MS,
  REPLICA_PROBE_INTERVAL_MS,
  replicaAdapterFactory,
  ReplicaMonitor,
  type ReplicaState,
} from "./replica";

describe("judgeReplica", () => {
  const inStep = { standby: true, receiving: true, caughtUp: true, replayAgeMs: 3_600_000 };

  it("finds a replica that replayed all it received in step, however old its last transaction (an idle primary)", () => {
    expect(judgeReplica(inStep)).toBe("ok");
  });

  it("measures the lag by the last replayed transaction only while WAL waits to be replayed", () => {
    expect(judgeReplica({ ...inStep, caughtUp: false, replayAgeMs: REPLICA_MAX_LAG_MS })).toBe("ok");
    expect(judgeReplica({ ...inStep, caughtUp: false, replayAgeMs: REPLICA_MAX_LAG_MS + 1 })).toBe("lagging");
    expect(judgeReplica({ ...inStep, caughtUp: false, replayAgeMs: null })).toBe("lagging");
  });

  it("does not read from a server that follows no primary", () => {
    expect(judgeReplica({ ...inStep, receiving: false })).toBe("lagging");
    expect(judgeReplica({ ...inStep, standby: false })).toBe("lagging");
  });
});

describe("ReplicaMonitor", () => {
  function monitor(states: ReplicaState[]) {
    let now = 0;
    const changes: string[] = [];
    const measure = vi.fn(async () => states.shift() ?? "ok");
    const m = new ReplicaMonitor(
      measure,
      (state, previous) => changes.push(`${previous}→${state}`),
      () => now,
    );
    return { m, measure, changes, later: (ms: number) => (now += ms) };
  }

  it("sends reads to the primary until the first measurement is in, and measures at most once an interval", async () => {
    const { m, measure, later } = monitor(["ok"]);
    expect(m.usable()).toBe(false);
    await m.measureNow();
    expect(m.usable()).toBe(true);
    expect(m.usable()).toBe(true);
    expect(measure).toHaveBeenCalledTimes(1);
    later(REPLICA_PROBE_INTERVAL_MS);
    m.usable();
    expect(measure).toHaveBeenCalledTimes(2);
  });

  it("reports each change of state once, not once per read", async () => {
    const { m, changes, later } = monitor(["ok", "lagging", "lagging", "ok"]);
    for (let i = 0; i < 4; i += 1) {
      await m.measureNow();
      m.usable();
      later(REPLICA_PROBE_INTERVAL_MS);
    }
    expect(changes).toEqual(["unknown→ok", "ok→lagging", "lagging→ok"]);
  });

  it("takes a failed read as down until the next measurement", async () => {
    const { m, changes } = monitor(["ok", "ok"]);
    await m.measureNow();
    m.failed();
    m.failed();
    expect(m.usable()).toBe(false);
    await m.measureNow();
    expect(m.usable()).toBe(true);
    expect(changes).toEqual(["unknown→ok", "ok→down", "down→ok"]);
  });

  it("takes a measurement that throws as down", async () => {
    const m = new ReplicaMonitor(
      () => Promise.reject(new Error("refused")),
      () => {},
    );
    expect(await m.measureNow()).toBe("down");
  });
});

describe("replicaAdapterFactory", () => {
  const QUERY: SqlQuery = { sql: "select 1", args: [], argTypes: [] };
  function adapter(name: string, fail?: unknown): SqlDriverAdapterFactory {
    const answer = async () => {
      if (fail) throw fail;
      return { columnNames: ["server"], columnTypes: [], rows: [[name]] };
    };
    return {
      provider: "postgres",
      adapterName: "@prisma/adapter-pg",
      connect: async () =>
        ({ provider: "postgres", adapterName: name, queryRaw: answer }) as unknown as SqlDriverAdapter,
    };
  }
  async function usableMonitor() {
    const monitor = new ReplicaMonitor(
      async () => "ok",
      () => {},
    );
    await monitor.measureNow();
    return monitor;
  }

  it("reads on the replica while it is usable", async () => {
    const connected = await replicaAdapterFactory(
      adapter("replica"),
      adapter("primary"),
      await usableMonitor(),
    ).connect();
    expect((await connected.queryRaw(QUERY)).rows).toEqual([["replica"]]);
  });

  it("reads on the primary when the replica fails, and until it is measured again", async () => {
    const monitor = await usableMonitor();
    const connected = await replicaAdapterFactory(
      adapter("replica", new Error("Connection terminated unexpectedly")),
      adapter("primary"),
      monitor,
    ).connect();
    expect((await connected.queryRaw(QUERY)).rows).toEqual([["primary"]]);
    expect(monitor.usable()).toBe(false);
  });

  it("lets a write sent through the reader fail rather than carry it out on the primary", async () => {
    const refusal = Object.assign(new Error("read-only"), { cause: { kind: "postgres", code: "25006" } });
    const connected = await replicaAdapterFactory(
      adapter("replica", refusal),
      adapter("primary"),
      await usableMonitor(),
    ).connect();
    await expect(connected.queryRaw(QUERY)).rejects.toBe(refusal);
  });
});
