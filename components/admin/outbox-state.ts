import type { Locale } from "@/lib/generated/prisma/enums";
import type { Messages } from "@/lib/present/i18n";
import { formatMoment } from "@/lib/present/i18n/format";
import type { OutboxState } from "@/lib/server/email/outbox-view";

/** Where an e-mail is: sent (when), waiting, or given up after its tries. */
export function outboxStateText(
  email: { state: OutboxState; sentAt: Date | null; attempts: number },
  messages: Messages,
  locale: Locale,
): string {
  const text = messages.admin.outbox;
  if (email.state === "SENT") return text.sent(formatMoment(email.sentAt!, locale, true));
  return email.state === "FAILED" ? text.failed(email.attempts) : text.waiting;
}
