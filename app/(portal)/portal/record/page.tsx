import { RecordPrint } from "@/components/records/RecordPrint";
import { today } from "@/lib/platform/dates";
import { page } from "@/lib/platform/entry-points/page.server";
import { exportOwnRecord } from "@/lib/server/records/patient-record";

/** The patient's own record to read, print and download (GDPR art. 15 and 20). Audited by the service. */
export default page({ name: "/portal/record", access: "own-record" }, async ({ actor, db }) => {
  const record = await exportOwnRecord(db, actor, "print");
  return (
    <div className="portal">
      <RecordPrint
        record={record}
        fhirHref="/portal/record/fhir"
        forPatient
        backHref="/portal"
        today={today(actor.timeZone)}

        locale={actor.locale}
      />
    </div>
  );
});
