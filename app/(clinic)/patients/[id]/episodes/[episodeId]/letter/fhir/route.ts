import { z } from "zod";

import { ids } from "@/lib/platform/entry-points/ids";
import { route } from "@/lib/platform/entry-points/route.server";
import { AppError } from "@/lib/platform/errors";
import { fhirDownload } from "@/lib/server/fhir/fhir-response";
import { letterDocumentBundle } from "@/lib/server/fhir/letter-composition";
import { getLetterDocument } from "@/lib/server/letters/discharge-letters";

const ZParams = z.object({ id: ids.patient, episodeId: ids.episode });

/** One signed version of the discharge letter as a FHIR R4 document Bundle (SPEC §11); the latest without ?version. Audited by the service. */
export const GET = route(
  {
    name: "/patients/[id]/episodes/[episodeId]/letter/fhir",
    access: "clinic-patients",
    query: z.object({ version: z.coerce.number().int().min(1).max(100_000).optional() }),
  },
  async ({ actor, database, params, query }) => {
    const parsed = ZParams.safeParse(await params);
    if (!parsed.success) throw new AppError("NOT_FOUND");
    const { id, episodeId } = parsed.data;
    const document = await getLetterDocument(await database(), actor, id, episodeId, query.version ?? null, "fhir");
    const { letter } = document;
    // The service answers only a signed version for FHIR; the check tells the type as much.
    if (!letter.signedAt || !letter.signedBy) throw new AppError("NOT_FOUND");
    const signed = { ...letter, signedAt: letter.signedAt, signedBy: letter.signedBy };
    return fhirDownload(
      letterDocumentBundle(signed, document.patient, document.clinic, document.previousId, new Date()),
      `discharge-letter-${episodeId}-v${document.letter.version}.fhir.json`,
    );
  },
);
