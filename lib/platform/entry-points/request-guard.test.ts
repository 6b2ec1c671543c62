import { describe, expect, it } from "vitest";

import {
  checkRequest,
  MAX_BODY_BYTES,
  MAX_IMPORT_BODY_BYTES,
  MAX_JSON_DEPTH,
  MAX_SIGN_IN_BODY_BYTES,
} from "./request-guard";

const BASE = "http://localhost:3000";
const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  new Request(`${BASE}${path}`, { method: "POST", body, headers });
const reason = async (request: Request) => (await checkRequest(request))?.reason ?? "ok";

describe("the request guard", () => {
  it("lets ordinary requests through", async () => {
    expect(
      await reason(new Request(`${BASE}/patients/0b7c6c4e-0000-4000-8000-000000000000?q=Hanne%20J%C3%B8rgensen`)),
    ).toBe("ok");
    // A browser's multipart boundary has upper-case letters; it must be parsed as sent.
    const boundary = "----WebKitFormBoundaryQx7KmZ";
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nSet, ringer tirsdag.\nFortsætter HSR.\r\n--${boundary}--\r\n`;
    expect(
      await reason(
        post("/flags/x", body, { "content-type": `multipart/form-data; boundary=${boundary}`, "next-action": "abc" }),
      ),
    ).toBe("ok");
    expect(
      await reason(
        post("/caseload", JSON.stringify(["$undefined", { attempt: 0 }]), {
          "content-type": "text/plain;charset=UTF-8",
          "next-action": "abc",
        }),
      ),
    ).toBe("ok");
    expect(
      await reason(
        post("/api/auth/callback/credentials", "email=fysio%40demo.dk&password=x+y", {
          "content-type": "application/x-www-form-urlencoded",
        }),
      ),
    ).toBe("ok");
  });

  it("refuses an address that is not UTF-8 or holds a NUL", async () => {
    expect(await checkRequest(new Request(`${BASE}/patients/%ff`))).toEqual({ status: 400, reason: "bad-address" });
    expect(await reason(new Request(`${BASE}/patients/%00`))).toBe("bad-address");
    expect(await reason(new Request(`${BASE}/caseload?q=a%00b`))).toBe("bad-address");
  });

  it("refuses bodies that are not UTF-8, hold a NUL, or are malformed JSON", async () => {
    expect(
      await reason(
        post("/caseload", new Uint8Array([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d]), {
          "content-type": "text/plain",
          "next-action": "abc",
        }),
      ),
    ).toBe("bad-bytes");
    expect(
      await reason(post("/caseload", '["a\\u0000b"]', { "content-type": "text/plain", "next-action": "abc" })),
    ).toBe("bad-bytes");
    expect(
      await checkRequest(post("/caseload", '["abc",{', { "content-type": "text/plain", "next-action": "abc" })),
    ).toEqual({ status: 400, reason: "bad-json" });
    expect(await reason(post("/api/x", "{", { "content-type": "application/json" }))).toBe("bad-json");
    expect(
      await reason(
        post("/api/auth/callback/credentials", "email=a%00b", { "content-type": "application/x-www-form-urlencoded" }),
      ),
    ).toBe("bad-bytes");
    const form = new FormData();
    form.set("name", "Hanne\u0000");
    expect(await reason(new Request(`${BASE}/patients/new`, { method: "POST", body: form }))).toBe("bad-bytes");
  });

  it("refuses JSON nested deeper than anything the app sends, without overflowing the stack (review F-2)", async () => {
    const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
    expect(
      await reason(post("/caseload", nested(MAX_JSON_DEPTH), { "content-type": "text/plain", "next-action": "abc" })),
    ).toBe("ok");
    expect(
      await checkRequest(post("/api/health", nested(MAX_JSON_DEPTH + 1), { "content-type": "application/json" })),
    ).toEqual({ status: 400, reason: "bad-json" });
    expect(await reason(post("/api/health", nested(100_000), { "content-type": "application/json" }))).toBe("bad-json");
    expect(
      await reason(
        post("/", '{"a":'.repeat(50_000) + "1" + "}".repeat(50_000), {
          "content-type": "text/plain",
          "next-action": "abc",
        }),
      ),
    ).toBe("bad-json");
  });

  it("answers a cross-origin action 403, a sign-in that would lead elsewhere 400 and the credentials callback by GET 405 (review F-8)", async () => {
    const action = (origin: string | null, extra: Record<string, string> = {}) =>
      post("/caseload", "[]", {
        "content-type": "text/plain",
        "next-action": "abc",
        host: "localhost:3000",
        ...(origin ? { origin } : {}),
        ...extra,
      });
    expect(await reason(action("http://localhost:3000"))).toBe("ok");
    expect(await reason(action(null))).toBe("ok");
    for (const origin of [
      "http://evil.example",
      "null",
      "http://127.0.0.1:3000",
      "http://localhost:3000.evil.example",
      "file://localhost:3000",
    ]) {
      expect(await checkRequest(action(origin))).toEqual({ status: 403, reason: "cross-origin" });
    }
    expect(await reason(action("http://localhost:3000", { host: "evil.example" }))).toBe("cross-origin");
    // Behind a proxy, the forwarded host is the one the browser saw (and the one Next.js compares with).
    expect(await reason(action("https://klinik.example", { "x-forwarded-host": "klinik.example" }))).toBe("ok");

    const hosts = ["localhost:3000", "klinik.example"];
    const signInPage = (callbackUrl: string) =>
      checkRequest(new Request(`${BASE}/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`), hosts);
    for (const ok of ["/caseload", "http://localhost:3000/portal", "https://klinik.example/caseload?q=a"])
      expect((await signInPage(ok))?.reason ?? "ok").toBe("ok");
    for (const bad of [
      "http://localhost:3321.evil.example/",
      "javascript:alert(1)",
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example/caseload",
    ]) {
      expect(await signInPage(bad)).toEqual({ status: 400, reason: "bad-callback" });
    }
    const credentials = (callbackUrl: string) =>
      post(
        "/api/auth/callback/credentials",
        `email=a%40b.dk&password=x&callbackUrl=${encodeURIComponent(callbackUrl)}`,
        { "content-type": "application/x-www-form-urlencoded" },
      );
    expect((await checkRequest(credentials("http://localhost:3000/caseload"), hosts)) ?? "ok").toBe("ok");
    expect(await checkRequest(credentials("javascript:alert(1)"), hosts)).toEqual({
      status: 400,
      reason: "bad-callback",
    });
    expect(await checkRequest(new Request(`${BASE}/api/auth/callback/credentials`), hosts)).toEqual({
      status: 405,
      reason: "wrong-method",
    });
  });

  it("refuses action arguments that are not the array React sends", async () => {
    const action = (body: string) => post("/caseload", body, { "content-type": "text/plain", "next-action": "abc" });
    for (const body of ['{"a":1}', "5", "null", JSON.stringify(Array.from({ length: 100_000 }, () => 0))])
      expect(await reason(action(body))).toBe("bad-json");
    expect(await reason(action(JSON.stringify(["0ab142ed-6381-4fd5-a1c4-2cc5c99d4fb8", "$K1"])))).toBe("ok");
    // Sent as JSON, an action's body is still its arguments.
    expect(
      await reason(post("/caseload", '{"a":1}', { "content-type": "application/json", "next-action": "abc" })),
    ).toBe("bad-json");
  });

  it("lets a sign-in lead back to the host the browser asked for, as the sign-in form sends it", async () => {
    const form = (host: string, callbackUrl: string) =>
      post(
        "/api/auth/callback/credentials",
        `email=a%40b.dk&password=x&callbackUrl=${encodeURIComponent(callbackUrl)}`,
        {
          "content-type": "application/x-www-form-urlencoded",
          host,
        },
      );
    // A clinic's machine opens the app by its address rather than NEXTAUTH_URL's name.
    expect(await checkRequest(form("127.0.0.1:3000", "http://127.0.0.1:3000/sign-in"), ["localhost:3000"])).toBeNull();
    expect(await checkRequest(form("127.0.0.1:3000", "http://evil.example/sign-in"), ["localhost:3000"])).toEqual({
      status: 400,
      reason: "bad-callback",
    });
  });

  it("refuses bodies above the limit, and the sign-in endpoint's at a few kilobytes", async () => {
    expect(
      await checkRequest(post("/caseload", "a".repeat(MAX_BODY_BYTES + 1), { "content-type": "text/plain" })),
    ).toEqual({ status: 413, reason: "too-large" });
    expect(
      await reason(post("/caseload", "a".repeat(MAX_SIGN_IN_BODY_BYTES + 1), { "content-type": "text/plain" })),
    ).toBe("ok");
    expect(
      await reason(
        post("/api/auth/callback/credentials", "a".repeat(MAX_SIGN_IN_BODY_BYTES + 1), {
          "content-type": "application/x-www-form-urlencoded",
        }),
      ),
    ).toBe("too-large");
  });

  it("lets a patient list up to its own limit through to the import page only; a file in another encoding is the import's to name", async () => {
    const upload = (path: string, bytes: number) => {
      const form = new FormData();
      // Latin-1 "ø": not UTF-8, but a file's bytes, which the import itself reports.
      form.set("file", new File([new Uint8Array(bytes).fill(0xf8)], "patienter.csv", { type: "text/csv" }));
      return new Request(`${BASE}${path}`, { method: "POST", body: form, headers: { "next-action": "abc" } });
    };
    expect(await reason(upload("/admin/import", 2 * 1024 * 1024))).toBe("ok");
    expect(await reason(upload("/caseload", 2 * 1024 * 1024))).toBe("too-large");
    expect(await reason(upload("/admin/import", MAX_IMPORT_BODY_BYTES + 1))).toBe("too-large");
  });
});
