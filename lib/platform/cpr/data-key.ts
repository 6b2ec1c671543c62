// The data encryption key (SPEC §9): 32 random bytes, given as DATA_ENCRYPTION_KEY (base64) or,
// on the embedded default, generated into the data folder. From it come, by HKDF, one key that
// encrypts CPR numbers (AES-256-GCM), one that makes their search hash (HMAC-SHA-256, so the
// same number always finds the same patient without being stored in clear) and a fingerprint
// the database keeps, so that a wrong key is refused at start rather than found out later.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

import { DATA_KEY_BYTES, DATA_KEY_FORMAT, decodeDataKey } from "./data-key-text";

const VERSION = "v1";

export class DataKeyError extends Error {
  override name = "DataKeyError";
}

/** 32 bytes from their base64 (or base64url) text; throws a message naming the problem. */
export function parseDataKey(text: string): Buffer {
  const bytes = decodeDataKey(text);
  if (!bytes) throw new DataKeyError(`DATA_ENCRYPTION_KEY ${DATA_KEY_FORMAT}`);
  return bytes;
}

/** A new key as base64 text. */
export function generateDataKey(): string {
  return randomBytes(DATA_KEY_BYTES).toString("base64");
}

const derive = (master: Buffer, purpose: string) =>
  Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), `heelpain ${purpose}`, DATA_KEY_BYTES));

export type DataKey = {
  /** Identifies the key without revealing it; the database keeps it (lib/platform/cpr/key-check.ts). */
  fingerprint: string;
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** The same text always gives the same hash, under this key only. */
  searchHash(plain: string): string;
};

export function dataKeyFrom(text: string): DataKey {
  const master = parseDataKey(text);
  const encryption = derive(master, "cpr encryption");
  const search = derive(master, "cpr search");
  return {
    fingerprint: derive(master, "key fingerprint").subarray(0, 16).toString("hex"),
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", encryption, iv);
      const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [
        VERSION,
        iv.toString("base64url"),
        cipher.getAuthTag().toString("base64url"),
        sealed.toString("base64url"),
      ].join(".");
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split(".");
      if (version !== VERSION || !iv || !tag || body === undefined)
        throw new DataKeyError("Not a value this app encrypted");
      const decipher = createDecipheriv("aes-256-gcm", encryption, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    },
    searchHash(plain) {
      return createHmac("sha256", search).update(plain).digest("hex");
    },
  };
}
