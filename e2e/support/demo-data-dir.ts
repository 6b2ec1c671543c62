// Where the end-to-end tests keep their servers' data: the demo database made once by the
// global set-up, and each server's own copy of it.
import { cp } from "node:fs/promises";
import path from "node:path";

export const E2E_DATA_DIR = path.resolve(import.meta.dirname, "../../.e2e-data");
export const DEMO_DATA_DIR = path.join(E2E_DATA_DIR, "demo");

/** A new data folder at `dataDir` holding the demo database, its data key and its secret. */
export async function copyDemoDataDir(dataDir: string): Promise<string> {
  await cp(DEMO_DATA_DIR, dataDir, { recursive: true });
  return dataDir;
}
