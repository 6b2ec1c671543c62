// A PostgreSQL streaming replica for the reads that tolerate a second's lag (SPEC §8, decision
// record 035). The replica is used only while it answers and keeps up: a monitor measures it
// at most once a second, and every read that fails on it is run again on the primary, so a
// replica that stops, restarts or falls behind never fails a page; it only moves the reads back.
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

/** "none": no replica is configured. */
export type ReplicaState = "ok" | "lagging" | "down";

/** How far behind the primary a replica may be and still serve reads (SPEC §8: a second). */
export const REPLICA_MAX_LAG_MS = 1_000;
/** How old the last measurement may be before a read asks for a new one. */
export const REPLICA_PROBE_INTERVAL_MS = 1_000;
/**
 * How long a read waits for a connection to the replica (or for a free one in its pool) before
 * it goes to the primary instead: a replica that is gone must not hold a page up for long.
 */
export const REPLICA_CONNECT_MS = 2_000;

/**
 * One statement on the replica. The replay timestamp alone misleads: on an idle primary nothing
 * is replayed and the last replayed transaction grows old while the replica is fully caught up.
 * So a replica that has replayed all it received, and is receiving (a WAL receiver runs, which
 * any role may see), is in step whatever the timestamp says; only while WAL waits to be
 * replayed does the age of the last replayed transaction tell the lag.
 */
const PROBE_SQL = `select pg_is_in_recovery() as standby,
  exists (select 1 from pg_stat_wal_receiver) as receiving,
  coalesce(pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn(), false) as "caughtUp",
  extract(epoch from (now() - pg_last_xact_replay_timestamp())) * 1000 as "replayAgeMs"`;

type Probe = { standby: boolean; receiving: boolean; caughtUp: boolean; replayAgeMs: number | null };

/** What a measurement says of the replica: pure, so the rule is tested on its own. */
export function judgeReplica(probe: Probe, maxLagMs = REPLICA_MAX_LAG_MS): Exclude<ReplicaState, "down"> {
  // A server that is not in recovery (promoted, or the primary named twice) follows no primary.
  if (!probe.standby || !probe.receiving) return "lagging";
  if (probe.caughtUp) return "ok";
  return probe.replayAgeMs !== null && probe.replayAgeMs <= maxLagMs ? "ok" : "lagging";
}

/** Measures the replica through its own pool; a replica that does not answer is "down". */
export async function probeReplica(pool: pg.Pool): Promise<ReplicaState> {
  try {
    const { rows } = await pool.query<Probe & { replayAgeMs: string | number | null }>(PROBE_SQL);
    const row = rows[0]!;
    return judgeReplica({ ...row, replayAgeMs: row.replayAgeMs === null ? null : Number(row.replayAgeMs) });
  } catch {
    return "down";
  }
}

/**
 * The replica's last known state, measured again when a read asks and the last measurement is
 * older than the interval (never more than one at a time, and never awaited by the read: it
 * goes by the state known now). Each change of state is reported once, not once per request.
 */
export class ReplicaMonitor {
  #state: ReplicaState | "unknown" = "unknown";
  #measuredAt = -Infinity;
  #measuring: Promise<ReplicaState> | null = null;

