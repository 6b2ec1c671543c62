import { type Page } from "@playwright/test";

import { da } from "../lib/present/i18n/da";
import { expectNoAxeViolations, signIn } from "./helpers";
import { expect, test } from "./support/test";

const FIRST_SCREEN = { width: 1366, height: 768 };

/** The patient of the first urgent flag in the clinic's queue: a demo patient with a red flag. */
async function openRedFlagPatient(page: Page) {
  await page.goto("/flags?severity=URGENT&status=OPEN");
  await page.getByRole("table").getByRole("row").nth(1).getByRole("link").nth(1).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
}

/** The accessible name (or text) of each element that takes the focus, in Tab order. */
async function tabOrder(page: Page, stops: number): Promise<string[]> {
  const names: string[] = [];
  await page.locator("body").focus();
  for (let i = 0; i < stops; i += 1) {
    await page.keyboard.press("Tab");
    names.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return "";
        const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
        return (el.getAttribute("aria-label") ?? label ?? el.textContent ?? "").trim();
      }),
    );
  }
  return names;
}

test.describe("the patient page at 1366 × 768", () => {
  test.use({ viewport: FIRST_SCREEN });

  test("the first screen says who, where in treatment, how, what needs attention, and shows the pain chart", async ({
    page,
  }) => {
    await signIn(page, "fysio@demo.dk");
    await openRedFlagPatient(page);

    await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
    await expect(page.getByText(/\d+ år · (venstre|højre) hæl|begge hæle/)).toBeInViewport();
    const tiles = page.getByRole("list", { name: da.overview.tiles }).getByRole("listitem");
    await expect(tiles).toHaveCount(4);
    await expect(tiles.filter({ hasText: da.overview.treatment })).toContainText(/\d+ uger?/);
    await expect(tiles.filter({ hasText: "Morgensmerte" })).toContainText(/MCID/);
    for (const tile of await tiles.all()) await expect(tile).toBeInViewport();

    const flags = page.getByRole("region", { name: da.flags.onPatient });
    const redFlag = flags
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: da.flags.codes.RED_FLAG }) });
    await expect(redFlag).toBeInViewport();
    await expect(redFlag).toContainText("Akut");
    await expect(redFlag).toContainText("Skal vurderes af en læge samme dag");

    // The whole drawn chart, not only its heading, fits above the fold.
    const chart = page.getByRole("img", { name: da.charts.pain }).locator("svg.recharts-surface").first();
    await expect(chart).toBeVisible();
    const box = (await chart.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(FIRST_SCREEN.height);
    await expect(
      page.getByRole("navigation", { name: da.overview.actions }).getByRole("link", { name: da.record.newAssessment }),
    ).toBeInViewport();
    await expect(page.getByLabel(da.outcome.quickNrsValue)).toBeInViewport();
    await expectNoAxeViolations(page);
  });

  test("the keyboard reaches the record's actions, then the flags, the quick entry and the charts, in reading order", async ({
    page,
  }) => {
    await signIn(page, "fysio@demo.dk");
    await openRedFlagPatient(page);
    const order = await tabOrder(page, 30);
    const at = (name: string | RegExp) => {
      const index = order.findIndex((stop) => (typeof name === "string" ? stop === name : name.test(stop)));
      expect(index, `${name} in ${order.join(" | ")}`).toBeGreaterThanOrEqual(0);
      return index;
    };
    const positions = [
      at("Ny undersøgelse"),
      at("Nye målinger"),
      at("Ny intervention"),
      at(/^Rødt flag/),
      at("Morgensmerte i dag (0–10)"),
      at("Gem morgensmerte"),
      at("Målinger som tabel"),
    ];
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // Each chart is one stop (its keyboard tooltip), never one per drawing layer: between the
    // quick entry and the table are at most the pain chart, the instrument choice and the function chart.
    expect(at("Målinger som tabel") - at("Gem morgensmerte")).toBeLessThanOrEqual(4);
  });

  test("a patient with ten weeks of a daily diary fits in about three screens", async ({ page }) => {
    await signIn(page, "fysio@demo.dk");
    await page.goto("/caseload?q=Peter%20Patient");
    await page.getByRole("link", { name: "Peter Patient" }).click();
    await expect(page.getByRole("list", { name: da.overview.tiles })).toContainText("Uge 10 af 12");
    // The diary is summarised per week and older entries fold away.
    const timeline = page.getByRole("region", { name: da.timeline.title });
    await expect(timeline.getByRole("heading", { name: /^Dagbog, uge \d+/ }).first()).toBeVisible();
    await expect(timeline.locator("summary", { hasText: /^Vis \d+ ældre$/ })).toBeVisible();
    // 3.7 screens since a phase holds several exercises, each with its dose (SPEC §6, issue 41);
    // 3.9 since each visit's line states every recorded field and the screens that found
    // nothing (issue 45, finding 9).
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(FIRST_SCREEN.height * 3.9);
  });
});

test("a new patient's page opens the first episode, then shows an empty overview with its actions", async ({
  page,
}) => {
  await signIn(page, "fysio@demo.dk");
  await page.goto("/patients/new");
  await page.getByLabel(da.caseload.columns.name, { exact: true }).fill("Nanna Nyhed");
  await page.getByLabel(da.patientForm.dateOfBirth).fill("1984-05-06");
  await page.getByLabel(da.patientForm.sex).selectOption("FEMALE");
  await page.getByLabel(da.patientForm.affectedSide).selectOption("RIGHT");
  await page.getByRole("button", { name: da.patientForm.save }).click();
  await expect(page.getByRole("region", { name: "Forløb" })).toContainText("Patienten har endnu ikke et forløb");
  await expect(page.getByRole("list", { name: da.overview.tiles })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByLabel(da.patient.symptomOnset).fill("2026-10-01");
  await page.getByLabel(da.patient.treatmentStart).fill("2026-11-01");
  await page.getByRole("button", { name: da.patient.openEpisode }).click();
  const tiles = page.getByRole("list", { name: da.overview.tiles });
  await expect(tiles).toContainText(da.overview.noProgram);
  await expect(tiles).toContainText(da.overview.noMeasurement);
  await expect(page.getByRole("region", { name: da.charts.pain })).toContainText(da.charts.noData);
  await expect(
    page.getByRole("region", { name: da.programs.title }).getByRole("button", { name: da.programs.assignTitle }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});

test.describe("the patient page on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("its tables, opened, scroll in their own frame and keyboard-open, instead of widening the page", async ({
    page,
  }) => {
    await signIn(page, "fysio@demo.dk");
    await openRedFlagPatient(page);
    const toggle = page.locator("summary", { hasText: da.charts.dataTable });
    await toggle.focus();
    await page.keyboard.press("Enter");
    const table = page.getByRole("region", { name: da.charts.dataTable });
    await expect(table.getByRole("row").nth(1)).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page);
  });
});
