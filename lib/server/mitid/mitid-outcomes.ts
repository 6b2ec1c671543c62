// Why a MitID sign-in did not end in the portal, as the sign-in's pages name it in their
// address (/sign-in/mitid?outcome=…): the routes that receive the patient set it, the page says it.
import { z } from "zod";

export const MITID_REFUSALS = [
  /** No portal account has the CPR number. */
  "NO_ACCOUNT",
  /** The invitation is of a patient with another CPR number; or it was used, has expired, or does not work. */
  "INVITE_MISMATCH",
  "INVITE_USED",
  "INVITE_EXPIRED",
  "INVITE_INVALID",
  /** The broker's answer did not hold, or the broker answered with an error. */
  "FAILED",
  /** The patient stopped at the broker. */
  "CANCELLED",
  /** The flow took longer than its cookie lives, or came back to another browser. */
  "EXPIRED",
  /** The broker could not be reached. */
  "UNAVAILABLE",
  "THROTTLED",
] as const;
export type MitidRefusal = (typeof MITID_REFUSALS)[number];

export const ZMitidOutcomeSearch = z.object({
  outcome: z.enum(MITID_REFUSALS).optional().catch(undefined),
  /** With THROTTLED: how many seconds to wait. */
  wait: z.coerce.number().int().min(1).max(86_400).optional().catch(undefined),
});

/** The page that says how a MitID sign-in ended. */
export function mitidOutcomePath(outcome: MitidRefusal | null, waitMs?: number): string {
  const query = new URLSearchParams();
  if (outcome) query.set("outcome", outcome);
  if (waitMs !== undefined) query.set("wait", String(Math.ceil(waitMs / 1000)));
  const search = query.toString();
  return `/sign-in/mitid${search ? `?${search}` : ""}`;
}
