import "server-only";
import { notFound } from "next/navigation";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { isAppError } from "../errors";
import { getPatient } from "./get-patient";

/** getPatient for a page: a malformed id or a patient out of reach renders the 404 page. */
export async function findPatientForPage(db: Db, actor: Actor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  try {
    return await getPatient(db, actor, id);
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) notFound();
    throw error;
  }
}
