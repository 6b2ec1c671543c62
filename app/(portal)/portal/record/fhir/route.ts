import { route } from "@/lib/platform/entry-points/route.server";
import { fhirDownload } from "@/lib/server/fhir/fhir-response";
import { patientBundle } from "@/lib/server/fhir/patient-bundle";
import { exportOwnRecord } from "@/lib/server/records/patient-record";

/** The signed-in patient's own record as a FHIR R4 Bundle (GDPR art. 20). Audited by the service. */
export const GET = route({ name: "/portal/record/fhir", access: "own-record" }, async ({ actor, database }) => {
  const record = await exportOwnRecord(await database(), actor, "fhir");
  return fhirDownload(patientBundle(record, actor.locale, new Date()), "min-journal.fhir.json");
});
