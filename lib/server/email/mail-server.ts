// Whether this installation sends its e-mail, and through what: SMTP_URL and MAIL_FROM
// (lib/platform/env.ts). Without a mail server the outbox (/admin/outbox) is the mail: its links are
// handed over by hand. Pages ask here instead of reading the environment.
import { env } from "../../platform/env";

export type MailServer = { url: string; from: string };

/** The mail server e-mail goes out through, and the sender; null without SMTP_URL. */
export function mailServer(): MailServer | null {
  const { SMTP_URL, MAIL_FROM } = env();
  return SMTP_URL ? { url: SMTP_URL, from: MAIL_FROM } : null;
}

/** True when e-mail leaves the app through a mail server; false when it waits in the outbox. */
export function sendsEmail(): boolean {
  return mailServer() !== null;
}

/** The bare address of the app's sender ("Name <address>" → address): push services ask for one as a contact. */
export function senderAddress(): string {
  const { MAIL_FROM } = env();
  return /<([^>]+)>/.exec(MAIL_FROM)?.[1] ?? MAIL_FROM;
}
