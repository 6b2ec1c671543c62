import type { OutboxState } from "@/lib/email/outbox-view";
import type { Locale } from "@/lib/generated/prisma/enums";
import type { Messages } from "@/lib/i18n";
import { formatMoment } from "@/lib/i18n/format";

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
