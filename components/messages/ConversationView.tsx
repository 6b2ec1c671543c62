import type { Locale } from "@/lib/generated/prisma/enums";
import { formatMoment } from "@/lib/present/i18n/format";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";
import type { MessageView } from "@/lib/server/messages/messages";

/**
 * A patient's conversation with the clinic, oldest first. The reader's side's messages carry
 * their read receipt: when the other side opened them, or not yet.
 */
export async function ConversationView({
  items: list,
  readerIsPatient,
  locale,
}: {
  items: MessageView[];
  readerIsPatient: boolean;
  locale: Locale;
}) {
  const text = (await getRequestMessages()).conversation;
  if (list.length === 0) return <p>{text.empty}</p>;
  return (
    <ol className="conversation" aria-label={text.list}>
      {list.map((message) => {
        const own = message.fromPatient === readerIsPatient;
        // The patient writes alone; the clinic's side may be any of its staff, so each is named.
        const who = message.fromPatient
          ? readerIsPatient
            ? text.you
            : text.fromPatient(message.senderName)
          : message.senderName;
        return (
          <li key={message.id} className={own ? "message own" : "message"}>
            <p className="message-meta">
              <strong>{who}</strong> · {text.sentAt(formatMoment(message.sentAt, locale, true))}
            </p>
            <p className="message-body">{message.body}</p>
            {own && (
              <p className="message-receipt">
                {message.readAt ? text.readAt(formatMoment(message.readAt, locale, true)) : text.notRead}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
