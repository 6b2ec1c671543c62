// Starts the test MitID broker (oidc-broker-process.ts) in its own process and drives its mode.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

import type { BrokerMode, BrokerSettings } from "./oidc-broker-process";

export type { BrokerMode, BrokerShape } from "./oidc-broker-process";

/**
 * Ports nobody listens on now, all different (the broker and the app must know each other's
 * before either starts): held open together, so the system cannot hand out one twice.
 */
export async function freePorts(count: number): Promise<number[]> {
  const probes = Array.from({ length: count }, () => createServer().listen(0, "127.0.0.1"));
  await Promise.all(probes.map((probe) => new Promise((resolve) => probe.once("listening", resolve))));
  const ports = probes.map((probe) => (probe.address() as { port: number }).port);
  await Promise.all(probes.map((probe) => new Promise((resolve) => probe.close(resolve))));
  return ports;
}

export class OidcBroker {
  private child: ChildProcess | null = null;
  readonly issuer: string;

  constructor(private readonly settings: BrokerSettings) {
    this.issuer = `http://127.0.0.1:${settings.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(import.meta.dirname, "oidc-broker-process.ts")],
      {
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, NODE_ENV: "production", BROKER_SETTINGS: JSON.stringify(this.settings) },
      },
    );
    this.child = child;
    let printed = "";
    await new Promise<void>((resolve, reject) => {
      const keep = (chunk: Buffer) => {
        printed += chunk.toString();
        if (process.env.BROKER_DEBUG) process.stderr.write(chunk);
        if (printed.includes("broker listening")) resolve();
      };
      child.stdout!.on("data", keep);
      child.stderr!.on("data", keep);
      child.once("exit", (code) => reject(new Error(`the test broker exited (${code}):\n${printed}`)));
    });
  }

  async setMode(mode: BrokerMode): Promise<void> {
    const answer = await fetch(`${this.issuer}/__broker/mode`, { method: "POST", body: JSON.stringify({ mode }) });
    if (!answer.ok) throw new Error(`the test broker did not take mode ${mode}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
}
