// This phone's web push subscription for the portal's reminders (SPEC §10): made through the
// portal's service worker (lib/offline/service-worker.ts shows the notifications) and kept by
// the server for the signed-in patient; undone at sign-out, so a shared phone does not carry
// one patient's reminders to the next.
import { forgetPushSubscriptionAction, savePushSubscriptionAction } from "@/app/actions/reminders";
import { SERVICE_WORKER_SCOPE } from "@/lib/offline/offline-pages";
import { activeWorker, canRunWorker, registerPortalWorker } from "./portal-worker";

export type PushState = "unsupported" | "off" | "on" | "refused";

const canPush = () => canRunWorker() && "PushManager" in window && typeof Notification !== "undefined";
/** The worker's registration if there is one yet (it is made after the page has loaded). */
const existing = async () => (canPush() ? ((await navigator.serviceWorker.getRegistration(SERVICE_WORKER_SCOPE)) ?? null) : null);

/** Whether this phone takes the reminders as notifications now. */
export async function pushState(): Promise<PushState> {
  if (!canPush()) return "unsupported";
  if (Notification.permission === "denied") return "refused";
  return (await (await existing())?.pushManager.getSubscription()) ? "on" : "off";
}

/** Asks the patient's permission, subscribes and tells the server; answers the new state, or null when it failed. */
export async function turnOnPush(vapidPublicKey: string): Promise<PushState | null> {
  if (!canPush()) return null;
  if ((await Notification.requestPermission()) !== "granted") return "refused";
  const worker = await registerPortalWorker();
  // A phone subscribes through an active worker; on a first visit it may still be installing.
  await activeWorker(worker);
  const subscription = await worker.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: vapidPublicKey });
  const saved = await savePushSubscriptionAction(subscription.toJSON() as { endpoint: string; keys: { p256dh: string; auth: string } }).catch(() => null);
  if (saved) return "on";
  await subscription.unsubscribe();
  return null;
}

/** At sign-out: the server forgets this phone, and the phone its subscription. Never stops a sign-out. */
export async function turnOffPush(): Promise<void> {
  const subscription = await (await existing())?.pushManager.getSubscription();
  if (!subscription) return;
  await forgetPushSubscriptionAction(subscription.endpoint).catch(() => null);
  await subscription.unsubscribe().catch(() => false);
}
