import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, registerPatient, signIn } from "./helpers";

async function newPatientWithEpisode(page: Page, name: string) {
  await registerPatient(page, { name, dateOfBirth: "1972-06-01", sex: "FEMALE", side: "LEFT" });
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  await page.getByLabel("Symptomdebut").fill("2026-08-01");
  await page.getByLabel("Behandlingsstart").fill("2026-09-01");
  await page.getByRole("button", { name: "Åbn nyt forløb" }).click();
  await expect(page.getByRole("link", { name: "Ny undersøgelse" })).toBeVisible();
  return page.url();
}

async function addOutcome(page: Page, patientUrl: string, date: string, instrument: string, value: string) {
  await page.goto(`${patientUrl}/records/outcome/new`);
  await page.getByLabel("Dato").fill(date);
  await page.getByLabel("Måleredskab").selectOption(instrument);
  await page.getByLabel("Værdi").fill(value);
  await page.getByRole("button", { name: "Gem", exact: true }).click();
}

test("a red flag shows an urgent banner before saving and marks the timeline", async ({ page }) => {
  await signIn(page, "fysio@demo.dk");
  const patientUrl = await newPatientWithEpisode(page, "Rigmor Rødflag");
  await page.getByRole("link", { name: "Ny undersøgelse" }).click();
  await expect(page.getByText(/Tryk med tommelfingeren på hælens underside/)).toBeVisible();
  await page.getByLabel("Dato").fill("2026-09-01");
  await page.getByLabel("Smerte ved første skridt (0–10)").fill("7");
  await page.getByRole("group", { name: "Palpationstest" }).getByLabel("Positiv").check();
  await page.getByRole("group", { name: "Windlass-test" }).getByLabel("Positiv").check();
  await expect(page.getByText("Rødt flag – henvis til lægelig vurdering nu")).toHaveCount(0);
  await page.getByLabel("Tiltagende belastningssmerte med hævelse").check();
  const banner = page.getByRole("alert").filter({ hasText: "Rødt flag" });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("stressfraktur i hælbenet");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Gem", exact: true }).click();
  await expect(page).toHaveURL(patientUrl);
  await expect(page.getByText(/Røde flag: Tiltagende belastningssmerte med hævelse/)).toBeVisible();
});

