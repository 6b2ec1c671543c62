// Runs a command-line entry point: known failures print their message (never a stack
// trace, never patient data) and exit with status 1.
import { DataKeyError } from "../lib/platform/cpr/data-key";
import { DatabaseUnavailableError } from "../lib/platform/db/database";
import { MigrationError } from "../lib/platform/db/migrations";
import { EnvError } from "../lib/platform/env";

export class UsageError extends Error {
  override name = "UsageError";
}

const EXPECTED = [DatabaseUnavailableError, MigrationError, EnvError, DataKeyError, UsageError];

/** Exits once stdout has drained: a bare process.exit() cuts piped output at 64 KiB. */
function exitAfterOutput(code: number) {
  process.stdout.write("", () => process.exit(code));
}

export function runCli(main: () => Promise<void>): void {
  main().then(
    () => exitAfterOutput(Number(process.exitCode ?? 0)),
    (error: unknown) => {
      if (EXPECTED.some((kind) => error instanceof kind)) {
        console.error(`Error: ${(error as Error).message}`);
      } else {
        console.error(error);
      }
      exitAfterOutput(1);
    },
  );
}
