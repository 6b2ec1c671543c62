import type { Locale } from "@/lib/generated/prisma/enums";
import { getMessages } from "@/lib/present/i18n";
import { formatMoment } from "@/lib/present/i18n/format";
import { LETTER_SECTIONS, sectionsOf } from "@/lib/present/letters/discharge-letter";

/**
 * An episode's discharge letter in the record print and the patient's own record: its latest
 * signed version (a draft is never passed here), in the letter's own language.
 */
export function SignedLetterInRecord({
  letters,
}: {
  letters: {
    id: string;
    version: number;
    locale: Locale;
    sections: unknown;
    signedAt: Date | null;
    signedBy: { name: string } | null;
  }[];
}) {
  const latest = letters.at(-1);
  if (!latest?.signedAt) return null;
  const text = getMessages(latest.locale).letter;
  const sections = sectionsOf(latest.sections);
  return (
    <section className="record-letter" aria-labelledby={`letter-${latest.id}`} lang={latest.locale}>
      <h3 id={`letter-${latest.id}`}>
        {text.title}, {text.version(latest.version).toLowerCase()}
      </h3>
      <p className="hint">
        {latest.signedBy ? text.signedBy(latest.signedBy.name, formatMoment(latest.signedAt, latest.locale)) : null}
      </p>
      {LETTER_SECTIONS.map((section) => (
        <div key={section}>
          <h4>{text.sections[section]}</h4>
          <p className="pre-line">{sections[section]}</p>
        </div>
      ))}
    </section>
  );
}
