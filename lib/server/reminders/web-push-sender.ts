// Web push to a patient's phone (RFC 8030, with VAPID and aes128gcm encryption) through the
// `web-push` library. The library makes the request (keys, encryption, headers); it is sent
// with fetch, which also reaches a test push service over plain HTTP on loopback.
import webpush from "web-push";

import type { PushOutcome, PushSender, PushTarget } from "./push";

export type VapidKeys = { publicKey: string; privateKey: string };

/** How long a push service keeps a reminder for a phone that is off: the reminder's window. */
const TTL_SECONDS = 2 * 60 * 60;
/** A push service answers in well under a second; one that does not is given up on (and its phone forgotten). */
const TIMEOUT_MS = 10_000;

/** `subject`: how the push service can reach whoever runs the app (mailto: or https:). */
export function webPushSender(keys: VapidKeys, subject: string, timeoutMs = TIMEOUT_MS): PushSender {
  return async (target: PushTarget, payload: string): Promise<PushOutcome> => {
    const request = webpush.generateRequestDetails(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      payload,
      {
        vapidDetails: { subject, ...keys },
        TTL: TTL_SECONDS,
        contentEncoding: "aes128gcm",
      },
    );
    const response = await fetch(request.endpoint, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: request.body ? new Uint8Array(request.body) : null,
      redirect: "error",
      signal: AbortSignal.timeout(timeoutMs),
    }).catch(() => null);
    if (!response) return "failed";
    await response.body?.cancel();
    if (response.ok) return "sent";
    return response.status === 404 || response.status === 410 ? "gone" : "failed";
  };
}
