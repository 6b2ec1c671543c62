// Signing a patient out of this phone: the entries still waiting here, the pages kept for use
// offline and the phone's push subscription go first, so a shared phone keeps nothing of theirs
// (SPEC §10). The sign-out button and the erasure receipt both leave this way (security review I-7).
import { forgetOfflinePages } from "@/lib/platform/offline/offline-pages";

import { discardQueue, type EntrySenders } from "./entry-queue";
import { type ForgetPush, turnOffPush } from "./push-on-this-phone";

/**
 * A signed-in patient on this phone, and the server actions that leaving it needs
 * (app/actions/portal.ts and reminders.ts), handed down by the layout and the pages that render
 * the buttons.
 */
export type PatientOnPhone = { owner: string; send: EntrySenders; forgetPush: ForgetPush };

/** Clears this phone of the patient (staff have nothing here), then ends the session; throws when the server cannot be reached. */
export async function leaveThisPhone(
  patient: Pick<PatientOnPhone, "owner" | "forgetPush"> | undefined,
  returnTo = "/sign-in",
): Promise<void> {
  if (patient) await Promise.all([discardQueue(patient.owner), forgetOfflinePages(), turnOffPush(patient.forgetPush)]);
  // next-auth's client is loaded only for this click: it is ~13 kB of every signed-in page otherwise.
  const { signOut } = await import("next-auth/react");
  await signOut({ callbackUrl: returnTo });
}
