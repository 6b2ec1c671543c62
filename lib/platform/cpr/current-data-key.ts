// The data key of this process, from DATA_ENCRYPTION_KEY (npm start and the scripts set it:
// lib/platform/cpr/data-key-file.ts). Derived once per key text.
import { dataKeyText } from "../env";
import { type DataKey, DataKeyError, dataKeyFrom } from "./data-key";

let cached: { text: string; key: DataKey } | null = null;

export function currentDataKey(): DataKey {
  const text = dataKeyText();
  if (!text)
    throw new DataKeyError(
      "DATA_ENCRYPTION_KEY is not set (npm start generates one on the embedded database; with DATABASE_URL it must be set)",
    );
  if (cached?.text !== text) cached = { text, key: dataKeyFrom(text) };
  return cached.key;
}
