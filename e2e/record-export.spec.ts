import { readFile } from "node:fs/promises";

import type { Bundle } from "@medplum/fhirtypes";

import { da } from "../lib/present/i18n/da";
import { expectNoAxeViolations, signIn } from "./helpers";
import { expect, test } from "./support/test";

const PHONE = {
  viewport: { width: 360, height: 740 },
  hasTouch: true,
  isMobile: true,
  locale: "da-DK",
  timezoneId: "Europe/Copenhagen",
};

test("a clinician downloads a patient's record as FHIR and prints it on A4 with every section", async ({ page }) => {
  await signIn(page, "fysio@demo.dk");
  await page.goto("/caseload?q=Peter%20Patient");
  await page.getByRole("link", { name: "Peter Patient" }).click();
  const person = page.getByRole("region", { name: da.patientForm.identity, exact: true });

  const download = page.waitForEvent("download");
  await person.getByRole("link", { name: "FHIR" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^patient-[0-9a-f-]{36}\.fhir\.json$/);
  const bundle = JSON.parse(await readFile((await file.path())!, "utf8")) as Bundle;
  expect(bundle.resourceType).toBe("Bundle");
  const types = bundle.entry!.map((entry) => entry.resource!.resourceType);
  expect(new Set(types)).toEqual(
    new Set(["Patient", "Condition", "ServiceRequest", "Observation", "CarePlan", "Procedure", "Communication"]),
  );

  await person.getByRole("link", { name: "Journal" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Journal: Peter Patient");
  await expect(page.getByText(/Udskrevet .* fra Demo Fysioterapi/)).toBeVisible();
  // The CPR number in full here (the export is audited), DDMMYY-SSSS.
  await expect(page.getByText(/^\d{6}-\d{4}$/)).toBeVisible();
  for (const section of [
    da.referral.title,
    "Undersøgelser",
    "Målinger i klinikken og ugentlige tjek fra portalen",
    "Patientens dagbog (pr. uge)",
    "Træningsprogrammer",
    "Interventioner",
    "Flag fra eskaleringsreglerne",
  ]) {
    await expect(page.getByRole("heading", { level: 3, name: section })).toBeVisible();
  }
  // The messages between the patient and the clinic are part of the record.
  await expect(page.getByRole("table", { name: da.recordPrint.messages }).getByRole("row")).toHaveCount(3);
  await expectNoAxeViolations(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation")).toBeHidden();
  await expect(page.getByRole("button", { name: da.recordPrint.print })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // A4 less the page margins is 182 mm, 688 px at 96 dpi: nothing may run off the paper.
  await page.setViewportSize({ width: 688, height: 1000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(688);
});

test("a patient reads, prints and downloads their own record from the portal on a phone", async ({ browser }) => {
  const phone = await browser.newContext(PHONE);
  const page = await phone.newPage();
  await signIn(page, "patient@demo.dk");
  await page.getByRole("link", { name: da.portal.record, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Journal: Peter Patient");
  await expect(page.getByRole("heading", { level: 3, name: da.recordPrint.measurements }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // The patient's file is named by what it is for, not by its format.
  await expect(page.getByRole("link", { name: da.portal.recordFhir })).toBeVisible();
  await expect(page.getByRole("link", { name: da.recordPrint.downloadFhir })).toHaveCount(0);

  await page.goto("/portal");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: da.portal.recordFhir }).click();
  const bundle = JSON.parse(await readFile((await (await download).path())!, "utf8")) as Bundle;
  const patient = bundle.entry!.find((entry) => entry.resource!.resourceType === "Patient")!.resource!;
  expect(patient).toMatchObject({ resourceType: "Patient", name: [{ text: "Peter Patient" }] });
  await phone.close();
});
