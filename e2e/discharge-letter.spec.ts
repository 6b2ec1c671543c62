import { da } from "../lib/present/i18n/da";
import { expectNoAxeViolations, registerPatient, signIn } from "./helpers";
import { expect, test } from "./support/test";

/**
 * The discharge letter (SPEC §11, issue 46): a physiotherapist discharges a course, drafts the
 * letter from the record, edits and signs it, prints it on one A4 page, corrects it into a second
 * version, and finds both versions in its history and in the audit log; the demo's discharged
 * patient reads her signed letter in the portal on a phone; another clinic's physiotherapist
 * finds nothing.
 */
test("a discharged course's letter is drafted, edited, signed, printed on one A4 page and corrected into a second version", async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, "fysio@demo.dk");
  const name = `Lone Letter ${testInfo.workerIndex}${Date.now() % 10_000}`;
  let letterUrl = "";

  await test.step("discharge a course and open its letter", async () => {
    await registerPatient(page, { name, dateOfBirth: "1975-03-02", sex: "FEMALE", side: "LEFT" });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await page.getByLabel(da.patient.symptomOnset).fill("2026-09-01");
    await page.getByRole("button", { name: da.patient.openEpisode }).click();
    await expect(page.getByText(da.episodeStatus.ACTIVE, { exact: true })).toBeVisible();
    await page.getByRole("link", { name: da.patient.discharge }).click();
    await page.getByLabel(da.patient.dischargeReason).selectOption("IMPROVED_SELF_MANAGING");
    await page.getByRole("button", { name: da.discharge.showResult }).click();
    await page.getByRole("button", { name: da.discharge.confirm }).click();
    await expect(page.getByText(da.episodeStatus.DISCHARGED, { exact: true })).toBeVisible();
    const letters = page.getByRole("region", { name: da.letter.listTitle });
    await letters.getByRole("link", { name: da.letter.write }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(da.letter.title);
    letterUrl = new URL(page.url()).pathname;
    await page.getByRole("button", { name: da.letter.write }).click();
    await expect(
      page.getByRole("heading", { name: `${da.letter.version(1)} · ${da.letter.statusDraft}` }),
    ).toBeVisible();
    await expect(page.getByLabel(da.letter.sections.reason)).toHaveValue(/uden henvisning/);
    await expect(page.getByLabel(da.letter.sections.discharge)).toHaveValue(/Bedre, fortsætter selv/);
  });

  await test.step("an empty section is said on its field; an edit is saved", async () => {
    await page.getByLabel(da.letter.sections.reason).fill("");
    await page.getByRole("button", { name: da.letter.save }).click();
    await expect(page.getByText(da.validation.summary)).toBeVisible();
    await expect(page.getByLabel(da.letter.sections.reason)).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(da.validation.required)).toBeVisible();
    await page.getByLabel(da.letter.sections.reason).fill("Kom uden henvisning med hælsmerter i venstre fod.");
    await page
      .getByLabel(da.letter.sections.advice)
      .fill("Fortsæt hælløft to gange om ugen. Ring, hvis smerterne kommer igen.");
    await page.getByRole("button", { name: da.letter.save }).click();
    await expect(page.getByText(da.letter.saved)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.screenshot({ path: testInfo.outputPath("letter-draft-1366.png"), fullPage: true });
  });

  await test.step("sign: the version is read-only", async () => {
    await page.getByRole("button", { name: da.letter.sign }).click();
    const confirm = page.getByRole("dialog", { name: da.letter.signTitle });
    await confirm.getByRole("button", { name: da.letter.sign }).click();
    await expect(
      page.getByRole("heading", { name: `${da.letter.version(1)} · ${da.letter.statusSigned}` }),
    ).toBeVisible();
    await expect(page.getByText(da.letter.readOnly)).toBeVisible();
    await expect(page.locator(".letter-editor")).toHaveCount(0);
  });

  await test.step("print: the clinic's letterhead, the signer, one A4 page", async () => {
    await page.getByRole("link", { name: da.letter.openPrint }).click();
    await expect(page).toHaveURL(/\/letter\/print\?version=1$/);
    const letter = page.locator(".letter-page");
    await expect(letter).toContainText("Demo Fysioterapi");
    // The clinic's phone as its profile has it now: the admin spec, in the same worker, may have changed it.
    await expect(letter).toContainText(/Tlf\. \d{2} \d{2} \d{2} \d{2}/);
    await expect(letter).toContainText("CVR 12345678");
    await expect(letter).toContainText("Lokationsnr. 5790001234567");
    await expect(letter).toContainText(da.letter.subject(name));
    await expect(letter).toContainText("Underskrevet af Frederik Fysio");
    await expect(letter).toContainText("Fortsæt hælløft to gange om ugen.");
    await expectNoAxeViolations(page);
    await page.screenshot({ path: testInfo.outputPath("letter-print-1366.png"), fullPage: true });
    await page.setViewportSize({ width: 360, height: 780 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: testInfo.outputPath("letter-print-360.png"), fullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.emulateMedia({ media: "print" });
    const pdf = (await page.pdf({ format: "A4", preferCSSPageSize: true })).toString("latin1");
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length, "pages printed").toBe(1);
    await page.emulateMedia({ media: "screen" });
  });

  await test.step("correct into version 2, which keeps version 1 in the history", async () => {
    await page.goto(letterUrl);
    await page.getByRole("button", { name: da.letter.correct }).click();
    const dialog = page.getByRole("dialog", { name: da.letter.correctTitle });
    await dialog.getByRole("button", { name: da.letter.startCorrection }).click();
    await expect(dialog.getByText(da.validation.required)).toBeVisible();
    await dialog.getByLabel(da.letter.correctionReason).fill("Rådene var for korte");
    await dialog.getByRole("button", { name: da.letter.startCorrection }).click();
    await expect(
      page.getByRole("heading", { name: `${da.letter.version(2)} · ${da.letter.statusDraft}` }),
    ).toBeVisible();
    await page.getByLabel(da.letter.sections.advice).fill("Fortsæt hælløft to gange om ugen i tre måneder.");
    await page.getByRole("button", { name: da.letter.save }).click();
    await expect(page.getByText(da.letter.saved)).toBeVisible();
    await page.getByRole("button", { name: da.letter.sign }).click();
    await page.getByRole("dialog", { name: da.letter.signTitle }).getByRole("button", { name: da.letter.sign }).click();
    await expect(
      page.getByRole("heading", { name: `${da.letter.version(2)} · ${da.letter.statusSigned}` }),
    ).toBeVisible();
    const history = page.getByRole("table", { name: da.letter.history }).getByRole("row");
    await expect(history).toHaveCount(3);
    await expect(history.nth(1)).toContainText("Rådene var for korte");
    await expect(history.nth(1)).toContainText(da.letter.statusSigned);
    await expect(history.nth(2)).toContainText(da.letter.statusSigned);
    await expect(history.nth(2).getByRole("link", { name: da.letter.version(1) })).toBeVisible();
    await expectNoAxeViolations(page);
    // The record print holds the latest signed version.
    await page.goto(`${letterUrl.split("/episodes/")[0]}/record`);
    await expect(page.getByRole("region", { name: /Udskrivningsbrev \(epikrise\), version 2/ })).toContainText(
      "Fortsæt hælløft to gange om ugen i tre måneder.",
    );
    await page.goBack();
    // The patient page lists the letter's latest version.
    await page.getByRole("link", { name }).click();
    await expect(
      page.getByRole("region", { name: da.letter.listTitle }).getByRole("link", { name: /version 2/ }),
    ).toBeVisible();
  });

  await test.step("the audit log shows the letter's reads, prints and writes", async () => {
    const context = await browser.newContext({ baseURL, locale: "da-DK" });
    const admin = await context.newPage();
    await signIn(admin, "admin@demo.dk");
    await admin.goto("/admin/audit");
    await admin.getByLabel("Bruger").selectOption({ label: "Frederik Fysio" });
    await admin.getByRole("button", { name: "Vis" }).click();
    const rows = admin.getByRole("row");
    await expect(rows.filter({ hasText: da.admin.audit.entities.DischargeLetterPrint }).first()).toBeVisible();
    await expect(rows.filter({ hasText: da.admin.audit.entities.DischargeLetter }).first()).toBeVisible();
    await context.close();
  });

  await test.step("another clinic's physiotherapist finds nothing", async () => {
    const context = await browser.newContext({ baseURL, locale: "da-DK" });
    const stranger = await context.newPage();
    await signIn(stranger, "fysio@anden.dk");
    expect((await stranger.goto(letterUrl))?.status()).toBe(404);
    expect((await stranger.request.get(`${letterUrl}/fhir?version=1`)).status()).toBe(404);
    await context.close();
  });
});

