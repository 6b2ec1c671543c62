// A patient back from the MitID broker (SPEC §12): the CPR number the broker vouched for finds
// the portal accounts whose patient has it, through the CPR index's keyed hash; the number
// itself is dropped here, never logged or stored. It signs in portal accounts only (a staff
// account has no CPR number), never creates one but through the patient's own invitation, and
// is throttled per address like a password (lib/platform/auth/throttle.ts).
import { randomUUID } from "node:crypto";

import type { Locale } from "../../generated/prisma/enums";
import { recordRefusal } from "../../platform/audit/record-audit-event";
import { attemptSucceeded, beginAttempt } from "../../platform/auth/throttle";
import { currentDataKey } from "../../platform/cpr/current-data-key";
import type { Db } from "../../platform/db/client";
import { acceptInviteWithMitid } from "../invites/accept-invite";
import { hashToken } from "../invites/tokens";

/** A portal account the patient may continue as, named by its clinic. */
export type MitidAccount = { userId: string; clinicName: string };

export type MitidOutcome =
  /** One account or several (two clinics' patients): the patient continues as one of them. */
  | { status: "ACCOUNTS"; accounts: MitidAccount[] }
  /** No portal account has the CPR number: the clinic is to be asked for an invitation. */
  | { status: "NO_ACCOUNT" }
  /** The invitation's patient has another CPR number, or the invitation does not work. */
  | { status: "INVITE_MISMATCH" | "INVITE_USED" | "INVITE_EXPIRED" | "INVITE_INVALID" }
  /** The broker's answer did not hold (bad token, error); nothing was checked. */
  | { status: "FAILED" }
  | { status: "THROTTLED"; retryAfterMs: number };

/** The patient's active portal accounts, in every clinic, for a CPR number (ten digits). */
export async function portalAccountsForCpr(db: Db, cprDigits: string): Promise<MitidAccount[]> {
  const patients = await db.patient.findMany({
    where: {
      cprHash: currentDataKey().searchHash(cprDigits),
      archivedAt: null,
      processingStoppedAt: null,
      portalUser: { is: { active: true, role: "PATIENT" } },
    },
    select: { portalUserId: true, clinic: { select: { name: true } } },
    orderBy: { clinic: { name: "asc" } },
  });
  return patients.map((patient) => ({ userId: patient.portalUserId!, clinicName: patient.clinic.name }));
}

/**
 * What a return from the broker comes to. `verifiedCpr` checks the broker's answer (the
 * platform's OpenID Connect flow) and answers its CPR number, or throws; it is only asked once
 * the address may try again. `invite`: the token of the portal invitation being accepted.
 */
export async function completeMitidSignIn(
  db: Db,
  verifiedCpr: () => Promise<string>,
  { ip, now, invite, locale }: { ip: string | null; now: Date; invite: string | null; locale: Locale },
): Promise<MitidOutcome> {
  // An invitation counts its failures as its own link does. A sign-in has no account to guess
  // (the broker has checked the person), so its failures count per address only: each
  // return is its own subject, and only the address's rule can make it wait.
  const start = invite
    ? await beginAttempt(db, "INVITE", hashToken(invite), ip, now)
    : await beginAttempt(db, "MITID", randomUUID(), ip, now);
  if (start.status === "wait") {
    await recordRefusal(
      db,
      { clinicId: null, actorId: null, ip },
      invite ? "InviteLink" : "MitidSignIn",
      start.subject,
    );
    return { status: "THROTTLED", retryAfterMs: start.retryAfterMs };
  }
  let cpr: string;
  try {
    cpr = await verifiedCpr();
  } catch (error) {
    // A token that does not hold is refused on the record, as a refused sign-in is.
    await recordRefusal(db, { clinicId: null, actorId: null, ip }, "MitidSignIn", start.attempt.subject);
    throw error;
  }
  const outcome = invite ? await acceptInvitation(db, invite, cpr, locale, now) : await signIn(db, cpr);
  if (outcome.status === "ACCOUNTS") await attemptSucceeded(db, start.attempt, now);
  return outcome;
}

async function signIn(db: Db, cpr: string): Promise<MitidOutcome> {
  const accounts = await portalAccountsForCpr(db, cpr);
  return accounts.length > 0 ? { status: "ACCOUNTS", accounts } : { status: "NO_ACCOUNT" };
}

/** Why an invitation was not accepted, as the sign-in's page says it (a closed one is one that does not work). */
const INVITE_REFUSALS = {
  CPR_MISMATCH: "INVITE_MISMATCH",
  USED: "INVITE_USED",
  EXPIRED: "INVITE_EXPIRED",
  INVALID: "INVITE_INVALID",
  CLOSED: "INVITE_INVALID",
} as const;

async function acceptInvitation(db: Db, invite: string, cpr: string, locale: Locale, now: Date): Promise<MitidOutcome> {
  const accepted = await acceptInviteWithMitid(db, invite, currentDataKey().searchHash(cpr), locale, now);
  if (accepted.status !== "ACCEPTED") return { status: INVITE_REFUSALS[accepted.status] };
  const user = await db.user.findUniqueOrThrow({
    where: { id: accepted.userId },
    select: { clinic: { select: { name: true } } },
  });
  return { status: "ACCOUNTS", accounts: [{ userId: accepted.userId, clinicName: user.clinic.name }] };
}
