import { EDUCATION } from "@/lib/education/education-content";
import type { Locale } from "@/lib/generated/prisma/enums";

/**
 * The signs that need a doctor the same day, and where to turn (SPEC §7), as the education page
 * gives them. Under a `title` of its own (with a `lead`), the signs follow it with their heading.
 */
export function WarningSigns({ locale, id, title, lead }: { locale: Locale; id: string; title?: string; lead?: string }) {
  const { heading, signs, advice } = EDUCATION[locale].contactClinic;
  return (
    <section aria-labelledby={id} className="warning-box">
      <h2 id={id}>{title ?? heading}</h2>
      {lead && <p>{lead}</p>}
      {title && <p className="warning-lead">{heading}</p>}
      <ul>
        {signs.map((sign) => (
          <li key={sign}>{sign}</li>
        ))}
      </ul>
      <p>{advice}</p>
    </section>
  );
}
