// The single-use links (SPEC §7, §10): a random token in the link, only its SHA-256 stored.
import { createHash, randomBytes } from "node:crypto";

import { z } from "zod";

import { INVITE_DAYS, RESET_HOURS } from "../../platform/auth/link-lifetimes";

export { INVITE_DAYS, RESET_HOURS };
const HOUR_MS = 3_600_000;

export type InviteStatus = "PENDING" | "USED" | "EXPIRED" | "REVOKED";

/** A token as newToken makes them (32 random bytes, base64url); anything else is no link. */
export const ZInviteToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, "missingReference")
  .describe("token");

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new token, its hash (to store) and when it expires. */
export function newToken(now: Date, validHours: number) {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + validHours * HOUR_MS) };
}

export function statusOf(
  invite: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InviteStatus {
  if (invite.usedAt) return "USED";
  if (invite.revokedAt) return "REVOKED";
  return invite.expiresAt <= now ? "EXPIRED" : "PENDING";
}

/** The link its recipient opens, on the app's address. */
export const inviteLink = (appUrl: string, token: string) => new URL(`/invite/${token}`, appUrl).toString();
