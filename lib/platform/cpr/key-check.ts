// The database remembers the fingerprint of the key its CPR numbers were encrypted with, and a
// process with another key is refused before it writes or reads any: a wrong key would
// otherwise surface as unreadable numbers, and a second key would split the search hashes.
import type { Db } from "../db/client";
import { type DataKey, DataKeyError } from "./data-key";

export async function checkDataKey(db: Db, key: DataKey): Promise<void> {
  // The first process to start records its key; ON CONFLICT leaves a row already there.
  await db.$executeRaw`INSERT INTO "DataKeyCheck" (id, fingerprint) VALUES (1, ${key.fingerprint}) ON CONFLICT (id) DO NOTHING`;
  const stored = await db.dataKeyCheck.findUniqueOrThrow({ where: { id: 1 } });
  if (stored.fingerprint !== key.fingerprint) {
    throw new DataKeyError(
      `DATA_ENCRYPTION_KEY is not the key this database was encrypted with (the database expects key ${stored.fingerprint.slice(0, 8)}…, this key is ${key.fingerprint.slice(0, 8)}…). Set the key the data was stored with.`,
    );
  }
}
