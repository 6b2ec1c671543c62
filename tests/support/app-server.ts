// A production server started the way `npm start` starts it, on a port of the test's own, with
// what it printed kept for a failure's report (and for tests that read its log). Used by the
// crash test and the two-server test.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

import { waitForHealth } from "./http-client";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** Lines kept of what the server printed; a test that reads the log needs no more. */
const KEPT_LINES = 5_000;

export class AppServer {
  private child: ChildProcess | null = null;
  private lines: string[] = [];
  readonly baseURL: string;

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    this.baseURL = `http://127.0.0.1:${port}`;
  }

  /** What the server printed, line by line (the newest KEPT_LINES). */
  get output(): readonly string[] {
    return this.lines;
  }

  /** Starts the server and resolves when it answers its health check; answers how long that took (ms). */
  async start(): Promise<number> {
    const started = performance.now();
    // SERVER_CPU_PROFILE_DIR: the server writes a V8 CPU profile there when it stops (open it in
    // Chrome's DevTools), e.g. to see where the morning peak's time goes in the app.
    const profileDir = process.env.SERVER_CPU_PROFILE_DIR;
    const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
    const child = spawn(process.execPath, [...profile, "--import", "tsx", path.join(ROOT, "scripts/start.ts")], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        LOG_LEVEL: "warn",
        ...this.env,
        PORT: String(this.port),
        HOST: "127.0.0.1",
        NEXTAUTH_URL: this.baseURL,
      },
    });
    let partial = "";
    const keep = (chunk: Buffer) => {
      const parts = (partial + chunk.toString()).split("\n");
      partial = parts.pop()!;
      this.lines.push(...parts);
      if (this.lines.length > KEPT_LINES) this.lines.splice(0, this.lines.length - KEPT_LINES);
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    this.child = child;
    const printed = () => this.lines.slice(-200).join("\n");
    const exited = new Promise<never>((_, reject) =>
      child.once("exit", (code) => reject(new Error(`the server exited (${code}) while starting:\n${printed()}`))),
    );
    await Promise.race([
      waitForHealth(this.baseURL, 180_000).catch((error: Error) => {
        throw new Error(`${error.message} It printed:\n${printed()}`);
      }),
      exited,
    ]);
    exited.catch(() => undefined);
    return performance.now() - started;
  }

  /** SIGKILL: no shutdown of any kind, as a power cut or the OOM killer would. */
  async kill(): Promise<void> {
    await this.end("SIGKILL");
  }

  /** SIGTERM: the server closes as it does when its host stops it. */
  async stop(): Promise<void> {
    await this.end("SIGTERM");
  }

  private async end(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    // Its exit is expected now: not the "exited while starting" failure.
    child.removeAllListeners("exit");
    const gone = new Promise((resolve) => child.once("exit", resolve));
    child.kill(signal);
    await gone;
  }
}
