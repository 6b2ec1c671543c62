import { currentDataKey } from "../../platform/cpr/current-data-key";
import type { DataKey } from "../../platform/cpr/data-key";

/** The stored form of a CPR number (ten digits): encrypted, and its keyed search hash. */
export function cprColumns(digits: string, key: DataKey = currentDataKey()): { cprEncrypted: string; cprHash: string } {
  return { cprEncrypted: key.encrypt(digits), cprHash: key.searchHash(digits) };
}
