import "server-only";

import { getDb } from "../../platform/db/app-db.server";
import { coalescingRunner } from "../../platform/jobs/coalescing-runner";
import { deliverPendingEmail, smtpTransport } from "./delivery";
import { mailServer } from "./mail-server";

// One delivery at a time in this process (lib/platform/jobs/coalescing-runner.ts); it is asked for when
// a message is queued and every minute (lib/platform/jobs/registry.server.ts), which retries what failed.
// Without a mail server nothing is sent: the outbox is the mail.
export const emailDelivery = coalescingRunner(
  "email-delivery",
  async () => {
    const server = mailServer();
    if (!server) return;
    await deliverPendingEmail(await getDb(), smtpTransport(server.url), server.from);
  },
  { afterFailure: "it resumes with the next message or at the next minute" },
);

export function deliverEmailInBackground(): void {
  if (mailServer()) emailDelivery.request();
}
