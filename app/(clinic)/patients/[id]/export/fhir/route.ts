import { z } from "zod";

import { ids } from "@/lib/platform/entry-points/ids";
import { route } from "@/lib/platform/entry-points/route.server";
import { AppError } from "@/lib/platform/errors";
import { fhirDownload } from "@/lib/server/fhir/fhir-response";
import { patientBundle } from "@/lib/server/fhir/patient-bundle";
import { exportPatientRecord } from "@/lib/server/records/patient-record";

const ZParams = z.object({ id: ids.patient });

/** A patient's whole record as a FHIR R4 Bundle (SPEC §9). Audited by the service. */
export const GET = route(
  { name: "/patients/[id]/export/fhir", access: "clinic-patients" },
  async ({ actor, database, readDatabase, params }) => {
    const parsed = ZParams.safeParse(await params);
    if (!parsed.success) throw new AppError("NOT_FOUND");
    const record = await exportPatientRecord(await database(), actor, parsed.data.id, "fhir", await readDatabase());
    return fhirDownload(patientBundle(record, actor.locale, new Date()), `patient-${record.id}.fhir.json`);
  },
);
