// How the data encryption key is written: 32 bytes in base64 or base64url. Kept apart from
// data-key.ts so that the env module can check it without loading node:crypto.
export const DATA_KEY_BYTES = 32;
export const DATA_KEY_FORMAT = `must be ${DATA_KEY_BYTES} bytes in base64 (for example the output of: openssl rand -base64 32)`;

/** The key's bytes, or null when the text is not 32 bytes of base64. */
export function decodeDataKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return null;
  const bytes = Buffer.from(trimmed, /[-_]/.test(trimmed) ? "base64url" : "base64");
  return bytes.length === DATA_KEY_BYTES ? bytes : null;
}
