import "server-only";

import { getDb } from "../../platform/db/app-db.server";
import { coalescingRunner } from "../../platform/jobs/coalescing-runner";
import { refreshOutdatedReportFacts } from "./report-facts";

// One refresh per clinic at a time in this process (lib/platform/jobs/coalescing-runner.ts). At start
// every clinic is checked, which fills in the facts of episodes from before the report existed
// and after a new REPORT_FACTS_VERSION.
export const reportFactsRefresh = coalescingRunner(
  "report-facts",
  async (clinicId) => {
    await refreshOutdatedReportFacts(await getDb(), clinicId);
  },
  { afterFailure: "it resumes at the next start or settings change" },
);

export function refreshReportFactsInBackground(clinicId: string): void {
  reportFactsRefresh.request(clinicId);
}

export async function resumeReportFacts(): Promise<void> {
  const db = await getDb();
  for (const clinic of await db.clinic.findMany({ select: { id: true } })) refreshReportFactsInBackground(clinic.id);
}
