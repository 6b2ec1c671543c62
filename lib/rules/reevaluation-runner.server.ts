import "server-only";

import { getDb } from "../db/app-db.server";
import { logger } from "../log/logger";
import { pendingReevaluations, requestForOutdatedRules, runReevaluation } from "./reevaluation";

// In this server process, one runner per clinic works through its re-evaluations; a request
// made while one runs is picked up when that run ends. Work interrupted by a restart is
// resumed at start-up (instrumentation.ts) and, failing that, completed by the daily sweep.
const wanted = new Set<string>();
const running = new Set<string>();

export function reevaluateInBackground(clinicId: string): void {
  wanted.add(clinicId);
  if (running.has(clinicId)) return;
  running.add(clinicId);
  void (async () => {
    try {
      while (wanted.delete(clinicId)) await runReevaluation(await getDb(), clinicId);
    } catch (error) {
      logger.error(
        { err: error, clinicId },
        "re-evaluating a clinic's flags stopped; it resumes at the next start or sweep",
      );
    } finally {
      running.delete(clinicId);
    }
  })();
}

/** At server start: re-evaluate clinics whose flags older rules made, and finish interrupted runs. */
export async function resumeReevaluations(): Promise<void> {
  const db = await getDb();
  await requestForOutdatedRules(db);
  for (const clinicId of await pendingReevaluations(db)) reevaluateInBackground(clinicId);
}
