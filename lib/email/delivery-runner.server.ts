import "server-only";

import { getDb } from "../db/app-db.server";
import { readEnv } from "../env";
import { logger } from "../log/logger";
import { deliverPendingEmail, smtpTransport } from "./delivery";

// In this server process one delivery runs at a time; a request made while one runs is
// picked up when it ends. Without SMTP_URL nothing is sent: the outbox is the mail.
let running: Promise<void> | null = null;
let again = false;

export function deliverEmailInBackground(): void {
  const { SMTP_URL, MAIL_FROM } = readEnv();
  if (!SMTP_URL) return;
  if (running) {
    again = true;
    return;
  }
  running = (async () => {
    try {
      const transport = smtpTransport(SMTP_URL);
      do {
        again = false;
        await deliverPendingEmail(await getDb(), transport, MAIL_FROM);
      } while (again);
    } catch (error) {
      logger.error({ err: error }, "e-mail delivery stopped; it resumes with the next message or at the next start");
    } finally {
      running = null;
    }
  })();
}
