import { EDUCATION } from "@/lib/education/education-content";
import type { Locale } from "@/lib/generated/prisma/enums";

/** The signs that need a doctor the same day, and where to turn (SPEC §7), as the education page gives them. */
export function WarningSigns({ locale, id, lead }: { locale: Locale; id: string; lead?: string }) {
  const { heading, signs, advice } = EDUCATION[locale].contactClinic;
  return (
    <section aria-labelledby={id} className="warning-box">
      <h2 id={id}>{heading}</h2>
      {lead && <p>{lead}</p>}
      <ul>
        {signs.map((sign) => (
          <li key={sign}>{sign}</li>
        ))}
      </ul>
      <p>{advice}</p>
    </section>
  );
}
