import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { appRoutes, signIn } from "./helpers";

/** Routes anyone may open: they either need no account or send a signed-in user home. */
const PUBLIC = [/^\/$/, /^\/sign-in$/, /^\/invite\//, /^\/api\/health$/, /^\/api\/auth\//];
const PORTAL = /^\/portal(\/|$)/;

test("a patient reaches only the portal: every other route answers not-found or sends them to the portal", async ({ page, browser }) => {
  // Real ids from the clinic side, so a refusal cannot be a mere "no such row".
  const clinic = await browser.newPage();
  await signIn(clinic, "fysio@demo.dk");
  await clinic.goto("/caseload?q=Peter%20Patient");
  const ownId = (await clinic.getByRole("link", { name: "Peter Patient" }).getAttribute("href"))!.split("/")[2]!;
  await clinic.goto("/caseload");
  await clinic.getByRole("table").waitFor();
  const patientIds = await clinic.locator('a[href^="/patients/"]').evaluateAll((links) =>
    links.map((link) => link.getAttribute("href")!.split("/")[2]!).filter((id) => /^[0-9a-f-]{36}$/.test(id)),
  );
  const otherId = patientIds.find((id) => id !== ownId)!;
  await clinic.goto("/flags");
  const flagId = (await clinic.locator('a[href^="/flags/"]').first().getAttribute("href"))!.split("/")[2]!;
  await clinic.close();
  expect(otherId).toBeTruthy();

  await signIn(page, "patient@demo.dk");
  const checked: string[] = [];
  for (const patientId of [ownId, otherId]) {
    const fill = (segment: string) =>
      ({ "[id]": patientId, "[kind]": "assessment", "[token]": randomUUID(), "[...nextauth]": "session" })[segment] ?? randomUUID();
    const routes = [...new Set([...appRoutes(fill), `/flags/${flagId}`])];
    for (const route of routes.filter((r) => !PUBLIC.some((p) => p.test(r)) && !PORTAL.test(r))) {
      const response = await page.goto(route);
      // A page's redirect can arrive in the streamed answer: wait for it to land.
      if (response?.status() !== 404) await expect(page, `${route} → ${response?.status()}`).toHaveURL("/portal");
      checked.push(route);
    }
  }
  // The list is the app's, not a hand-picked few: caseload, patients, records, flags, settings, export.
  for (const expected of ["/caseload", "/caseload/export", "/settings", "/settings/templates", "/flags", `/patients/${otherId}/handout`]) {
    expect(checked).toContain(expected);
  }
  expect(checked.length).toBeGreaterThan(25);

  // The portal itself shows only the patient's own record.
  for (const route of ["/portal", "/portal/handout", "/portal/learn"]) {
    expect((await page.goto(route))?.status()).toBe(200);
  }
  await page.goto("/portal");
  await expect(page.getByText("Hej Peter. Din fysioterapeut er Frederik Fysio.")).toBeVisible();
});
