// Web push to a patient's phones, as the reminders and the notices use it: one payload to each
// phone the account allowed, no health data in it. The sender itself (keys, encryption, the
// request) is web-push-sender.ts; tests pass a real test push service's.
import type { Db } from "../db/client";

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
 * Sends the message to each phone and forgets the phones the push service says are gone.
 * Answers whether any phone took it; the caller falls back to e-mail when none did.
 */
export async function pushToPhones(db: Db, push: PushSender, targets: PushTarget[], message: PushMessage): Promise<boolean> {
  const payload = JSON.stringify(message);
  const outcomes = await Promise.all(targets.map(async (target) => ({ target, outcome: await push(target, payload) })));
  const gone = outcomes.filter(({ outcome }) => outcome === "gone").map(({ target }) => target.endpoint);
  if (gone.length > 0) await db.pushSubscription.deleteMany({ where: { endpoint: { in: gone } } });
  return outcomes.some(({ outcome }) => outcome === "sent");
}
