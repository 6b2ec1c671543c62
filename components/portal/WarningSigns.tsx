import { getRequestMessages } from "@/lib/present/i18n/locale.server";

/**
 * The signs that need a doctor the same day, those that need help at once, what may wait for the
 * physiotherapist, and where to turn (SPEC §10), as the education page gives them.
 */
export async function WarningSigns({ id }: { id: string }) {
  const text = (await getRequestMessages()).education.contactClinic;
  return (
    <section aria-labelledby={id} className="warning-box">
      <h2 id={id}>{text.heading}</h2>
      <WarningSignsBody />
    </section>
  );
}

/**
 * Beside the message form: messages are not for urgent symptoms, in one line, and the same
 * signs and where to turn one tap away (a disclosure), so the form is not screens down on a
 * phone and the safety text is never more than a tap from it.
 */
export async function NotForUrgentSymptoms({ id }: { id: string }) {
  const messages = await getRequestMessages();
  const text = messages.conversation;
  return (
    <section aria-labelledby={id} className="warning-box">
      <h2 id={id}>{text.notUrgentTitle}</h2>
      <p>{text.notUrgentShort}</p>
      <details>
        <summary>{text.whenToCall}</summary>
        <p>{text.notUrgent}</p>
        <p className="warning-lead">{messages.education.contactClinic.heading}</p>
        <WarningSignsBody />
      </details>
    </section>
  );
}

/** The list and what follows it, for a page that gives its own heading (the handout). */
export async function WarningSignsBody() {
  const text = (await getRequestMessages()).education.contactClinic;
  return (
    <>
      <ul>
        {text.signs.map((sign) => (
          <li key={sign}>{sign}</li>
        ))}
      </ul>
      <p>{text.outOfHours}</p>
      <p>
        <strong>{text.emergency}</strong>
      </p>
      <p>{text.advice}</p>
      <p>{text.nonUrgent}</p>
    </>
  );
}
