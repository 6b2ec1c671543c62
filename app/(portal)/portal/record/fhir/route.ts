import { route } from "@/lib/entry/route.server";
import { fhirDownload } from "@/lib/fhir/fhir-response";
import { patientBundle } from "@/lib/fhir/patient-bundle";
import { exportOwnRecord } from "@/lib/records/patient-record";

/** The signed-in patient's own record as a FHIR R4 Bundle (GDPR art. 20). Audited by the service. */
export const GET = route({ name: "/portal/record/fhir", access: "own-record" }, async ({ actor, database }) => {
  const record = await exportOwnRecord(await database(), actor, "fhir");
  return fhirDownload(patientBundle(record, actor.locale, new Date()), "min-journal.fhir.json");
});
