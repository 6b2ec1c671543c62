// How this server reaches a patient with a reminder or a notice: the portal's address for the
// link, and web push when the VAPID keys are set (npm start sets them on the embedded default;
// lib/server/reminders/vapid-key-file.ts). Read from the settings once (lib/platform/env.ts).
import { env } from "../../platform/env";
import { senderAddress } from "../email/mail-server";
import type { PushSender } from "./push";
import { webPushSender } from "./web-push-sender";

/** The public half of the VAPID key pair, which the portal hands a phone to subscribe with; null without web push. */
export function pushPublicKey(): string | null {
  return env().VAPID_PUBLIC_KEY ?? null;
}

let delivery: { portalUrl: string; push: PushSender | null } | undefined;

/** The portal's address and the push sender (null: every reminder goes as e-mail). */
export function reminderDelivery(): { portalUrl: string; push: PushSender | null } {
  if (!delivery) {
    const { NEXTAUTH_URL, PORT, VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY } = env();
    const keys =
      VAPID_PUBLIC_KEY && VAPID_PRIVATE_KEY ? { publicKey: VAPID_PUBLIC_KEY, privateKey: VAPID_PRIVATE_KEY } : null;
    delivery = {
      portalUrl: new URL("/portal", NEXTAUTH_URL ?? `http://localhost:${PORT}`).href,
      // Push services ask for a contact address: the app's sender address.
      push: keys && webPushSender(keys, `mailto:${senderAddress()}`),
    };
  }
  return delivery;
}