  constructor(
    private readonly measure: () => Promise<ReplicaState>,
    private readonly changed: (state: ReplicaState, previous: ReplicaState | "unknown") => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether reads may go to the replica now. Until the first measurement is in, they may not. */
  usable(): boolean {
    if (this.now() - this.#measuredAt >= REPLICA_PROBE_INTERVAL_MS) void this.measureNow();
    return this.#state === "ok";
  }

  /** A new measurement (shared with one already under way). */
  measureNow(): Promise<ReplicaState> {
    this.#measuring ??= this.measure()
      .catch((): ReplicaState => "down")
      .then((state) => {
        this.#set(state);
        return state;
      })
      .finally(() => {
        this.#measuring = null;
      });
    return this.#measuring;
  }

  /** A read failed on the replica: the reads go to the primary until the next measurement says otherwise. */
  failed(): void {
    this.#set("down");
  }

  /** A write was not replayed within the bound (awaitReplay): the same, as "lagging". */
  behind(): void {
    this.#set("lagging");
  }

  #set(state: ReplicaState) {
    this.#measuredAt = this.now();
    const previous = this.#state;
    this.#state = state;
    if (state !== previous) this.changed(state, previous);
  }
}

/** PostgreSQL's "cannot execute … in a read-only transaction" (SQLSTATE 25006), as the adapter reports it. */
function isReadOnlyRefusal(error: unknown): boolean {
  const cause = (error as { cause?: { kind?: string; code?: string } } | null)?.cause;
  return cause?.kind === "postgres" && cause.code === "25006";
}

/**
 * The replica's adapter factory: each query, and each transaction's start, goes to the replica
 * while the monitor finds it usable, and to the primary otherwise or when it fails there.
 * Only reads come here (the services that take a reader write through the primary's client),
 * so running a failed query again on the primary repeats nothing. A transaction that has begun
 * on the replica stays there; should the replica go away in its middle, that one read fails.
 */
export function replicaAdapterFactory(
  replica: SqlDriverAdapterFactory,
  primary: SqlDriverAdapterFactory,
  monitor: ReplicaMonitor,
): SqlDriverAdapterFactory {
  return {
    provider: replica.provider,
    adapterName: replica.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const [onReplica, onPrimary] = await Promise.all([replica.connect(), primary.connect()]);
      async function either<T>(run: (adapter: SqlDriverAdapter) => Promise<T>): Promise<T> {
        if (!monitor.usable()) return run(onPrimary);
        try {
          return await run(onReplica);
        } catch (error) {
          // A write sent through the reader is a bug to see, not to carry out on the primary.
          if (isReadOnlyRefusal(error)) throw error;
          monitor.failed();
          return run(onPrimary);
        }
      }
      return {
        provider: onReplica.provider,
        adapterName: onReplica.adapterName,
        queryRaw: (query: SqlQuery) => either((adapter) => adapter.queryRaw(query)),
        executeRaw: (query: SqlQuery) => either((adapter) => adapter.executeRaw(query)),
        startTransaction: (isolationLevel?: IsolationLevel): Promise<Transaction> =>
          either((adapter) => adapter.startTransaction(isolationLevel)),
        // Scripts are migrations, and migrations are the primary's.
        executeScript: (script: string) => onPrimary.executeScript(script),
        async dispose() {
          await Promise.all([onReplica.dispose(), onPrimary.dispose()]);
        },
      };
    },
  };
}

export type Replica = {
  factory: SqlDriverAdapterFactory;
  monitor: ReplicaMonitor;
  /** Whether the replica has replayed the primary's WAL up to `lsn`. */
  replayed(lsn: string): Promise<boolean>;
  close(): Promise<void>;
};

/** How often a writer's wait asks the replica whether it has replayed the write. */
const REPLAY_POLL_MS = 5;

/**
 * Read-your-writes with nothing kept per user or per server: after a write, wait until the
 * replica has replayed the primary's WAL position of that moment (normally a few milliseconds),
 * at most the lag bound. A replica that has not replayed it by then is taken for lagging, so
 * every read goes to the primary until a measurement finds it in step again. So whoever wrote,
 * on whichever app server, reads their write next. Never throws; answers whether the replica
 * has the write.
 */
export async function awaitReplay(
  replica: Replica,
  primaryLsn: () => Promise<string>,
  maxMs = REPLICA_MAX_LAG_MS,
): Promise<boolean> {
  // Reads go to the primary already: nothing to wait for.
  if (!replica.monitor.usable()) return false;
  try {
    const lsn = await primaryLsn();
    const deadline = Date.now() + maxMs;
    while (!(await replica.replayed(lsn))) {
      if (Date.now() >= deadline) {
        replica.monitor.behind();
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, REPLAY_POLL_MS));
    }
    return true;
  } catch {
    replica.monitor.failed();
    return false;
  }
}

/**
 * The replica at `url`, beside the primary whose adapter factory takes the reads it cannot.
 * Opening it never fails: a replica that does not answer yet is "down" until it does.
 */
export function openReplica(
  url: string,
  primary: SqlDriverAdapterFactory,
  changed: (state: ReplicaState, previous: ReplicaState | "unknown") => void,
): Replica {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: REPLICA_CONNECT_MS, max: 10 });
  // Errors of idle clients (the replica stopped) would otherwise crash the process.
  pool.on("error", () => {});
  const monitor = new ReplicaMonitor(() => probeReplica(pool), changed);
  return {
    factory: replicaAdapterFactory(new PrismaPg(pool), primary, monitor),
    monitor,
    async replayed(lsn) {
      const { rows } = await pool.query<{ replayed: boolean }>(
        "select coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) as replayed",
        [lsn],
      );
      return rows[0]!.replayed;
    },
    close: () => pool.end(),
  };
}
