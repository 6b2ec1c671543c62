// Web push to a patient's phones, as the reminders and the notices use it: one payload to each
// phone the account allowed, no health data in it. The sender itself (keys, encryption, the
// request) is web-push-sender.ts; tests pass a real test push service's.
import type { Db } from "../../platform/db/client";
import { MAX_PUSH_SUBSCRIPTIONS } from "./push-services";

export type PushTarget = { endpoint: string; p256dh: string; auth: string };
/** "gone": the push service says the phone no longer takes these (unsubscribed, reinstalled). */
export type PushOutcome = "sent" | "gone" | "failed";
export type PushSender = (target: PushTarget, payload: string) => Promise<PushOutcome>;

/**
 * What every push carries: a title, one sentence and where a tap leads; `refresh` asks the
 * portal's service worker to fetch the pages it keeps for offline use again (the plan changed).
 */
export type PushMessage = { title: string; body: string; url: string; refresh?: boolean };

/**
 * Sends the message to each phone, at most the account's cap of them at once, each request
 * bounded by the sender's timeout, and forgets every phone that did not take it: gone, refused
 * or silent. A phone dropped by a passing failure is kept again the next time its patient opens
 * the portal (push-on-this-phone.ts), and meanwhile gets the e-mail. Answers whether any phone
 * took it; the caller falls back to e-mail when none did (security review F-1).
 */
export async function pushToPhones(
  db: Db,
  push: PushSender,
  targets: PushTarget[],
  message: PushMessage,
): Promise<boolean> {
  const payload = JSON.stringify(message);
  const outcomes = await Promise.all(
    targets.slice(0, MAX_PUSH_SUBSCRIPTIONS).map(async (target) => ({ target, outcome: await push(target, payload) })),
  );
  const failed = outcomes.filter(({ outcome }) => outcome !== "sent").map(({ target }) => target.endpoint);
  if (failed.length > 0) await db.pushSubscription.deleteMany({ where: { endpoint: { in: failed } } });
  return outcomes.some(({ outcome }) => outcome === "sent");
}
