// Requests as a browser makes them, without a browser: sign-in through next-auth's own
// endpoints (a real session cookie), pages with redirects left visible, and server actions
// called by id with React's own encoding of their arguments, as any HTTP client could. Used
// by the end-to-end tests, the benchmark and the crash test.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// Next.js's copy of React's client for server actions, as the browser uses it.
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply(args: unknown[]): Promise<string | FormData>;
};

export type ActionEntry = { id: string; file: string; name: string };

/** Resolves once GET /api/health answers 200; fails after `timeoutMs`. */
export async function waitForHealth(baseURL: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      await fetch(`${baseURL}/api/health`, { signal: AbortSignal.timeout(5000) }).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server at ${baseURL} did not answer within ${Math.round(timeoutMs / 1000)} s.`);
}

/** Every server action of the build: id, file and exported name (Next.js's manifest). */
export function serverActions(): ActionEntry[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({ id, file: entry.filename, name: entry.exportedName }));
}

/** The id of an exported server action in the build. */
export function actionId(file: string, name: string): string {
  const found = serverActions().find((action) => action.file === file && action.name === name);
  if (!found) throw new Error(`The build has no server action ${name} of ${file}.`);
  return found.id;
}

/** A form's server action with its arguments: (…bound arguments, previous state, form data). */
export function formArgs(bound: unknown[], values: Record<string, string>): unknown[] {
  const formData = new FormData();
  for (const [name, value] of Object.entries(values)) formData.append(name, value);
  return [...bound, { attempt: 0, values: {}, errors: {}, formError: null }, formData];
}

/** Posts e-mail and password to next-auth as its sign-in form does; answers the response and the CSRF cookies. */
export async function postSignIn(
  baseURL: string,
  email: string,
  password: string,
): Promise<{ response: Response; cookies: string[] }> {
  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  const cookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: cookies.join("; "), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
  });
  return { response, cookies };
}

export async function signIn(baseURL: string, email: string, password: string): Promise<string> {
  const { response, cookies } = await postSignIn(baseURL, email, password);
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .filter((cookie) => cookie.includes("session-token"));
  if (session.length === 0) throw new Error(`Signing in as ${email} failed (${response.status})`);
  return [...cookies, ...session].join("; ");
}

/** Signs out as next-auth's sign-out button does; `cookie` is what signIn answered. */
export async function signOut(baseURL: string, cookie: string): Promise<void> {
  const { csrfToken } = (await (await fetch(`${baseURL}/api/auth/csrf`, { headers: { cookie } })).json()) as {
    csrfToken: string;
  };
  const response = await fetch(`${baseURL}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  if (response.status >= 400) throw new Error(`Signing out failed (${response.status})`);
}

export type PageAnswer = { status: number; location: string | null };

export async function getPage(baseURL: string, cookie: string, url: string): Promise<PageAnswer> {
  const response = await fetch(`${baseURL}${url}`, { redirect: "manual", headers: { cookie } });
  const body = await response.text();
  // A page with a loading state has sent its first bytes before it redirects: the redirect then
  // comes as a meta refresh in the page, which browsers follow. Counted as the redirect it is.
  const streamed = /<meta id="__next-page-redirect" http-equiv="refresh" content="\d+;url=([^"]+)"/.exec(body);
  if (response.status === 200 && streamed) return { status: 307, location: streamed[1]! };
  return { status: response.status, location: response.headers.get("location") };
}

/** What a server action answered: a redirect, the value it returned, or an error it threw. */
export type ActionAnswer = { status: number; redirect: string | null; value: unknown; threw: boolean };

/** A server action's request body and its content type, as React's client encodes the arguments. */
export async function encodeActionBody(
  args: unknown[],
): Promise<{ body: string | Uint8Array<ArrayBuffer>; contentType: string }> {
  const encoded = await encodeReply(args);
  if (typeof encoded === "string") return { body: encoded, contentType: "text/plain;charset=UTF-8" };
  // Arguments holding a form are sent as multipart, its boundary in the content type.
  const request = new Request("http://localhost/", { method: "POST", body: encoded });
  return { body: new Uint8Array(await request.arrayBuffer()), contentType: request.headers.get("content-type")! };
}

/** Calls a server action as a page's script does; `page` is the path of the page it is called from. */
export async function callServerAction(
  baseURL: string,
  cookie: string,
  actionId: string,
  args: unknown[],
  page = "/",
): Promise<ActionAnswer> {
  const { body, contentType } = await encodeActionBody(args);
  const response = await fetch(`${baseURL}${page}`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, origin: baseURL, "next-action": actionId, "content-type": contentType },
    body,
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  // The flight answer's row 1 is the action's value; "E" marks an error the action threw.
  const row =
    text
      .split("\n")
      .find((line) => line.startsWith("1:"))
      ?.slice(2) ?? null;
  return {
    status: response.status,
    redirect: response.headers.get("x-action-redirect")?.split(";")[0] ?? null,
    value: row && !row.startsWith("E") ? JSON.parse(row) : null,
    threw: response.status >= 500 || (row?.startsWith("E") ?? false),
  };
}
