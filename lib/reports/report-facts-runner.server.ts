import "server-only";

import { getDb } from "../db/app-db.server";
import { logger } from "../log/logger";
import { refreshOutdatedReportFacts } from "./report-facts";

// In this server process, one refresh per clinic at a time; a request made while one runs is
// picked up when it ends. At start every clinic is checked, which fills in the facts of
// episodes from before the report existed and after a new REPORT_FACTS_VERSION.
const wanted = new Set<string>();
const running = new Set<string>();

export function refreshReportFactsInBackground(clinicId: string): void {
  wanted.add(clinicId);
  if (running.has(clinicId)) return;
  running.add(clinicId);
  void (async () => {
    try {
      while (wanted.delete(clinicId)) await refreshOutdatedReportFacts(await getDb(), clinicId);
    } catch (error) {
      logger.error(
        { err: error, clinicId },
        "working out the clinic report's facts stopped; it resumes at the next start or settings change",
      );
    } finally {
      running.delete(clinicId);
    }
  })();
}

export async function resumeReportFacts(): Promise<void> {
  const db = await getDb();
  for (const clinic of await db.clinic.findMany({ select: { id: true } })) refreshReportFactsInBackground(clinic.id);
}
