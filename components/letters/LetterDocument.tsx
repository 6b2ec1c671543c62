import type { LetterRecipient, Locale } from "@/lib/generated/prisma/enums";
import { formatCpr } from "@/lib/platform/cpr/cpr";
import { getMessages } from "@/lib/present/i18n";
import { formatDate, formatMoment } from "@/lib/present/i18n/format";
import { LETTER_SECTIONS, type LetterSections } from "@/lib/present/letters/discharge-letter";

export type LetterDocumentProps = {
  clinic: { name: string; address: string; phone: string; cvr: string; locationNumber: string };
  letter: {
    version: number;
    locale: Locale;
    recipientKind: LetterRecipient;
    recipientName: string;
    recipientPractice: string;
    recipientLocationNumber: string;
    recipientAddress: string;
    sections: LetterSections;
    createdAt: Date;
    signedAt: Date | null;
    signedBy: { name: string } | null;
  };
  /** The patient as the letter names them; `cpr` only where the viewer may see it in full (the clinic). */
  patient: { name: string; dateOfBirth: Date; cpr: string | null };
  /** The heading level of the letter's own title: 1 on its print page, 2 inside another page. */
  level?: 1 | 2;
};

/**
 * The letter as it goes to the doctor, on one A4 page where it can: the clinic's letterhead,
 * the recipient, the patient, the sections and the signature. Written in the letter's own
 * language, whoever reads it. The print page, the preview and the portal show this one layout.
 */
export function LetterDocument({ clinic, letter, patient, level = 1 }: LetterDocumentProps) {
  const m = getMessages(letter.locale);
  const text = m.letter;
  const Title = level === 1 ? "h1" : "h2";
  const Section = level === 1 ? "h2" : "h3";
  const recipient = [letter.recipientName, letter.recipientPractice, letter.recipientAddress].filter(Boolean);
  const dated = letter.signedAt
    ? formatMoment(letter.signedAt, letter.locale)
    : formatMoment(letter.createdAt, letter.locale);
  return (
    <article className="letter-page" lang={letter.locale}>
      <header className="letter-head">
        <div>
          <p className="letter-clinic">{clinic.name}</p>
          {clinic.address && <p>{clinic.address}</p>}
          <p>
            {[
              clinic.phone && text.letterhead.phone(clinic.phone),
              clinic.cvr && text.letterhead.cvr(clinic.cvr),
              clinic.locationNumber && text.letterhead.locationNumber(clinic.locationNumber),
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
        </div>
        <p className="letter-date">{text.dated(dated)}</p>
      </header>
      <div className="letter-addresses">
        <div>
          <p className="letter-label">{text.to}</p>
          {recipient.length > 0 ? recipient.map((line) => <p key={line}>{line}</p>) : <p>{text.recipientKind.NONE}</p>}
          {letter.recipientLocationNumber && <p>{text.letterhead.locationNumber(letter.recipientLocationNumber)}</p>}
          {letter.recipientKind !== "NONE" && <p className="hint">{text.recipientKind[letter.recipientKind]}</p>}
        </div>
        <div>
          <p className="letter-label">{text.regarding}</p>
          <p>{patient.name}</p>
          <p>
            {patient.cpr ? text.cpr(formatCpr(patient.cpr)) : text.born(formatDate(patient.dateOfBirth, letter.locale))}
          </p>
        </div>
      </div>
      <Title className="letter-title">{text.subject(patient.name)}</Title>
      {LETTER_SECTIONS.map((section) => (
        <section key={section} className="letter-section">
          <Section>{text.sections[section]}</Section>
          {letter.sections[section].split(/\n+/).map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </section>
      ))}
      <footer className="letter-signature">
        <p>
          {letter.signedAt && letter.signedBy
            ? text.signedBy(letter.signedBy.name, formatMoment(letter.signedAt, letter.locale))
            : text.unsigned}
        </p>
        <p className="hint">{text.version(letter.version)}</p>
      </footer>
    </article>
  );
}
