import { readdirSync } from "node:fs";

import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContextOptions, expect, type Page } from "@playwright/test";

import { PAGES_CACHE } from "../lib/platform/offline/offline-pages";
import { da } from "../lib/present/i18n/da";

export const DEMO_PASSWORD = "heelpain-demo";

/** Fills in and submits the real sign-in form. */
export async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel(/^(E-mail|Email)$/).fill(email);
  await page.getByLabel(/^(Adgangskode|Password)$/).fill(password);
  await page.getByRole("button", { name: /^(Log ind|Sign in)$/ }).click();
}

/** Signs in through the real form and waits until the user has left the sign-in page (the sign-in spec's way). */
export async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD) {
  await submitSignIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/**
 * Signs in without the form, as the form's own script does: next-auth's CSRF token, then its
 * credentials endpoint, through the page's browser context, whose cookie jar the page shares;
 * then opens the user's home page. A real session of the real server, made in a fraction of
 * the form's time (the form itself is tested in sign-in.spec.ts).
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  const request = page.context().request;
  // The request context keeps its connection open between calls; when the server closes an idle
  // one (Node's keep-alive timeout) just as the next call goes out on it, the call gets
  // ECONNRESET before it reaches the server. A browser retries such a request itself; this asks
  // Playwright to do the same (it retries ECONNRESET and nothing else). Failed once in CI.
  const { csrfToken } = (await (await request.get("/api/auth/csrf", { maxRetries: 2 })).json()) as {
    csrfToken: string;
  };
  const answer = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true" },
    maxRedirects: 0,
    maxRetries: 2,
  });
  expect(answer.status(), `signing in ${email}`).toBeLessThan(400);
  await page.goto("/");
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in") && url.pathname !== "/");
}

/** No WCAG 2.x A/AA violations on the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
  // Next.js streams the <title> of dynamic pages; check the page once it has arrived.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/**
 * Saves the rule settings as they stand in the form, through the confirmation step: "see what
 * the change does", then "save and recompute flags" under the impact.
 */
export async function saveRuleSettings(page: Page) {
  await page.getByRole("button", { name: da.settings.review }).click();
  const confirm = page.getByRole("region", { name: da.settings.confirm.title });
  await expect(confirm.getByTestId("settings-impact")).toBeVisible();
  await confirm.getByRole("button", { name: da.settings.save }).click();
  await expect(page.getByText(/Gemt\. Flagene for \d+ åbne forløb genberegnes nu\./)).toBeVisible();
}

/** Registers a patient through the form and waits for the patient's page. */
export async function registerPatient(
  page: Page,
  patient: { name: string; dateOfBirth: string; sex: "FEMALE" | "MALE" | "OTHER"; side: "LEFT" | "RIGHT" | "BOTH" },
) {
  await page.goto("/patients/new");
  await page.getByLabel(da.caseload.columns.name, { exact: true }).fill(patient.name);
  await page.getByLabel(da.patientForm.dateOfBirth).fill(patient.dateOfBirth);
  await page.getByLabel(da.patientForm.sex).selectOption(patient.sex);
  await page.getByLabel(da.patientForm.affectedSide).selectOption(patient.side);
  await page.getByRole("button", { name: da.patientForm.save }).click();
}

/**
 * Every page and route handler under app/, as a URL: route groups dropped, dynamic segments
 * filled in by `fill`. Read from the file system, so a new route is covered without editing
 * this test.
 */
export function appRoutes(
  fill: (segment: string) => string,
  kinds: readonly ("page" | "route")[] = ["page", "route"],
): string[] {
  const file = new RegExp(`(^|/)(${kinds.join("|")})\\.tsx?$`);
  return readdirSync("app", { recursive: true, encoding: "utf8" })
    .filter((name) => file.test(name))
    .map(
      (name) =>
        `/${name}`
          .replace(/\/(page|route)\.tsx?$/, "")
          .split("/")
          .filter((segment) => !/^\(.*\)$/.test(segment))
          .map((segment) => (segment.startsWith("[") ? fill(segment) : segment))
          .join("/") || "/",
    );
}

/** On the patient's page (clinic signed in): assigns the program of `label` (e.g. "HSR hælløft, 12 uger, version 1") from `startDate`. */
export async function assignProgramOnPatientPage(page: Page, label: string, startDate: string) {
  const programs = page.getByRole("region", { name: da.programs.title });
  await programs.getByRole("button", { name: da.programs.assignTitle }).click();
  const assign = programs
    .getByRole("dialog", { name: da.programs.assignTitle })
    .getByRole("form", { name: da.programs.assignTitle });
  await assign.getByLabel("Program").selectOption({ label });
  await assign.getByLabel(da.programs.startDate).fill(startDate);
  await assign.getByRole("button", { name: da.programs.assign }).click();
  await expect(programs.getByRole("dialog")).toHaveCount(0);
}

/**
 * On the patient's page (clinic signed in): invites `email` to the portal, and answers a phone
 * (a context of `device`) where the patient has set the demo password and signed in.
 */
export async function invitedPatientOnPhone(
  browser: Browser,
  clinic: Page,
  email: string,
  device: BrowserContextOptions,
) {
  const access = clinic.getByRole("region", { name: da.invite.title });
  await access.getByLabel(da.signIn.email).fill(email);
  await access.getByRole("button", { name: da.invite.create }).click();
  // No mail server in the tests: the clinician is told so, and gets the link and its QR code to hand over.
  // It is a warning beside the link, not a success message above the button.
  await expect(access.getByText(da.invite.waitsInOutbox(email))).toHaveClass(/warning-box/);
  await expect(access.getByRole("img", { name: da.invite.qrLabel })).toBeVisible();
  const link = await access.getByLabel("Invitationslink").inputValue();
  const phone = await browser.newContext(device);
  const page = await phone.newPage();
  await page.goto(link);
  await page.getByLabel(da.invite.password).fill(DEMO_PASSWORD);
  await page.getByLabel(da.invite.confirmPassword).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: da.invite.submit }).click();
  // Saving the password signs the patient in: no second typing on the phone.
  await page.waitForURL("/portal");
  return { phone, page };
}

/** The addresses of the portal pages this phone holds for use offline. */
export const cachedPages = (page: Page) =>
  page.evaluate(
    async (name) =>
      (await caches.has(name))
        ? (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname).sort()
        : [],
    PAGES_CACHE,
  );
