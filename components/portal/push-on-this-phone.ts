// This phone's web push subscription for the portal's reminders (SPEC §10): made through the
// portal's service worker (lib/platform/offline/service-worker.ts shows the notifications) and kept by
// the server for the signed-in patient; undone at sign-out, so a shared phone does not carry
// one patient's reminders to the next. The server actions (app/actions/reminders.ts) are handed
// in by the caller, from the page or layout that renders it.
import { SERVICE_WORKER_SCOPE } from "@/lib/platform/offline/offline-pages";

import { activeWorker, canRunWorker, registerPortalWorker } from "./portal-worker";

export type PushState = "unsupported" | "off" | "on" | "refused";

const canPush = () => canRunWorker() && "PushManager" in window && typeof Notification !== "undefined";
/** The worker's registration if there is one yet (it is made after the page has loaded). */
const existing = async () =>
  canPush() ? ((await navigator.serviceWorker.getRegistration(SERVICE_WORKER_SCOPE)) ?? null) : null;

type Subscription = { endpoint: string; keys: { p256dh: string; auth: string } };
/** Asks the server to keep a subscription for the signed-in patient: whether it does, null when unanswered. */
export type KeepPush = (subscription: Subscription) => Promise<boolean | null>;
/** Asks the server to forget this phone's subscription, by its address. */
export type ForgetPush = (endpoint: string) => Promise<unknown>;

/** Whether the server keeps this subscription for the signed-in patient. */
const keep = (save: KeepPush, subscription: PushSubscription) =>
  save(subscription.toJSON() as Subscription).catch(() => null);

/**
 * Whether this phone takes the reminders as notifications now. A subscription the server no
 * longer keeps (it dropped the phone after a failed push) is given to it again; one it refuses
 * (another account's, or one device too many) is undone, so the page never says "on" wrongly.
 */
export async function pushState(save: KeepPush): Promise<PushState> {
  if (!canPush()) return "unsupported";
  if (Notification.permission === "denied") return "refused";
  const subscription = await (await existing())?.pushManager.getSubscription();
  if (!subscription) return "off";
  // Only the server's explicit refusal undoes it: offline (the page from the phone's cache) or
  // on an error, the subscription stays as it is.
  if ((await keep(save, subscription)) !== false) return "on";
  await subscription.unsubscribe().catch(() => false);
  return "off";
}

/**
 * Asks the patient's permission, subscribes and tells the server; answers the new state, or
 * null when it failed. A phone whose address the server keeps for another account (a shared
 * phone whose last patient did not sign out) asks its push service for a new address once.
 */
export async function turnOnPush(vapidPublicKey: string, save: KeepPush): Promise<PushState | null> {
  if (!canPush()) return null;
  if ((await Notification.requestPermission()) !== "granted") return "refused";
  const worker = await registerPortalWorker();
  // A phone subscribes through an active worker; on a first visit it may still be installing.
  await activeWorker(worker);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const subscription = await worker.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: vapidPublicKey,
    });
    if (await keep(save, subscription)) return "on";
    await subscription.unsubscribe();
  }
  return null;
}

/** At sign-out: the server forgets this phone, and the phone its subscription. Never stops a sign-out. */
export async function turnOffPush(forget: ForgetPush): Promise<void> {
  const subscription = await (await existing())?.pushManager.getSubscription();
  if (!subscription) return;
  await forget(subscription.endpoint).catch(() => null);
  await subscription.unsubscribe().catch(() => false);
}
