import { z } from "zod";

import { ids } from "@/lib/entry/ids";
import { route } from "@/lib/entry/route.server";
import { AppError } from "@/lib/errors";
import { fhirDownload } from "@/lib/fhir/fhir-response";
import { patientBundle } from "@/lib/fhir/patient-bundle";
import { exportPatientRecord } from "@/lib/records/patient-record";

const ZParams = z.object({ id: ids.patient });

/** A patient's whole record as a FHIR R4 Bundle (SPEC §9). Audited by the service. */
export const GET = route(
  { name: "/patients/[id]/export/fhir", access: "clinic-patients" },
  async ({ actor, database, params }) => {
    const parsed = ZParams.safeParse(await params);
    if (!parsed.success) throw new AppError("NOT_FOUND");
    const record = await exportPatientRecord(await database(), actor, parsed.data.id, "fhir");
    return fhirDownload(patientBundle(record, actor.locale, new Date()), `patient-${record.id}.fhir.json`);
  },
);
