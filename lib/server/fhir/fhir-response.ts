import type { Bundle } from "@medplum/fhirtypes";

/** A bundle as a download: FHIR's own JSON media type, never cached. */
export function fhirDownload(bundle: Bundle, filename: string): Response {
  return new Response(JSON.stringify(bundle, null, 2), {
    headers: {
      "content-type": "application/fhir+json; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