test("the patient reads her signed letter in the portal's record on a phone", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, "karen@demo.dk");
  await page.goto("/portal/record");
  const letter = page.getByRole("region", { name: /Udskrivningsbrev \(epikrise\), version 1/ });
  await expect(letter).toContainText("bedret betydeligt");
  await expect(letter).toContainText("Henvisningens id: 6b1e9c2a-4f3d-4e8b-9a71-2c5d8e0f1a34.");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await letter.screenshot({ path: testInfo.outputPath("portal-letter-360.png") });
  await expectNoAxeViolations(page);
});

test("the demo's discharged patient's signed letter prints on one A4 page", async ({ page }, testInfo) => {
  await signIn(page, "fysio@demo.dk");
  await page.goto("/caseload?q=Karen%20Lund&status=DISCHARGED");
  await page.getByRole("link", { name: "Karen Lund" }).click();
  await page
    .getByRole("region", { name: da.letter.listTitle })
    .getByRole("link", { name: /version 1/ })
    .click();
  await expect(
    page.getByRole("heading", { name: `${da.letter.version(1)} · ${da.letter.statusSigned}` }),
  ).toBeVisible();
  await page.getByRole("link", { name: da.letter.openPrint }).click();
  const letter = page.locator(".letter-page");
  await expect(letter).toContainText("Læge Mette Holm");
  await expect(letter).toContainText("Lægerne på Torvet");
  await expect(letter).toContainText(/CPR-nr\. \d{6}-\d{4}/);
  await expect(letter).toContainText("Henvisningens id: 6b1e9c2a-4f3d-4e8b-9a71-2c5d8e0f1a34.");
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  await testInfo.attach("karen-letter.pdf", { body: pdf, contentType: "application/pdf" });
  expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length, "pages printed").toBe(1);
});
