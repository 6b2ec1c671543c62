// Signing a patient out of this phone: the entries still waiting here, the pages kept for use
// offline and the phone's push subscription go first, so a shared phone keeps nothing of theirs
// (SPEC §10). The sign-out button and the erasure receipt both leave this way (security review I-7).
import { forgetOfflinePages } from "@/lib/offline/offline-pages";

import { discardQueue } from "./entry-queue";
import { turnOffPush } from "./push-on-this-phone";

/** Clears this phone of the patient `queueOwner` (staff have nothing here), then ends the session; throws when the server cannot be reached. */
export async function leaveThisPhone(queueOwner: string | undefined): Promise<void> {
  if (queueOwner) await Promise.all([discardQueue(queueOwner), forgetOfflinePages(), turnOffPush()]);
  // next-auth's client is loaded only for this click: it is ~13 kB of every signed-in page otherwise.
  const { signOut } = await import("next-auth/react");
  await signOut({ callbackUrl: "/sign-in" });
}
