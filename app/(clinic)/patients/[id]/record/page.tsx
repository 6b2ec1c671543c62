import { z } from "zod";

import { RecordPrint } from "@/components/records/RecordPrint";
import { today } from "@/lib/platform/dates";
import { ids } from "@/lib/platform/entry-points/ids";
import { page } from "@/lib/platform/entry-points/page.server";
import { exportPatientRecord } from "@/lib/server/records/patient-record";

/** A patient's whole record to read and print (SPEC §9). Audited by the service. */
export default page(
  { name: "/patients/[id]/record", access: "clinic-patients", params: z.object({ id: ids.patient }) },
  async ({ actor, db, reader, params }) => {
    const record = await exportPatientRecord(db, actor, params.id, "print", reader);
    return (
      <RecordPrint
        record={record}
        fhirHref={`/patients/${record.id}/export/fhir`}
        backHref={`/patients/${record.id}`}
        today={today(actor.timeZone)}

        locale={actor.locale}
      />
    );
  },
);
