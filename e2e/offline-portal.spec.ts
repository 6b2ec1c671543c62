import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { chromium } from "@playwright/test";

import { da } from "../lib/present/i18n/da";
import { findChromium } from "../scripts/chromium";
import { cachedPages, expectNoAxeViolations, signIn } from "./helpers";
import { expect, test } from "./support/test";

// The portal as an installable app that shows today's plan and the handout without a
// connection (SPEC §10, decision record 020). Playwright's offline mode reaches the service
// worker's own fetches only with PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS (set in
// playwright.config.ts), so a page shown offline here truly came from the phone's cache.

const PHONE = {
  viewport: { width: 360, height: 740 },
  hasTouch: true,
  isMobile: true,
  locale: "da-DK",
  timezoneId: "Europe/Copenhagen",
};

test("after one visit, today's plan and the handout open without a connection; signing out deletes them", async ({
  browser,
}) => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await signIn(page, "patient@demo.dk");
  await expect(page.getByRole("heading", { level: 1, name: "Min plan" })).toBeVisible();
  // The first visit registers the worker, which keeps both pages: the handout was never opened.
  await expect.poll(() => cachedPages(page), { timeout: 20_000 }).toEqual(["/portal", "/portal/handout"]);

  await context.setOffline(true);
  const plan = await page.goto("/portal");
  expect(plan?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole("heading", { level: 1, name: "Min plan" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Dagens øvelse: / }).first()).toBeVisible();
  // A kept page says when it was fetched.
  await expect(
    page.getByRole("status").filter({ hasText: /^Du er offline\. Siden er hentet \d+\. \p{L}+\.? \d{4}/u }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  const handout = await page.goto("/portal/handout");
  expect(handout?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole("heading", { level: 1, name: da.handout.title })).toBeVisible();
  await expect(page.getByRole("heading", { name: da.handout.painRuleTitle })).toBeVisible();
  // The record is never kept on the phone.
  await expect(page.goto("/portal/record")).rejects.toThrow(/ERR_INTERNET_DISCONNECTED|ERR_FAILED/);

  // Back online, signing out deletes the kept pages: offline, the plan is gone from this phone.
  await context.setOffline(false);
  await page.goto("/portal");
  await page.getByRole("button", { name: da.header.signOut }).click();
  await page.waitForURL("**/sign-in");
  expect(await cachedPages(page)).toEqual([]);
  // The clinic's pages, sign-in among them, are not part of the app.
  expect(await page.locator('link[rel="manifest"]').count()).toBe(0);
  await context.setOffline(true);
  await expect(page.goto("/portal")).rejects.toThrow(/ERR_INTERNET_DISCONNECTED|ERR_FAILED/);
  await context.close();
});

test("the portal is installable: its manifest and service worker pass Chromium's own check", async ({ baseURL }) => {
  // Chromium never offers to install from a private window: this test needs a profile on disk.
  const profile = await mkdtemp(path.join(tmpdir(), "heelpain-install-"));
  const context = await chromium.launchPersistentContext(profile, {
    ...PHONE,
    baseURL,
    executablePath: findChromium()?.path ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await signIn(page, "patient@demo.dk");
    await expect.poll(() => cachedPages(page), { timeout: 20_000 }).toContain("/portal/handout");
    // A full load, so the worker controls the page as it would an installed app's start page.
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? ""))
      .toMatch(/\/sw\.js$/);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send("Page.getAppManifest");
    expect(manifest.errors).toEqual([]);
    expect(JSON.parse(manifest.data ?? "{}")).toMatchObject({ start_url: "/portal", display: "standalone" });
    expect((await cdp.send("Page.getInstallabilityErrors")).installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});
