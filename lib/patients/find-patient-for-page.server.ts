import "server-only";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { orNotFound } from "../not-found-for-page.server";
import { getPatient } from "./get-patient";

/** getPatient for a page: a malformed id or a patient out of reach renders the 404 page. */
export function findPatientForPage(db: Db, actor: Actor, id: string) {
  return orNotFound(id, () => getPatient(db, actor, id));
}
