import "server-only";

import { getDb } from "../../platform/db/app-db.server";
import { coalescingRunner } from "../../platform/jobs/coalescing-runner";
import { pendingReevaluations, requestForOutdatedRules, runReevaluation } from "./reevaluation";

// One re-evaluation per clinic at a time in this process (lib/platform/jobs/coalescing-runner.ts). Work
// interrupted by a restart is resumed at start-up (lib/platform/jobs/registry.server.ts) and, failing
// that, completed by the daily sweep.
export const flagReevaluation = coalescingRunner(
  "flag-reevaluation",
  async (clinicId) => {
    await runReevaluation(await getDb(), clinicId);
  },
  { afterFailure: "it resumes at the next start or sweep" },
);

export function reevaluateInBackground(clinicId: string): void {
  flagReevaluation.request(clinicId);
}

/** At server start: re-evaluate clinics whose flags older rules made, and finish interrupted runs. */
export async function resumeReevaluations(): Promise<void> {
  const db = await getDb();
  await requestForOutdatedRules(db);
  for (const clinicId of await pendingReevaluations(db)) reevaluateInBackground(clinicId);
}
