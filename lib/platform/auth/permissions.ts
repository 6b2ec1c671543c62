// What each role may do. Services check these; the UI only mirrors them.
import type { Role } from "../../generated/prisma/enums";
import { AppError } from "../errors";
import type { Actor } from "./actor";

const PERMISSIONS = {
  /** Read and change the clinical records of the clinic's patients. */
  "clinic-patients": ["ADMIN", "CLINICIAN"],
  /** Read one's own patient record, plan and logs in the portal. */
  "own-record": ["PATIENT"],
  /** Manage users, invites and rule thresholds. */
  "clinic-admin": ["ADMIN"],
  /** Change one's own name, language and password. */
  "own-account": ["ADMIN", "CLINICIAN", "PATIENT"],
  /** Have patients of one's own: the caseload starts at them, a new patient is theirs. */
  "own-caseload": ["CLINICIAN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Pick<Actor, "role">, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

/**
 * Throws NOT_FOUND rather than FORBIDDEN: someone without access learns nothing about
 * whether the record exists.
 */
export function assertCan(actor: Pick<Actor, "role">, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError("NOT_FOUND");
}

/** Where each role lands after signing in. */
export function homePath(actor: Pick<Actor, "role">): "/caseload" | "/portal" {
  return can(actor, "own-record") ? "/portal" : "/caseload";
}
