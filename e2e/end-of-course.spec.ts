import { da } from "../lib/present/i18n/da";
import { expectNoAxeViolations, signIn } from "./helpers";
import { expect, test } from "./support/test";

const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };

test("a clinician ends the demo patient's course after seeing the result against the MCID; the patient's phone then shows it ended, with the advice", async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, "fysio@demo.dk");
  await page.goto("/caseload?q=Peter%20Patient");
  await page.getByRole("link", { name: "Peter Patient" }).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  const patientPath = new URL(page.url()).pathname;
  await page.getByRole("link", { name: da.patient.discharge }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(da.discharge.title);
  // The course's own instruments, each with its values so far; and the rating of change.
  const firstStep = page.getByLabel(da.instrument.NRS_FIRST_STEP);
  await expect(firstStep).toHaveAccessibleDescription(/Ved start 7/);
  await expect(page.getByLabel(da.instrument.GLOBAL_CHANGE)).toBeVisible();
  await expectNoAxeViolations(page);

  // Nothing is confirmed without a reason, and a value out of range is said on its field.
  await firstStep.fill("12");
  await page.getByRole("button", { name: da.discharge.showResult }).click();
  await expect(page.getByLabel(da.patient.dischargeReason)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(da.instrument.NRS_FIRST_STEP)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("button", { name: da.discharge.confirm })).toHaveCount(0);

  await page.getByLabel(da.instrument.NRS_FIRST_STEP).fill("1");
  await page.getByLabel(da.patient.dischargeReason).selectOption("IMPROVED_SELF_MANAGING");
  await page.getByRole("button", { name: da.discharge.showResult }).click();
  const result = page.getByRole("region", { name: /Resultat ved afslutning/ });
  await expect(result).toBeFocused();
  const painRow = result.getByRole("row", { name: new RegExp(da.instrument.NRS_FIRST_STEP.replace(/[()]/g, ".")) });
  await expect(painRow).toContainText(da.overview.verdict.IMPROVED);
  await expect(result).toContainText(da.discharge.improvement.IMPROVED);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: test.info().outputPath("discharge-result-1366.png"), fullPage: true });

  // A changed value hides the confirmation until its result has been shown. The demo data stay
  // as the worker's other tests expect them: the final measurement is left out of what is saved.
  await page.getByLabel(da.instrument.NRS_FIRST_STEP).fill("");
  await expect(page.getByRole("button", { name: da.discharge.confirm })).toHaveCount(0);
  await page.getByRole("button", { name: da.discharge.showResult }).click();
  await expect(result).toContainText(da.discharge.noFinalMeasurements);
  await result.getByRole("button", { name: da.discharge.confirm }).click();
  await expect(page).toHaveURL(`${patientPath}?saved=discharged`);
  await expect(page.getByRole("status").filter({ hasText: da.discharge.done })).toBeVisible();
  await expect(page.getByRole("link", { name: da.discharge.writeLetter })).toBeVisible();

  const phone = await browser.newContext({ ...PHONE, baseURL, locale: "da-DK", timezoneId: "Europe/Copenhagen" });
  const patient = await phone.newPage();
  await signIn(patient, "patient@demo.dk");
  const ended = patient.getByRole("region", { name: da.portal.ended.title });
  await expect(ended).toBeVisible();
  await expect(ended).toContainText(`${da.portal.ended.pain}: 7 ved start`);
  await expect(ended).toContainText(da.portal.ended.verdict.IMPROVED);
  await expect(ended).toContainText(da.portal.ended.advice[0]!);
  // No plan to follow and no morning pain to log once the course has ended; the record stays.
  await expect(patient.getByRole("heading", { name: da.portal.morningTitle, exact: true })).toHaveCount(0);
  await expect(patient.getByRole("link", { name: da.portal.record, exact: true })).toBeVisible();
  expect(await patient.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectNoAxeViolations(patient);
  await patient.screenshot({ path: test.info().outputPath("portal-ended-360.png"), fullPage: true });
  await phone.close();

  // Reopened, the course is the patient's plan again (and the worker's later tests find it so).
  await page.goto(patientPath);
  await page.getByRole("button", { name: da.patient.reopen }).click();
  await expect(page.getByRole("link", { name: da.patient.discharge })).toBeVisible();
});
