// Bytes no entry point should see, refused at the door (proxy.ts) with a 400 or 413 and a plain
// message, before Next.js or the database meets them: an address or query that is not valid
// UTF-8 or holds a control character, a body above the size limit, a body that is not UTF-8,
// malformed JSON, and form fields the database cannot store (NUL and the like).
import { isStorableText } from "../forms/storable-text";

/** Server actions' own default limit; nothing the app sends comes near it. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** A sign-in form is a few hundred bytes. */
export const MAX_SIGN_IN_BODY_BYTES = 16 * 1024;
/** The patient import's file: 50,000 patients of about 120 bytes, with room to spare (next.config.js allows this much). */
export const MAX_IMPORT_BODY_BYTES = 10 * 1024 * 1024;

export type RequestProblem = { status: 400 | 413; reason: "bad-address" | "too-large" | "bad-bytes" | "bad-json" };

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export async function checkRequest(request: Request): Promise<RequestProblem | null> {
  const url = new URL(request.url);
  if (!isCleanAddress(url.pathname) || !isCleanAddress(url.search.replace(/\+/g, " "))) return { status: 400, reason: "bad-address" };
  if (!BODY_METHODS.has(request.method)) return null;

  const limit = url.pathname.startsWith("/api/auth/") ? MAX_SIGN_IN_BODY_BYTES : url.pathname === "/admin/import" ? MAX_IMPORT_BODY_BYTES : MAX_BODY_BYTES;
  if (Number(request.headers.get("content-length") ?? 0) > limit) return { status: 413, reason: "too-large" };
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > limit) return { status: 413, reason: "too-large" };
  if (bytes.byteLength === 0) return null;

  const contentType = request.headers.get("content-type") ?? "";
  const type = contentType.toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    // The boundary is case-sensitive: parse with the header as sent.
    const form = await new Response(bytes, { headers: { "content-type": contentType } }).formData().catch(() => null);
    if (!form) return { status: 400, reason: "bad-bytes" };
    return [...form.values()].every((value) => typeof value !== "string" || isStorableText(value)) ? null : { status: 400, reason: "bad-bytes" };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { status: 400, reason: "bad-bytes" };
  }
  if (type.startsWith("application/x-www-form-urlencoded")) return isCleanAddress(text.replace(/\+/g, " ")) ? null : { status: 400, reason: "bad-bytes" };
  // A server action's arguments arrive as JSON text (React's encoding); so does any JSON body.
  if (type.startsWith("application/json") || request.headers.has("next-action")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { status: 400, reason: "bad-json" };
    }
    return strings(parsed).every(isStorableText) ? null : { status: 400, reason: "bad-bytes" };
  }
  return isStorableText(text) ? null : { status: 400, reason: "bad-bytes" };
}

/** A path, query or url-encoded form whose %-escapes decode to UTF-8 without control characters. */
function isCleanAddress(encoded: string): boolean {
  try {
    return isStorableText(decodeURIComponent(encoded));
  } catch {
    return false;
  }
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}
