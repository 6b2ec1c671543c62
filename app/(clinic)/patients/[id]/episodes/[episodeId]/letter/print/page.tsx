import Link from "next/link";
import { z } from "zod";

import { LetterDocument } from "@/components/letters/LetterDocument";
import { PrintButton } from "@/components/ui/PrintButton";
import { ids } from "@/lib/platform/entry-points/ids";
import { page } from "@/lib/platform/entry-points/page.server";
import { getLetterDocument } from "@/lib/server/letters/discharge-letters";

/**
 * One version of the discharge letter on an A4 page, to print or to preview a draft (SPEC
 * §11); the latest version without ?version. Audited as a print by the service.
 */
export default page(
  {
    name: "/patients/[id]/episodes/[episodeId]/letter/print",
    access: "clinic-patients",
    params: z.object({ id: ids.patient, episodeId: ids.episode }),
    search: z.object({ version: z.coerce.number().int().min(1).max(100_000).optional() }),
  },
  async ({ actor, db, messages, params, search }) => {
    const document = await getLetterDocument(db, actor, params.id, params.episodeId, search.version ?? null, "print");
    return (
      <div className="letter-print">
        <div className="no-print heading-actions">
          <PrintButton label={messages.letter.print} />
          <Link href={`/patients/${params.id}/episodes/${params.episodeId}/letter`}>
            {messages.letter.backToLetter}
          </Link>
        </div>
        <LetterDocument clinic={document.clinic} letter={document.letter} patient={document.patient} />
      </div>
    );
  },
);