test("outcomes over several dates show on the charts with their baseline; corrections keep history", async ({ page }) => {
  await signIn(page, "fysio@demo.dk");
  const patientUrl = await newPatientWithEpisode(page, "Frida Funktion");

  await addOutcome(page, patientUrl, "2026-09-01", "FAAM_ADL", "140");
  await expect(page.getByText("Skal ligge mellem 0 og 100.")).toBeVisible();
  await expect(page.getByText(/Betydende ændring: 8 point/)).toBeVisible();
  await expect(page.getByText(/Kilde: Martin et al. 2005/)).toBeVisible();
  await page.getByLabel("Værdi").fill("60");
  await page.getByRole("button", { name: "Gem", exact: true }).click();
  await expect(page).toHaveURL(patientUrl);
  await addOutcome(page, patientUrl, "2026-10-01", "FAAM_ADL", "71,5");
  await addOutcome(page, patientUrl, "2026-09-01", "NRS_FIRST_STEP", "7");
  await addOutcome(page, patientUrl, "2026-10-15", "NRS_FIRST_STEP", "4");
  await expect(page).toHaveURL(patientUrl);

  await page.getByLabel("Morgensmerte i dag (0–10)").fill("12");
  await page.getByRole("button", { name: "Gem morgensmerte" }).click();
  await expect(page.getByText("Skal ligge mellem 0 og 10.")).toBeVisible();
  await page.getByLabel("Morgensmerte i dag (0–10)").fill("3");
  await page.getByRole("button", { name: "Gem morgensmerte" }).click();
  await expect(page.getByText("3/10")).toBeVisible();

  const painChart = page.getByRole("img", { name: "Smerte over tid" });
  await expect(painChart.locator(".recharts-line-dot")).toHaveCount(3); // 7, 4 and today's quick entry
  await expect(painChart.getByText("Udgangsværdi 7")).toBeVisible();
  await expect(page.getByRole("img", { name: "FAAM, dagligdag (%)" }).getByText("Udgangsværdi 60")).toBeVisible();
  await page.locator("summary", { hasText: "Målinger som tabel" }).click();
  await expect(page.getByRole("cell", { name: "71,5" })).toBeVisible();
  await expectNoAxeViolations(page);

  const entry = page.locator(".timeline-item").filter({ hasText: "FAAM, dagligdag (%): 71,5" });
  await entry.getByRole("link", { name: "Ret" }).click();
  await expect(page.getByLabel("Værdi")).toHaveValue("71.5");
  await page.getByLabel("Værdi").fill("74");
  await page.getByRole("button", { name: "Gem", exact: true }).click();
  await expect(page).toHaveURL(patientUrl);
  const corrected = page.locator(".timeline-item").filter({ hasText: "FAAM, dagligdag (%): 74" });
  await expect(corrected.getByText("rettet")).toBeVisible();
  await corrected.getByRole("link", { name: "Historik" }).click();
  await expect(page.getByText("FAAM, dagligdag (%): 71,5")).toBeVisible();
  await expect(page.getByText(/Erstattet af Frederik Fysio/)).toBeVisible();

  await page.goto(patientUrl);
  const toDelete = page.locator(".timeline-item").filter({ hasText: "Smerte ved første skridt om morgenen (NRS): 4" });
  await toDelete.getByRole("button", { name: "Slet" }).click();
  const dialog = page.getByRole("dialog", { name: "Slet registreringen?" });
  await dialog.getByLabel("Årsag").fill("Indtastet på forkert dato");
  await dialog.getByRole("button", { name: "Slet" }).click();
  await expect(page.locator(".timeline-item").filter({ hasText: "Smerte ved første skridt om morgenen (NRS): 4" })).toHaveCount(0);
});

test("an intervention is recorded and marked on the time axis", async ({ page }) => {
  await signIn(page, "fysio@demo.dk");
  const patientUrl = await newPatientWithEpisode(page, "Ib Indlæg");
  await addOutcome(page, patientUrl, "2026-09-01", "NRS_FIRST_STEP", "6");
  await page.goto(`${patientUrl}/records/intervention/new`);
  await page.getByLabel("Dato").fill("2026-09-15");
  await page.getByLabel("Type").selectOption("ORTHOSIS");
  await page.getByLabel("Notat").fill("Hælkop i begge sko");
  await page.getByRole("button", { name: "Gem", exact: true }).click();
  await expect(page).toHaveURL(patientUrl);
  await expect(page.getByText("Indlæg eller hælkop – Hælkop i begge sko")).toBeVisible();
  await expect(page.getByRole("img", { name: "Smerte over tid" }).getByText("Indlæg eller hælkop")).toBeVisible();
});

test("the patient page shows today's HSR prescription, why, and adherence per week", async ({ page }) => {
  await signIn(page, "fysio@demo.dk");
  await page.goto("/caseload?q=Peter%20Patient");
  await page.getByRole("link", { name: "Peter Patient" }).click();
  const section = page.getByRole("region", { name: "Programmer" }).getByRole("article", { name: "HSR hælløft" });
  await expect(section).toBeVisible();
  await expect(section.getByText(/^Programuge \d+, fase \d$/)).toBeVisible();
  await expect(section.getByText(/Smerten må højst være 3\/10/)).toBeVisible();
  await expect(section.getByText("Hvorfor:")).toBeVisible();
  await section.locator("summary", { hasText: "Gennemførte træninger pr. uge" }).click();
  await expect(section.getByRole("columnheader", { name: "Gennemført / ordineret" })).toBeVisible();
  await expectNoAxeViolations(page);
});
