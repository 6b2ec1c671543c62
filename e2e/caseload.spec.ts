import { type Page } from "@playwright/test";

import { addDays, DEFAULT_TIME_ZONE, isoDate, today } from "../lib/platform/dates";
import { da } from "../lib/present/i18n/da";
import { readDanishCsv } from "../tests/support/read-danish-csv";
import { expectNoAxeViolations, registerPatient, signIn } from "./helpers";
import { expect, test } from "./support/test";

/** The patients' names in the table, in order (the birth date under each is left out). */
/** Each row's name: its first link (an unread-messages badge may follow it). */
const NAME_LINKS = "table.data-table tbody th a:first-of-type";
const rowNames = (page: Page) => page.locator(NAME_LINKS).allInnerTexts();

test.describe("caseload", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "fysio@demo.dk");
    await expect(page).toHaveURL("/caseload");
  });

  test("shows the clinician's active patients in a table that passes axe", async ({ page }) => {
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Patientoversigt");
    await expect(page.locator("table.data-table tbody tr")).toHaveCount(25);
    await expect(page.getByRole("columnheader", { name: /Morgensmerte/ })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the shell marks the page's place in the menu, through client-side navigation, and skips to the content", async ({
    page,
  }) => {
    const menu = page.getByRole("navigation", { name: da.nav.label });
    const current = menu.locator('a[aria-current="page"]');
    await expect(current).toHaveText(da.nav.caseload);
    // A patient's pages are the caseload's place.
    await page.locator(NAME_LINKS).first().click();
    await expect(page).toHaveURL(/\/patients\/[0-9a-f-]+$/);
    await expect(current).toHaveText(da.nav.caseload);
    await menu.getByRole("link", { name: da.nav.flags }).click();
    await expect(page).toHaveURL("/flags");
    await expect(current).toHaveText(da.nav.flags);
    await expect(current).toHaveCount(1);
    await page.getByRole("link", { name: da.nav.account }).click();
    await expect(page).toHaveURL("/account");
    await expect(current).toHaveCount(0);
    await expect(page.getByRole("link", { name: da.nav.account })).toHaveAttribute("aria-current", "page");
    // One <main>, reached by the skip link, the first thing the keyboard meets on a page just loaded.
    await page.reload();
    await expect(page.locator("main")).toHaveCount(1);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: da.app.skipToContent })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
  });

  test("sorts on the server by a header link, and the back button restores the view", async ({ page }) => {
    await expect(page.locator("table.data-table tbody tr")).toHaveCount(25);
    const byName = await rowNames(page);
    await page.getByRole("link", { name: "Sortér efter Morgensmerte" }).click();
    await expect(page).toHaveURL("/caseload?sort=pain");
    await page.getByRole("link", { name: /Sortér efter Morgensmerte, sorteret stigende/ }).click();
    await expect(page).toHaveURL("/caseload?sort=pain&dir=desc");
    await expect(page.getByRole("columnheader", { name: /Morgensmerte/ })).toHaveAttribute("aria-sort", "descending");
    const pains = (await page.locator("table.data-table tbody tr td:nth-of-type(5)").allInnerTexts())
      .map((text) => Number.parseFloat(text))
      .filter((value) => !Number.isNaN(value));
    expect(pains).toEqual([...pains].sort((a, b) => b - a));
    await page.goBack();
    await page.goBack();
    await expect(page).toHaveURL("/caseload");
    await expect(page.locator(NAME_LINKS)).toHaveText(byName);
  });

  test("pages through the caseload", async ({ page }) => {
    await expect(page.getByText("Side 1 af 2")).toBeVisible();
    await page.getByRole("link", { name: da.caseload.pagination.next }).click();
    await expect(page).toHaveURL("/caseload?page=2");
    await expect(page.getByText("Side 2 af 2")).toBeVisible();
  });

  test("filters and searches through the URL", async ({ page }) => {
    await page.getByLabel(da.caseload.filters.status).selectOption("DISCHARGED");
    await page.getByRole("button", { name: "Vis", exact: true }).click();
    await expect(page).toHaveURL(/status=DISCHARGED/);
    const discharged = await page.locator("table.data-table tbody tr").count();
    expect(discharged).toBeGreaterThan(0);
    await page.goto("/caseload?q=Peter%20Patient");
    await expect.poll(() => rowNames(page)).toEqual(["Peter Patient"]);
    // A search with no hits says so, rather than "there are no patients yet".
    await page.goto("/caseload?q=Zzyzx");
    await expect(page.getByText(da.caseload.noMatch)).toBeVisible();
    await expect(page.getByText(/Der er endnu ingen patienter/)).toHaveCount(0);
    // Sorting keeps the search.
    await page.goto("/caseload?q=Hansen");
    await page.getByRole("link", { name: "Sortér efter Alder" }).click();
    await expect(page).toHaveURL(/q=Hansen/);
    for (const name of await rowNames(page)) expect(name).toContain("Hansen");
  });

  for (const width of [1366, 1024]) {
    test(`fits a ${width} px screen without scrolling sideways, and tells patients of the same name apart`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 768 });
      await page.goto("/caseload?scope=clinic");
      const table = page.getByRole("region", { name: "Patientoversigt" });
      await expect(table).toBeVisible();
      expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // Every name carries the birth date beneath it.
      const births = await page.locator("table.data-table tbody th .cell-sub").allInnerTexts();
      expect(births).toHaveLength((await rowNames(page)).length);
      // The masked CPR number (it holds the birth date), or the birth date for a patient without one.
      for (const birth of births) expect(birth).toMatch(/^(\d{6}-••••|f\. \d+\. \p{L}+\.? \d{4})$/u);
      expect(births.some((birth) => birth.startsWith("f. "))).toBe(true);
    });
  }

  test("on a 360 px phone the filters fold behind one button and each patient is a card, which pass axe", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const filters = page.getByRole("search", { name: da.caseload.filters.legend });
    await expect(filters).toBeHidden();
    const toggle = page.locator("summary", { hasText: da.caseload.filters.legend });
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(filters).toBeVisible();
    await expectNoAxeViolations(page);
    await filters.getByLabel(da.caseload.filters.search).fill("Peter Patient");
    await filters.getByLabel(da.caseload.filters.search).press("Enter");
    await expect.poll(() => rowNames(page)).toEqual(["Peter Patient"]);
    await expect(filters).toBeHidden();
    // The card names each value's column, and fits the phone.
    const age = page.locator('table.data-table tbody td[data-column="age"]');
    expect(await age.evaluate((cell) => getComputedStyle(cell, "::before").content)).toBe(
      `"${da.caseload.columns.age}: "`,
    );
    expect((await page.locator("table.data-table tbody tr").boundingBox())!.width).toBeLessThanOrEqual(360);
    // A wide screen shows the filters without the button.
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect(filters).toBeVisible();
    await expect(toggle).toBeHidden();
  });

  test("the needs-attention view lists overdue follow-ups, most severe first", async ({ page }) => {
    await page.getByRole("link", { name: da.caseload.views.attention }).click();
    await expect(page).toHaveURL("/caseload?view=attention&sort=flags&dir=desc");
    await expect(page.getByRole("columnheader", { name: /Åbne flag/ })).toHaveAttribute("aria-sort", "descending");
    await expect(page.getByText(/åbent flag for overskredet opfølgning/)).toBeVisible();
    expect((await rowNames(page)).length).toBeGreaterThan(0);
    // Most severe first, and each row says which rules it is for.
    const order = ["urgent", "high", "warning", "info"];
    const ranks = await page
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-severity") ?? "none"));
    const positions = ranks.map((rank) => (order.includes(rank) ? order.indexOf(rank) : order.length));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const firstRow = (await page.locator("tbody tr").first().textContent()) ?? "";
    expect(
      Object.values(da.flags.codes).some((rule) => firstRow.includes(rule)),
      firstRow,
    ).toBe(true);
  });

  test("malformed parameters fall back to the default view", async ({ page }) => {
    const response = await page.goto("/caseload?sort=password&dir=up&page=-3&severity=doom&clinician=x");
    expect(response?.status()).toBe(200);
    await expect(page.getByText("Side 1 af 2")).toBeVisible();
  });

  test("remembers hidden columns on the account", async ({ page }) => {
    // The body's cells go with their header: each row keeps one cell per column shown.
    const sideCells = page.locator('table.data-table tbody td[data-column="side"]');
    const rowCount = await page.locator("table.data-table tbody tr").count();
    await expect(sideCells).toHaveCount(rowCount);
    await page.locator("summary", { hasText: da.caseload.chooseColumns }).click();
    await page.getByRole("checkbox", { name: da.caseload.columns.side }).uncheck();
    await expect(page.getByRole("columnheader", { name: da.caseload.columns.side, exact: true })).toHaveCount(0);
    await expect(sideCells).toHaveCount(0);
    const headers = await page.locator("table.data-table thead th").count();
    await expect(page.locator("table.data-table tbody tr").first().locator("th, td")).toHaveCount(headers);
    await page.getByRole("button", { name: da.caseload.saveColumns }).click();
    await expect(page.getByText(da.caseload.columnsSaved)).toBeVisible();
    await page.reload();
    await expect(page.getByRole("columnheader", { name: da.caseload.columns.side, exact: true })).toHaveCount(0);
    await expect(sideCells).toHaveCount(0);
    await page.locator("summary", { hasText: da.caseload.chooseColumns }).click();
    await page.getByRole("checkbox", { name: da.caseload.columns.side }).check();
    await page.getByRole("button", { name: da.caseload.saveColumns }).click();
    await expect(page.getByText(da.caseload.columnsSaved)).toBeVisible();
  });

  test("exports the current view as CSV", async ({ page }) => {
    const response = await page.request.get("/caseload/export?q=Peter%20Patient");
    expect(response.headers()["content-type"]).toContain("text/csv");
    // The Danish CSV: a BOM and semicolons (SPEC §9), read back with a CSV parser.
    const rows = readDanishCsv(await response.text());
    expect(rows[0]).toEqual([
      "Navn",
      "CPR-nummer",
      "Alder",
      "Side",
      "Uger i behandling",
      "Programfase",
      "Morgensmerte",
      "Åbne flag",
      "Plan",
      "Sidste besøg",
      "Fysioterapeut",
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[1]![0]).toBe("Peter Patient");
    // The CPR number only masked: the birth date part, the serial hidden.
    expect(rows[1]![1]).toMatch(/^\d{6}-••••$/);
  });

  test("finds archived patients under their filter; an administrator restores one", async ({ page }) => {
    await registerPatient(page, { name: "Anja Arkiv", dateOfBirth: "1961-04-02", sex: "FEMALE", side: "LEFT" });
    await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
    const patientUrl = page.url();
    await page.getByRole("button", { name: da.patient.archive }).click();
    await page.getByRole("dialog").getByRole("button", { name: da.patient.archiveConfirm }).click();
    await expect(page).toHaveURL("/caseload");
    await page.goto("/caseload?q=Anja&status=any");
    await expect(page.getByText(da.caseload.noMatch)).toBeVisible();
    await page.getByLabel(da.caseload.filters.archived, { exact: true }).selectOption("yes");
    await page.getByRole("button", { name: "Vis", exact: true }).click();
    await expect.poll(() => rowNames(page)).toEqual([expect.stringContaining("Anja Arkiv")]);
    // A clinician cannot restore; an administrator can.
    await page.goto(patientUrl);
    await expect(page.getByRole("button", { name: da.patient.restore })).toHaveCount(0);
    await page.context().clearCookies();
    await signIn(page, "admin@demo.dk");
    await page.goto(patientUrl);
    await page.getByRole("button", { name: da.patient.restore }).click();
    await page.getByRole("dialog").getByRole("button", { name: da.patient.restoreConfirm }).click();
    await expect(page.getByRole("button", { name: da.patient.archive })).toBeVisible();
    await page.goto("/caseload?q=Anja&status=any");
    await expect.poll(() => rowNames(page)).toEqual([expect.stringContaining("Anja Arkiv")]);
  });

  test("shows the caseload in English", async ({ page }) => {
    await page.getByRole("button", { name: da.language.en }).click();
    await expect(page.getByRole("columnheader", { name: /First-step pain/ })).toBeVisible();
    await expect(page.getByText("Page 1 of 2")).toBeVisible();
    await page.getByRole("button", { name: da.language.da }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Patientoversigt");
  });
});

