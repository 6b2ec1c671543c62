// A PostgreSQL primary and its streaming replica, both of our own, for the replica tests. The
// system's server is left alone: its
// pg_hba allows no replication, and tests do not edit system configuration. So a small primary
// is made with initdb in a temporary folder, on its own port, allowing replication from this
// machine; the replica is a base backup of it (pg_basebackup -R: it starts as a standby that
// streams from the primary). Both are stopped and removed by close(). Run as the "postgres"
// user when we are root: PostgreSQL refuses to run as root.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { appendFile, chown, mkdtemp, readdir, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The newest PostgreSQL server tools Debian installed (initdb, pg_ctl, pg_basebackup), or null. */
export async function findPostgresTools(): Promise<string | null> {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? (await readdir(root)).filter((v) => /^\d+$/.test(v)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  const bin = newest ? path.join(root, newest, "bin") : null;
  return bin && ["initdb", "pg_ctl", "pg_basebackup"].every((tool) => existsSync(path.join(bin, tool))) ? bin : null;
}

export type ReplicaPair = {
  /** A URL of `database` on the primary, or on the replica. */
  primaryUrl(database?: string): string;
  replicaUrl(database?: string): string;
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  close(): Promise<void>;
};

/** Starts the pair in a new temporary folder: a few seconds (initdb, a base backup of an empty cluster, two starts). */
export async function startReplicaPair(bin: string): Promise<ReplicaPair> {
  const root = await mkdtemp(path.join(os.tmpdir(), "heelpain-replica-"));
  const asRoot = process.getuid?.() === 0;
  const postgresUid = asRoot ? Number((await run("id", ["-u", "postgres"])).stdout.trim()) : null;
  if (postgresUid !== null) await chown(root, postgresUid, postgresUid);
  // The servers outlive the command that starts them and would keep every file descriptor it
  // inherited, among them a lock the test run may be holding (flock /tmp/heavy.lock): a server
  // left behind by a killed run would hold it. So descriptors above stderr are closed first.
  const tool = (name: string, args: string[]) =>
    run("bash", [
      "-c",
      'for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done; exec "$@"',
      "bash",
      ...(asRoot ? ["runuser", "-u", "postgres", "--"] : []),
      path.join(bin, name),
      ...args,
    ]);
  const primaryDir = path.join(root, "primary");
  const replicaDir = path.join(root, "replica");
  const [primaryPort, replicaPort] = await Promise.all([freePort(), freePort()]);
  const pgCtl = (dir: string, action: "start" | "stop") =>
    tool("pg_ctl", ["-D", dir, "-l", `${dir}.log`, "-w", "-m", "fast", action]);

  await tool("initdb", ["-D", primaryDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  await appendFile(
    path.join(primaryDir, "postgresql.conf"),
    conf({
      port: String(primaryPort),
      listen_addresses: "'127.0.0.1'",
      unix_socket_directories: `'${root}'`,
      wal_level: "replica",
      max_wal_senders: "4",
      hot_standby: "on",
      // Tests need no durability across a crash of the machine; the replica's lag is what is measured.
      fsync: "off",
    }),
  );
  await appendFile(path.join(primaryDir, "pg_hba.conf"), "host replication all 127.0.0.1/32 trust\n");
  await pgCtl(primaryDir, "start");
  const primaryUrl = (database = "postgres") => `postgres://postgres@127.0.0.1:${primaryPort}/${database}`;
  try {
    const backup = ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-D", replicaDir];
    await tool("pg_basebackup", [...backup, "-R", "-X", "stream", "-c", "fast", "--no-sync"]);
    await appendFile(path.join(replicaDir, "postgresql.conf"), conf({ port: String(replicaPort) }));
    await pgCtl(replicaDir, "start");
  } catch (error) {
    await pgCtl(primaryDir, "stop").catch(() => {});
    throw error;
  }
  let replicaRunning = true;
  return {
    primaryUrl,
    replicaUrl: (database = "postgres") => `postgres://postgres@127.0.0.1:${replicaPort}/${database}`,
    async stopReplica() {
      await pgCtl(replicaDir, "stop");
      replicaRunning = false;
    },
    async startReplica() {
      await pgCtl(replicaDir, "start");
      replicaRunning = true;
    },
    async close() {
      if (replicaRunning) await pgCtl(replicaDir, "stop").catch(() => {});
      await pgCtl(primaryDir, "stop").catch(() => {});
      await rm(root, { recursive: true, force: true });
    },
  };
}

const conf = (settings: Record<string, string>) =>
  `\n${Object.entries(settings)
    .map(([key, value]) => `${key} = ${value}`)
    .join("\n")}\n`;

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
