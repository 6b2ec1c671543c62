import { signIn, signInWithForm } from "./helpers";
import { expect, test } from "./support/test";

const COMMON = { "x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "same-origin" };

const scriptSrc = (csp: string) => csp.split("; ").find((directive) => directive.startsWith("script-src "))!;

test("pages, API routes and static files carry the security headers; a page's scripts run with that response's nonce", async ({
  page,
  request,
}) => {
  const first = await page.goto("/sign-in");
  const headers = first!.headers();
  expect(headers).toMatchObject(COMMON);
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc(headers["content-security-policy"]!))![1]!;
  expect(scriptSrc(headers["content-security-policy"]!)).not.toContain("unsafe-inline");
  // Every script of the page carries the nonce (browsers hide the attribute; the property keeps it).
  const nonces = await page
    .locator("script")
    .evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
  expect(nonces.length).toBeGreaterThan(0);
  expect(new Set(nonces)).toEqual(new Set([nonce]));
  // The page works under the policy: signing in runs the app's scripts.
  await signInWithForm(page, "fysio@demo.dk");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // A new response, a new nonce.
  const again = (await request.get("/sign-in")).headers()["content-security-policy"]!;
  expect(again).not.toContain(`'nonce-${nonce}'`);

  const api = await request.get("/api/health");
  expect(api.headers()).toMatchObject(COMMON);
  expect(api.headers()["content-security-policy"]).toContain("default-src 'self'");

  const staticFile = await page.locator('script[src^="/_next/static/"]').first().getAttribute("src");
  const asset = await request.get(staticFile!);
  expect(asset.status()).toBe(200);
  expect(asset.headers()).toMatchObject(COMMON);

  // HSTS only behind HTTPS: this server is reached over plain HTTP (unit-tested for https).
  expect(headers["strict-transport-security"]).toBeUndefined();
});

test("a copied session cookie stops working at sign-out", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "fysio2@demo.dk");
  const cookies = await context.cookies();
  await page.getByRole("button", { name: /^(Log ud|Sign out)$/ }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  // Someone who copied the cookie before sign-out.
  const copy = await browser.newContext();
  await copy.addCookies(cookies);
  const stolen = await copy.newPage();
  await stolen.goto("/caseload");
  await expect(stolen).toHaveURL(/\/sign-in/);
  await copy.close();
  await context.close();
});
