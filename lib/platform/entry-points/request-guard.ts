// Bytes no entry point should see, refused at the door (proxy.ts) with a 400 or 413 and a plain
// message, before Next.js or the database meets them: an address or query that is not valid
// UTF-8 or holds a control character, a body above the size limit, a body that is not UTF-8,
// malformed JSON, and form fields the database cannot store (NUL and the like).
import { isStorableText } from "../../present/forms/storable-text";

/** Server actions' own default limit; nothing the app sends comes near it. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** A sign-in form is a few hundred bytes. */
export const MAX_SIGN_IN_BODY_BYTES = 16 * 1024;
/** The patient import's file: 50,000 patients of about 120 bytes, with room to spare (next.config.js allows this much). */
export const MAX_IMPORT_BODY_BYTES = 10 * 1024 * 1024;

/** React's encoding of an action's arguments nests a few levels; nothing the app sends nests deeper than this. */
export const MAX_JSON_DEPTH = 64;

/** React sends an action's bound ids, its form state and its form data: a handful of arguments. */
export const MAX_ACTION_ARGUMENTS = 16;

export type RequestProblem =
  | { status: 400 | 413; reason: "bad-address" | "too-large" | "bad-bytes" | "bad-json" | "bad-callback" }
  | { status: 403; reason: "cross-origin" }
  | { status: 405; reason: "wrong-method" };

/**
 * The hosts a sign-in's callbackUrl may lead to, as the proxy gives them: the configured
 * address (NEXTAUTH_URL) and the server's own. The guard adds the host the browser asked for.
 */
export type AppHosts = string[];

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export async function checkRequest(
  request: Request,
  hosts: AppHosts = [new URL(request.url).host],
): Promise<RequestProblem | null> {
  const url = new URL(request.url);
  if (!isCleanAddress(url.pathname) || !isCleanAddress(url.search.replace(/\+/g, " ")))
    return { status: 400, reason: "bad-address" };
  // The host the browser asked for (behind a proxy, the forwarded one, as Next.js reads it) is
  // one of the app's: a clinic may reach it by another name or address than NEXTAUTH_URL's.
  const actionHost =
    request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host") || url.host;
  const ownHosts = [...hosts, actionHost];
  const callbackProblem = checkSignInRequest(request.method, url, ownHosts);
  if (callbackProblem) return callbackProblem;
  if (!BODY_METHODS.has(request.method)) return null;
  // Next.js refuses a cross-origin action by throwing (a 500): the same comparison, answered
  // as what it is. Next.js compares with the forwarded host when there is one, so this does too.
  if (request.headers.has("next-action") && !isOwnOrigin(request.headers.get("origin"), [actionHost]))
    return { status: 403, reason: "cross-origin" };

  const limit = url.pathname.startsWith("/api/auth/")
    ? MAX_SIGN_IN_BODY_BYTES
    : url.pathname === "/admin/import"
      ? MAX_IMPORT_BODY_BYTES
      : MAX_BODY_BYTES;
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
    return [...form.values()].every((value) => typeof value !== "string" || isStorableText(value))
      ? null
      : { status: 400, reason: "bad-bytes" };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { status: 400, reason: "bad-bytes" };
  }
  if (type.startsWith("application/x-www-form-urlencoded")) {
    if (!isCleanAddress(text.replace(/\+/g, " "))) return { status: 400, reason: "bad-bytes" };
    const callbackUrl = new URLSearchParams(text).get("callbackUrl");
    return url.pathname.startsWith("/api/auth/") && callbackUrl !== null && !isOwnPlace(callbackUrl, ownHosts)
      ? { status: 400, reason: "bad-callback" }
      : null;
  }
  // A server action's arguments arrive as JSON text (React's encoding); so does any JSON body.
  if (type.startsWith("application/json") || request.headers.has("next-action")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { status: 400, reason: "bad-json" };
    }
    // React sends an action's arguments as an array; anything else is not from this app.
    if (request.headers.has("next-action") && !(Array.isArray(parsed) && parsed.length <= MAX_ACTION_ARGUMENTS))
      return { status: 400, reason: "bad-json" };
    const texts = stringsWithin(parsed, MAX_JSON_DEPTH);
    if (!texts) return { status: 400, reason: "bad-json" };
    return texts.every(isStorableText) ? null : { status: 400, reason: "bad-bytes" };
  }
  return isStorableText(text) ? null : { status: 400, reason: "bad-bytes" };
}

/**
 * The sign-in endpoints' own refusals, which next-auth answers with a 500: a callbackUrl that
 * leads elsewhere or is no address at all (F-8), and the credentials callback by GET, which
 * exists only as the sign-in form's POST.
 */
function checkSignInRequest(method: string, url: URL, hosts: AppHosts): RequestProblem | null {
  if (!url.pathname.startsWith("/api/auth/")) return null;
  if (url.pathname === "/api/auth/callback/credentials" && method !== "POST")
    return { status: 405, reason: "wrong-method" };
  const callbackUrl = url.searchParams.get("callbackUrl");
  return callbackUrl !== null && !isOwnPlace(callbackUrl, hosts) ? { status: 400, reason: "bad-callback" } : null;
}

/**
 * A server action's Origin: one of the given hosts over HTTP(S), or none (Next.js lets an
 * action without Origin through, and SameSite=Lax keeps the cookie off other sites' posts).
 */
function isOwnOrigin(origin: string | null, hosts: AppHosts): boolean {
  return origin === null || isOnHosts(origin, hosts);
}

function isOnHosts(address: string, hosts: AppHosts): boolean {
  const parsed = URL.parse(address);
  return (
    parsed !== null && (parsed.protocol === "https:" || parsed.protocol === "http:") && hosts.includes(parsed.host)
  );
}

/** A place to go after signing in: a path of this app, or an address on one of its hosts. */
function isOwnPlace(callbackUrl: string, hosts: AppHosts): boolean {
  if (callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") && !callbackUrl.startsWith("/\\")) return true;
  return isOnHosts(callbackUrl, hosts);
}

/** A path, query or url-encoded form whose %-escapes decode to UTF-8 without control characters. */
function isCleanAddress(encoded: string): boolean {
  try {
    return isStorableText(decodeURIComponent(encoded));
  } catch {
    return false;
  }
}

/**
 * The strings anywhere in a parsed JSON value, or null when it nests deeper than `maxDepth`.
 * Walked with a list rather than recursion: a few kilobytes of brackets must not overflow the
 * stack before sign-in (security review F-2).
 */
function stringsWithin(value: unknown, maxDepth: number): string[] | null {
  const found: string[] = [];
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (typeof item === "string") found.push(item);
    else if (item && typeof item === "object") {
      if (depth >= maxDepth) return null;
      for (const child of Object.values(item)) pending.push([child, depth + 1]);
    }
  }
  return found;
}
