// Every e-mail is first a row of EmailMessage, written in the same transaction as what it
// announces (an invitation, a reset link): committed together or not at all. Delivery comes
// after (delivery.ts), or never, when no mail server is set: then admins read it in the app.
import type { Prisma } from "../../generated/prisma/client";
import type { Locale } from "../../generated/prisma/enums";
import { composeEmail, type EmailFacts, type EmailKind } from "./compose";

export async function queueEmail(
  tx: Prisma.TransactionClient,
  message: { clinicId: string; kind: EmailKind; to: string; locale: Locale } & EmailFacts,
) {
  const content = composeEmail(message.kind, message.locale, message);
  return tx.emailMessage.create({
    data: { clinicId: message.clinicId, kind: message.kind, to: message.to, ...content },
  });
}
