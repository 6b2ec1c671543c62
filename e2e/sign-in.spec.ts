import { da } from "../lib/present/i18n/da";
import { expectNoAxeViolations, signInWithForm, submitSignIn } from "./helpers";
import { expect, test } from "./support/test";

test.describe("signing in", () => {
  for (const { email, landing, role, heading } of [
    { email: "fysio@demo.dk", landing: "/caseload", role: "Fysioterapeut", heading: "Patientoversigt" },
    { email: "admin@demo.dk", landing: "/caseload", role: "Administrator", heading: "Patientoversigt" },
    { email: "patient@demo.dk", landing: "/portal", role: "Patient", heading: "Min plan" },
  ]) {
    test(`${email} lands on ${landing}`, async ({ page }) => {
      await signInWithForm(page, email);
      await expect(page).toHaveURL(landing);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expect(page.getByTestId("signed-in-role")).toHaveText(role);
      await expectNoAxeViolations(page);
    });
  }

  test("the clinician's caseload counts their own active patients", async ({ page }) => {
    await signInWithForm(page, "fysio@demo.dk");
    await expect(page.getByRole("status").filter({ hasText: /^\d+ patienter$/ })).toBeVisible();
  });

  test("the patient sees their clinician in the portal", async ({ page }) => {
    await signInWithForm(page, "patient@demo.dk");
    await expect(page.getByText("Hej Peter. Din fysioterapeut er Frederik Fysio.")).toBeVisible();
    await expect(page.getByText("Din fysioterapeut er Frederik Fysio.")).toBeVisible();
  });

  test("wrong password and unknown email get the same message", async ({ page }) => {
    await submitSignIn(page, "fysio@demo.dk", "not-the-password");
    // Next.js adds an empty alert region of its own (the route announcer).
    const alert = page.getByRole("alert").filter({ hasText: /\S/ });
    await expect(alert).toHaveText(da.signIn.failed);
    await expect(page).toHaveURL("/sign-in");
    await submitSignIn(page, "nobody@demo.dk");
    await expect(alert).toHaveText(da.signIn.failed);
  });

  test("an empty form shows field errors and moves focus to the first", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Log ind" }).click();
    await expect(page.getByText(da.signIn.emailRequired)).toBeVisible();
    await expect(page.getByText(da.signIn.passwordRequired)).toBeVisible();
    await expect(page.getByLabel(da.signIn.email)).toBeFocused();
    await expect(page.getByLabel(da.signIn.email)).toHaveAttribute("aria-invalid", "true");
  });

  test("the sign-in page passes axe and can be used by keyboard alone", async ({ page }) => {
    await page.goto("/sign-in");
    await expectNoAxeViolations(page);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel(da.signIn.email)).toBeFocused();
    await page.keyboard.type("fysio@demo.dk");
    await page.keyboard.press("Tab");
    await page.keyboard.type("heelpain-demo");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL("/caseload");
  });
});

test.describe("access", () => {
  test("a signed-out visit to /caseload goes to sign-in", async ({ page }) => {
    await page.goto("/caseload");
    await expect(page).toHaveURL("/sign-in");
    await page.goto("/portal");
    await expect(page).toHaveURL("/sign-in");
  });

  test("a patient is sent from the clinic's pages to the portal, and a clinician the other way", async ({ page }) => {
    await signInWithForm(page, "patient@demo.dk");
    await expect(page).toHaveURL("/portal");
    await page.goto("/caseload");
    await expect(page).toHaveURL("/portal");
    await page.context().clearCookies();
    await signInWithForm(page, "fysio@demo.dk");
    await expect(page).toHaveURL("/caseload");
    await page.goto("/portal");
    await expect(page).toHaveURL("/caseload");
  });

  test("signing out ends the session", async ({ page }) => {
    await signInWithForm(page, "fysio@demo.dk");
    await expect(page).toHaveURL("/caseload");
    await page.getByRole("button", { name: da.header.signOut }).click();
    await expect(page).toHaveURL("/sign-in");
    await page.goto("/caseload");
    await expect(page).toHaveURL("/sign-in");
  });

  test("the health endpoint reports the database", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok", replica: "none" });
  });
});

test.describe("language", () => {
  test("a visitor switches the sign-in page to English", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: da.language.en }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });

  test("a user's choice is kept on their account across sign-ins", async ({ page }) => {
    await signInWithForm(page, "fysio2@demo.dk");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Patientoversigt");
    await page.getByRole("button", { name: da.language.en }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Caseload");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL("/sign-in");
    // A new browser with no cookies: the language comes from the account.
    await page.context().clearCookies();
    await signInWithForm(page, "fysio2@demo.dk");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Caseload");
    await expect(page.getByTestId("signed-in-role")).toHaveText("Physiotherapist");
    await expectNoAxeViolations(page);
  });
});
