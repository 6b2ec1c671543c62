import { getRequestMessages } from "@/lib/present/i18n/locale.server";

/**
 * The signs that need a doctor the same day, those that need help at once, what may wait for the
 * physiotherapist, and where to turn (SPEC §10), as the education page gives them. Above the
 * messages (`beforeMessages`), under the messages page's own heading and lead: messages are not
 * for urgent symptoms; the signs follow with their heading.
 */
export async function WarningSigns({ id, beforeMessages = false }: { id: string; beforeMessages?: boolean }) {
  const messages = await getRequestMessages();
  const text = messages.education.contactClinic;
  const title = beforeMessages ? messages.conversation.notUrgentTitle : undefined;
  const lead = beforeMessages ? messages.conversation.notUrgent : undefined;
  return (
    <section aria-labelledby={id} className="warning-box">
      <h2 id={id}>{title ?? text.heading}</h2>
      {lead && <p>{lead}</p>}
      {title && <p className="warning-lead">{text.heading}</p>}
      <WarningSignsBody />
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
