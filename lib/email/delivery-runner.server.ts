import "server-only";

import { getDb } from "../db/app-db.server";
import { logger } from "../log/logger";
import { deliverPendingEmail, smtpTransport } from "./delivery";
import { mailServer } from "./mail-server";

// In this server process one delivery runs at a time; a request made while one runs is
// picked up when it ends. Without SMTP_URL nothing is sent: the outbox is the mail.
let running: Promise<void> | null = null;
let again = false;

export function deliverEmailInBackground(): void {
  const server = mailServer();
  if (!server) return;
  if (running) {
    again = true;
    return;
  }
  running = (async () => {
    try {
      const transport = smtpTransport(server.url);
      do {
        again = false;
        await deliverPendingEmail(await getDb(), transport, server.from);
      } while (again);
    } catch (error) {
      logger.error({ err: error }, "e-mail delivery stopped; it resumes with the next message or at the next start");
    } finally {
      running = null;
    }
  })();
}
