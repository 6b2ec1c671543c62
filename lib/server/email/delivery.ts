// Sends what waits in the outbox through SMTP (nodemailer). A sent message keeps its recipient
// and subject but not its text: the text held a single-use link. A failure is counted and kept
// as its error code; the message is tried again on the next run, up to MAX_ATTEMPTS times.
import nodemailer, { type Transporter } from "nodemailer";

import type { Db } from "../../platform/db/client";
import { logger } from "../../platform/log/logger";

export const MAX_ATTEMPTS = 5;
/** A claim older than this belonged to a server that stopped mid-send: the message is free again. */
export const CLAIM_MINUTES = 5;

export function smtpTransport(url: string): Transporter {
  return nodemailer.createTransport(url);
}

export async function deliverPendingEmail(
  db: Db,
  transport: Transporter,
  from: string,
): Promise<{ sent: number; failed: number }> {
  const free = () => ({
    sentAt: null,
    attempts: { lt: MAX_ATTEMPTS },
    OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(Date.now() - CLAIM_MINUTES * 60_000) } }],
  });
  const pending = await db.emailMessage.findMany({ where: free(), orderBy: { createdAt: "asc" }, take: 100 });
  const counts = { sent: 0, failed: 0 };
  for (const message of pending) {
    // Claim it first (one UPDATE, so of two runners one wins): nobody else sends it meanwhile.
    const claimed = await db.emailMessage.updateMany({
      where: { id: message.id, ...free() },
      data: { claimedAt: new Date(), attempts: { increment: 1 } },
    });
    if (claimed.count === 0) continue;
    try {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text ?? "",
        html: message.html ?? undefined,
      });
      await db.emailMessage.update({
        where: { id: message.id },
        data: { sentAt: new Date(), text: null, html: null, lastError: null },
      });
      counts.sent += 1;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const lastError = typeof code === "string" ? code : "SEND_FAILED";
      await db.emailMessage.update({ where: { id: message.id }, data: { lastError, claimedAt: null } });
      // The code only: a mail server's message can quote the recipient's address.
      logger.warn({ code: lastError, emailId: message.id }, "an e-mail could not be sent; it is tried again later");
      counts.failed += 1;
    }
  }
  return counts;
}
