// Requests no browser of this app sends, answered over HTTP by the production build as the
// security review's red team sent them (security review 2026-12-05, F-2, F-7 and F-8): a 4xx
// with the security headers, never a 500, and nothing changed.

import { actionId, callServerAction, signIn as signInOverHttp } from "../tests/support/http-client";
import { DEMO_PASSWORD, signIn } from "./helpers";
import { expect, test } from "./support/test";

const SECURITY_HEADERS = ["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy"];

test("JSON nested thousands of levels deep gets a 400 with the security headers on any path, before sign-in (F-2)", async ({
  request,
}) => {
  const deep = "[".repeat(3_000) + "]".repeat(3_000);
  for (const [path, headers] of [
    ["/api/health", { "content-type": "application/json" }],
    [
      "/sign-in",
      { "content-type": "text/plain;charset=UTF-8", "next-action": "7f00000000000000000000000000000000000000" },
    ],
    ["/api/auth/callback/credentials", { "content-type": "application/json" }],
  ] as const) {
    const response = await request.post(path, { data: deep, headers });
    expect(response.status(), path).toBe(400);
    for (const header of SECURITY_HEADERS) expect(response.headers()[header], `${path} ${header}`).toBeTruthy();
    expect(await response.text()).toContain("ugyldig JSON");
  }
});

test("a cross-origin action gets 403, a sign-in leading elsewhere 400, and the credentials callback by GET 405 (F-8)", async ({
  request,
  baseURL,
}) => {
  const action = await request.post("/sign-in", {
    data: "[]",
    headers: {
      "content-type": "text/plain;charset=UTF-8",
      "next-action": "7f00000000000000000000000000000000000000",
      origin: "http://evil.example",
    },
  });
  expect(action.status()).toBe(403);
  for (const callbackUrl of [
    "http://localhost:3321.evil.example/",
    "javascript:alert(1)",
    "https://evil.example/caseload",
  ]) {
    const page = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, {
      maxRedirects: 0,
    });
    expect(page.status(), callbackUrl).toBe(400);
    const post = await request.post("/api/auth/callback/credentials", {
      form: { email: "fysio@demo.dk", password: DEMO_PASSWORD, callbackUrl },
      maxRedirects: 0,
    });
    expect(post.status(), callbackUrl).toBe(400);
  }
  const get = await request.get("/api/auth/callback/credentials", { maxRedirects: 0 });
  expect(get.status()).toBe(405);
  expect(get.headers()["allow"]).toBe("POST");
  // The sign-in form itself still works, with a callback on this site.
  const ok = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(`${baseURL}/caseload`)}`, {
    maxRedirects: 0,
  });
  expect(ok.status()).toBeLessThan(400);
});

test("a command action called without its form data is refused by the authorization check, not by a crash (F-7)", async ({
  page,
  baseURL,
}) => {
  await signIn(page, "fysio@demo.dk");
  await page.goto("/caseload?q=Peter%20Patient");
  const href = await page.getByRole("link", { name: "Peter Patient" }).getAttribute("href");
  const patientId = href!.split("/").pop()!;
  // Another clinic's physiotherapist, with only the id, as the red team called it.
  const cookie = await signInOverHttp(baseURL!, "fysio@anden.dk", DEMO_PASSWORD);
  for (const name of ["archivePatientAction", "restorePatientAction"]) {
    const answer = await callServerAction(baseURL!, cookie, actionId("app/actions/patients.ts", name), [patientId]);
    expect(answer.threw, name).toBe(false);
  }
  // Nothing happened to the patient: still on the caseload, not archived.
  await page.goto("/caseload?q=Peter%20Patient");
  await expect(page.getByRole("link", { name: "Peter Patient" })).toBeVisible();
});
