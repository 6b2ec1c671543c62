import { type Page } from "@playwright/test";

import { DEFAULT_TIME_ZONE, today } from "../lib/platform/dates";
import { da } from "../lib/present/i18n/da";
import { readDanishCsv } from "../tests/support/read-danish-csv";
import { expectNoAxeViolations, signIn } from "./helpers";
import { expect, test } from "./support/test";

/** The number in a report table's row, as the page shows it. */
async function cell(page: Page, table: string, row: string, column: number) {
  const region = page.getByRole("table", { name: table });
  return (await region
    .getByRole("row", { name: new RegExp(`^${row}`) })
    .getByRole("cell")
    .nth(column - 1)
    .textContent())!.trim();
}

test("an admin reads the clinic report, changes period and clinician, downloads a table as CSV and prints it", async ({
  page,
}) => {
  await signIn(page, "admin@demo.dk");
  await page.getByRole("link", { name: da.nav.reports }).click();
  await expect(page.getByRole("heading", { name: da.reports.title, level: 1 })).toBeVisible();

  // The default period is the last twelve months: the demo's courses started in it.
  const started = Number(await cell(page, "Forløb", "Startet", 1));
  expect(started).toBeGreaterThanOrEqual(35);
  for (const heading of [
    "Bedring efter 6 og 12 uger",
    "Raske over tid",
    "Morgensmerte pr. programuge",
    "Træningsadhærens i HSR",
    "Flag og kvittering",
    "Henvisninger og behandlinger",
  ]) {
    await expect(page.getByRole("heading", { name: heading, level: 2 })).toBeVisible();
  }
  // Each chart is drawn, with its figures in a table beside it.
  for (const chart of [
    "Bedring efter 6 og 12 uger, forløb efter udfald",
    "Andel raske efter uger siden behandlingsstart, med det forventede forløb",
    "Median morgensmerte pr. HSR-programuge, med den midterste halvdel af forløbene",
    "Forløb efter andel gennemførte af ordinerede HSR-træninger",
  ]) {
    await expect(page.getByRole("img", { name: chart }).locator(".recharts-wrapper")).toBeVisible();
  }
  await expect(
    page.getByRole("table", { name: da.reports.recovery.references }).getByRole("row", { name: /52 uger/ }),
  ).toContainText("mere end 50 %");
  const share6 = await cell(page, "Bedring efter 6 og 12 uger", "6 uger", 5);
  expect(share6).toMatch(/^\d+ %$/);
  await expectNoAxeViolations(page);

  // The CSV of a table holds what the page shows, in the Danish CSV.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Hent »Forløb« som CSV" }).click();
  const file = await (await download).path();
  const rows = readDanishCsv(await (await import("node:fs/promises")).readFile(file, "utf8"));
  expect(rows[0]).toEqual(["Forløb", "Antal"]);
  expect(rows[1]).toEqual(["Startet", String(started)]);
  const improvement = readDanishCsv(await (await page.request.get(`/reports/export?table=improvement`)).text());
  expect(improvement[0]!.at(-1)).toBe("Andel bedret (%)");
  expect(improvement[1]![5]).toMatch(/^\d+(,\d)?$/);

  // One clinician's patients: fewer episodes, and the scope says whose.
  await page.getByLabel("Fysioterapeut").selectOption({ label: "Sofie Skov" });
  await page.getByRole("button", { name: da.reports.show }).click();
  await expect(page).toHaveURL(/clinician=/);
  await expect(page.getByText(/patienter hos Sofie Skov/)).toBeVisible();
  expect(Number(await cell(page, "Forløb", "Startet", 1))).toBeLessThan(started);

  // A period of the last two weeks: only the newest courses.
  const today = new Date();
  const twoWeeksAgo = new Date(today.getTime() - 14 * 86_400_000);
  await page.getByLabel("Fysioterapeut").selectOption({ label: "Hele klinikken" });
  await page.getByLabel(da.reports.from).fill(twoWeeksAgo.toISOString().slice(0, 10));
  await page.getByRole("button", { name: da.reports.show }).click();
  await expect(page).toHaveURL(/from=/);
  expect(Number(await cell(page, "Forløb", "Startet", 1))).toBeLessThan(started);

  // An end before the start is answered on the field, and no report is shown.
  await page.getByLabel(da.reports.to).fill(
    twoWeeksAgo
      .toISOString()
      .slice(0, 10)
      .replace(/^\d{4}/, (y) => String(Number(y) - 1)),
  );
  await page.getByRole("button", { name: da.reports.show }).click();
  await expect(page.getByText(da.validation.periodOrder)).toBeVisible();
  await expect(page.getByText(da.reports.invalid)).toHaveAttribute("role", "alert");
  await expect(page.getByRole("heading", { name: "Forløb", level: 2 })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Printed: no menu, no filters, no CSV links; every section and table on paper.
  await page.goto("/reports");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("search", { name: da.reports.filters })).toBeHidden();
  await expect(page.getByRole("link", { name: "Hent »Forløb« som CSV" })).toBeHidden();
  await expect(page.getByRole("button", { name: da.reports.print })).toBeHidden();
  await expect(page.getByRole("table", { name: da.reports.recovery.title })).toBeVisible();
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.length).toBeGreaterThan(10_000);
});

test("a clinician's report is their own caseload, without a choice of clinician", async ({ page }) => {
  await signIn(page, "fysio2@demo.dk");
  await page.goto("/reports");
  await expect(page.getByText(/patienter hos Sofie Skov/)).toBeVisible();
  await expect(page.getByLabel("Fysioterapeut")).toHaveCount(0);
  // A common period is one click: this year, from the 1st of January to today.
  const periods = page.getByRole("navigation", { name: da.reports.quickPeriods });
  await expect(periods.getByRole("link", { name: da.reports.periods.last12Months })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await periods.getByRole("link", { name: da.reports.periods.thisYear }).click();
  await expect(page).toHaveURL(new RegExp(`from=${today(DEFAULT_TIME_ZONE).getUTCFullYear()}-01-01`));
  await expect(periods.getByRole("link", { name: da.reports.periods.thisYear })).toHaveAttribute(
    "aria-current",
    "page",
  );
  expect(Number(await cell(page, "Forløb", "Startet", 1))).toBeGreaterThan(0);
  await expectNoAxeViolations(page);
});