test.describe("patients", () => {
  test("registers a patient with a GP after fixing field errors, then opens an episode with its referral and discharges it", async ({
    page,
  }) => {
    await signIn(page, "fysio@demo.dk");
    await page.getByRole("link", { name: "Opret patient" }).click();
    await expect(page).toHaveURL("/patients/new");
    await page.getByLabel(da.caseload.columns.name, { exact: true }).fill("Birgit Brandt");
    await page.getByLabel(/Højde/).fill("12");
    await page.getByLabel(/^Telefon/).fill("20 30 40 50");
    const gp = page.getByRole("group", { name: da.patientForm.gp });
    await gp.getByLabel(/^Lægens navn/).fill("Anne Holm");
    await gp.getByLabel(/^Praksis \(/).fill("Lægerne i Vestergade");
    await gp.getByLabel(/^Praksissens lokationsnummer/).fill("5790 0012 3456");
    await page.getByRole("button", { name: da.patientForm.save }).click();
    await expect(page.getByText(da.validation.summary)).toBeVisible();
    await expect(page.getByText("Skriv et tal fra 100 til 230 med højst én decimal.")).toBeVisible();
    await expect(gp.getByLabel(/^Praksissens lokationsnummer/)).toHaveAttribute("aria-invalid", "true");
    await expect(gp.getByText(da.validation.invalidLocationNumber)).toBeVisible();
    await gp.getByLabel(/^Praksissens lokationsnummer/).fill("5790 0012 3456 7");
    await expect(page.getByLabel(da.patientForm.dateOfBirth)).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel(da.caseload.columns.name, { exact: true })).toHaveValue("Birgit Brandt");
    await expectNoAxeViolations(page);

    await page.getByLabel(da.patientForm.dateOfBirth).fill("1968-09-14");
    await page.getByLabel(da.patientForm.sex).selectOption("FEMALE");
    await page.getByLabel(da.patientForm.affectedSide).selectOption("RIGHT");
    await page.getByLabel(/Højde/).fill("172");
    await page.getByLabel(/Vægt/).fill("80,5");
    await page.getByRole("button", { name: da.patientForm.save }).click();
    await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Birgit Brandt");
    await expect(page.getByText("27,2")).toBeVisible(); // BMI
    // Numbers in Danish notation, beside each other ("80.5" beside "27,2" was the complaint).
    const details = page.getByRole("region", { name: da.patientForm.identity, exact: true });
    await expect(details.getByText("80,5", { exact: true })).toBeVisible();
    await expect(details).toContainText("Anne Holm, Lægerne i Vestergade");
    await expect(details).toContainText("Lokationsnr. 5790001234567");
    await expect(details.getByRole("link", { name: da.patient.callPatient("20 30 40 50") })).toHaveAttribute(
      "href",
      "tel:+4520304050",
    );
    await expect(page.getByText("Patienten har endnu ikke et forløb.")).toBeVisible();

    // The referral's fields show once the box is ticked; a bad code and a date in the future are said field by field.
    const open = page.getByRole("form", { name: da.patient.openEpisode });
    await expect(open.getByLabel(da.referral.fields.doctorName)).toBeHidden();
    await open.getByLabel(da.referral.referred).check();
    await page.getByLabel(da.patient.symptomOnset).fill("2099-01-01");
    await open.getByLabel(da.referral.fields.referralDate).fill(isoDate(addDays(today(DEFAULT_TIME_ZONE), -10)));
    await open.getByLabel(da.referral.fields.doctorName).fill("Anne Holm");
    await open.getByLabel(/^Lægens telefon/).fill("86 20 30 40");
    await open.getByLabel(da.referral.fields.diagnosisText).fill("Hælsmerter, plantar fasciopati");
    await open.getByLabel(/^ICD-10-kode/).fill("hælspore");
    await open.getByLabel(da.referral.fields.vederlagsfri).check();
    await page.getByRole("button", { name: da.patient.openEpisode }).click();
    await expect(page.getByText(da.validation.futureDate)).toBeVisible();
    await expect(open.getByLabel(/^ICD-10-kode/)).toHaveAttribute("aria-invalid", "true");
    await expect(open.getByText(da.validation.invalidIcd10)).toBeVisible();
    await expect(open.getByLabel(da.referral.fields.doctorName)).toHaveValue("Anne Holm");
    await expectNoAxeViolations(page);
    await page.getByLabel(da.patient.symptomOnset).fill("2026-09-01");
    await open.getByLabel(/^ICD-10-kode/).fill("DM722");
    await page.getByRole("button", { name: da.patient.openEpisode }).click();
    await expect(page.getByText(da.episodeStatus.ACTIVE, { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    // The referral on the patient page: the doctor's phone dials, the code in the WHO form; its id added later.
    const referral = page.getByRole("region", { name: da.referral.title });
    await expect(referral).toContainText("Anne Holm");
    await expect(referral).toContainText("Hælsmerter, plantar fasciopati (ICD-10 M72.2)");
    await expect(referral.getByRole("link", { name: da.referral.callDoctor("86 20 30 40") })).toHaveAttribute(
      "href",
      "tel:+4586203040",
    );
    await referral.getByRole("button", { name: da.referral.edit }).click();
    const edit = page.getByRole("dialog", { name: da.referral.edit });
    await edit.getByLabel(/^Henvisningens id/).fill("REF07-1");
    await edit.getByRole("button", { name: da.referral.save }).click();
    await expect(edit.getByText(da.validation.invalidUuid)).toBeVisible();
    await edit.getByLabel(/^Henvisningens id/).fill("6F1C2D3E-4B5A-4C6D-8E7F-9A0B1C2D3E4F");
    await edit.getByRole("button", { name: da.referral.save }).click();
    await expect(edit).toBeHidden();
    await expect(referral).toContainText("6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f");

    // A pause asks why and is confirmed; the episode then says why it is paused.
    await page.getByRole("button", { name: da.patient.pause }).click();
    const pause = page.getByRole("dialog", { name: da.patient.pauseTitle });
    await expect(pause.getByLabel(da.patient.pauseReason)).toHaveAttribute("required", "");
    await pause.getByLabel(da.patient.pauseReason).selectOption("TRAVEL");
    await pause.getByRole("button", { name: da.patient.pause }).click();
    await expect(page.getByText(da.episodeStatus.PAUSED, { exact: true })).toBeVisible();
    await expect(page.locator(".episode")).toContainText(da.patient.pauseReasons.TRAVEL);
    await page.getByRole("button", { name: da.patient.resume }).click();
    await expect(page.getByText(da.episodeStatus.ACTIVE, { exact: true })).toBeVisible();
    // Ending a course without measurements (none were taken): the result says it cannot be judged.
    await page.getByRole("link", { name: da.patient.discharge }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(da.discharge.title);
    await page.getByLabel(da.patient.dischargeReason).selectOption("PATIENT_CHOICE");
    await page.getByRole("button", { name: da.discharge.showResult }).click();
    await expect(page.getByText(da.discharge.improvement.NOT_JUDGEABLE)).toBeVisible();
    await page.getByRole("button", { name: da.discharge.confirm }).click();
    await expect(page.getByRole("status").filter({ hasText: da.discharge.done })).toBeVisible();
    await expect(page.getByText("Afsluttet", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: da.patient.reopen })).toBeVisible();

    await page.goto("/caseload?q=Birgit&status=DISCHARGED");
    await expect.poll(() => rowNames(page)).toEqual(["Birgit Brandt"]);
  });

  test("asks before registering the same name and date of birth twice", async ({ page }) => {
    await signIn(page, "fysio@demo.dk");
    const dorthe = { name: "Dorthe Dobbelt", dateOfBirth: "1980-02-02", sex: "FEMALE", side: "LEFT" } as const;
    await registerPatient(page, dorthe);
    await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
    await registerPatient(page, dorthe);
    await expect(page.getByText(da.patientForm.duplicateTitle)).toBeVisible();
    await expect(page).toHaveURL("/patients/new");
    await page.getByRole("button", { name: da.patientForm.duplicateConfirm }).click();
    await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  });

  test("archiving asks first and keeps the patient out of the caseload", async ({ page }) => {
    await signIn(page, "fysio@demo.dk");
    await registerPatient(page, { name: "Arne Arkiv", dateOfBirth: "1955-03-03", sex: "MALE", side: "BOTH" });
    await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
    const patientUrl = page.url();
    await page.getByRole("button", { name: da.patient.archive }).click();
    const dialog = page.getByRole("dialog", { name: da.patient.archiveTitle });
    await dialog.getByRole("button", { name: "Annullér" }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole("button", { name: da.patient.archive }).click();
    await dialog.getByRole("button", { name: da.patient.archiveConfirm }).click();
    await expect(page).toHaveURL("/caseload");
    await page.goto(`${patientUrl.replace(/^https?:\/\/[^/]+/, "")}`);
    await expect(page.getByText("Patienten er arkiveret.", { exact: false })).toBeVisible();
  });

  test("another clinic's patient is not found", async ({ page }) => {
    await signIn(page, "fysio@demo.dk");
    await page.goto("/caseload?q=Peter%20Patient");
    await page.getByRole("link", { name: "Peter Patient" }).click();
    await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
    const path = new URL(page.url()).pathname;
    await page.context().clearCookies();
    await signIn(page, "fysio@anden.dk");
    await expect(page).toHaveURL("/caseload");
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(da.notFound.title);
    expect((await page.request.get(`${path}/edit`)).status()).toBe(404);
  });
});
