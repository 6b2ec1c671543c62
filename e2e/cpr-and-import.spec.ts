import { type Page } from "@playwright/test";

import { da } from "../lib/present/i18n/da";
import { readDanishCsv } from "../tests/support/read-danish-csv";
import { expectNoAxeViolations, signIn } from "./helpers";
import { expect, test } from "./support/test";

test("a clinician registers a patient by CPR number (the birth date fills itself in), finds her by it, and shows it in full", async ({
  page,
}) => {
  await signIn(page, "fysio@demo.dk");
  await page.goto("/patients/new");
  await page.getByLabel(da.caseload.columns.name, { exact: true }).fill("Cecilie Cpr");
  // A date that does not exist is refused on the server, with nothing saved.
  await page.getByLabel(/^CPR-nummer/).fill("310283-4622");
  await page.getByLabel(da.patientForm.sex).selectOption("FEMALE");
  await page.getByLabel(da.patientForm.affectedSide).selectOption("LEFT");
  await page.getByRole("button", { name: da.patientForm.save }).click();
  await expect(page.getByText(da.validation.invalidCprDate)).toBeVisible();

  await page.getByLabel(/^CPR-nummer/).fill("");
  await page.getByLabel(/^CPR-nummer/).pressSequentially("120283-4622");
  await expect(page.getByLabel(da.patientForm.dateOfBirth)).toHaveValue("12-02-1983");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: da.patientForm.save }).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  const patientUrl = page.url();

  const person = page.getByRole("region", { name: da.patientForm.identity, exact: true });
  await expect(person).toContainText("120283-••••");
  await expect(person).not.toContainText("120283-4622");
  await person.getByRole("button", { name: da.patient.cprShow }).click();
  await expect(person).toContainText("120283-4622");
  await person.getByRole("button", { name: da.patient.cprHide }).click();
  await expect(person).not.toContainText("120283-4622");

  // The caseload finds her by the exact number, with or without the dash, and shows it masked.
  for (const q of ["120283-4622", "1202834622"]) {
    await page.goto(`/caseload?q=${q}&scope=clinic&status=any`);
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Cecilie Cpr" }) });
    await expect(row).toContainText("120283-••••");
  }
  await page.goto("/caseload?q=120283-4623&scope=clinic&status=any");
  await expect(page.getByRole("link", { name: "Cecilie Cpr" })).toHaveCount(0);

  // A second patient with her number is refused.
  await page.goto("/patients/new");
  await page.getByLabel(da.caseload.columns.name, { exact: true }).fill("Cecilie Kopi");
  await page.getByLabel(/^CPR-nummer/).fill("1202834622");
  // The number's last digit is even: the sex it was issued for is suggested while none is chosen.
  await expect(page.getByLabel(da.patientForm.sex)).toHaveValue("FEMALE");
  await page.getByLabel(da.patientForm.dateOfBirth).fill("1983-02-12");
  await page.getByLabel(da.patientForm.sex).selectOption("FEMALE");
  await page.getByLabel(da.patientForm.affectedSide).selectOption("LEFT");
  await page.getByRole("button", { name: da.patientForm.save }).click();
  await expect(page.getByText(da.validation.cprTaken)).toBeVisible();
  await page.goto(patientUrl);
});

const HEADER = "Navn;CPR-nummer;Fødselsdato;Køn;E-mail;Telefon;Ramt side;Fysioterapeutens e-mail";
const csv = (lines: string[]) => Buffer.from(`\uFEFF${[HEADER, ...lines].join("\r\n")}\r\n`, "utf8");

async function chooseFile(page: Page, name: string, buffer: Buffer) {
  await page.getByLabel(da.admin.import.file).setInputFiles({ name, mimeType: "text/csv", buffer });
}

test("an admin imports a patient list: errors by line and column, nothing written, then the corrected file once", async ({
  page,
}) => {
  await signIn(page, "admin@demo.dk");
  await page.getByRole("navigation", { name: da.nav.label }).getByRole("link", { name: da.nav.admin }).click();
  await page.getByRole("link", { name: da.admin.import.title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(da.admin.import.title);
  await expectNoAxeViolations(page);

  // The template: the Danish CSV with the headers the import reads.
  const template = await page.request.get("/admin/import/template");
  expect(readDanishCsv(await template.text())).toEqual([HEADER.split(";")]);

  // A file saved in Windows-1252 rather than UTF-8.
  await chooseFile(page, "latin1.csv", Buffer.from("Navn;Køn\r\nSøren;M\r\n", "latin1"));
  await page.getByRole("button", { name: da.admin.import.check }).click();
  await expect(page.getByText(/ikke gemt som UTF-8/)).toBeVisible();

  const good = [
    "Ida Import;150388-2314;;Kvinde;ida@example.test;;Venstre;fysio@demo.dk",
    "Jens Import;;03-07-1961;M;;;begge;fysio2@demo.dk",
    "Karl Import;;1975-10-10;mand;;;højre;fysio@demo.dk",
  ];
  const bad = [
    good[0]!,
    "Jens Import;;31-02-1961;M;;;begge;ukendt@demo.dk",
    "Karl Import;150388-2314;;mand;;;højre;fysio@demo.dk",
  ];
  await chooseFile(page, "patienter.csv", csv(bad));
  await page.getByRole("button", { name: da.admin.import.run }).click();
  await expect(page.getByText("Intet er importeret: 3 fejl på 2 linjer.", { exact: false })).toBeVisible();
  const errors = page.getByRole("region", { name: da.admin.import.errorsTitle }).getByRole("row");
  const clinicianError = errors.filter({ hasText: "Fysioterapeutens e-mail" });
  await expect(clinicianError.getByRole("cell").first()).toHaveText("3");
  await expect(clinicianError).toContainText(da.admin.import.errors.unknownClinician);
  await expect(errors.filter({ hasText: da.patientForm.dateOfBirth })).toContainText(da.validation.invalidDate);
  const duplicate = errors.filter({ hasText: "CPR-nummer" });
  await expect(duplicate.getByRole("cell").first()).toHaveText("4");
  await expect(duplicate).toContainText(da.admin.import.errors.duplicateInFile);
  await expectNoAxeViolations(page);
  await page.goto("/caseload?q=Import&scope=clinic&status=any");
  await expect(page.getByRole("table").getByRole("link", { name: /Import$/ })).toHaveCount(0);

  // The corrected file: a check first, which writes nothing, then the import.
  await page.goto("/admin/import");
  await chooseFile(page, "patienter.csv", csv(good));
  await page.getByRole("button", { name: da.admin.import.check }).click();
  await expect(
    page.getByText("Filen er i orden: 3 linjer, 3 nye patienter og 0 som klinikken allerede har.", { exact: false }),
  ).toBeVisible();
  // The chosen file stays chosen after the check.
  await page.getByRole("button", { name: da.admin.import.run }).click();
  await expect(page.getByText("3 patienter er importeret. 0 fandtes allerede og er ikke ændret.")).toBeVisible();

  await page.getByRole("link", { name: da.admin.import.toCaseload }).click();
  await page.goto("/caseload?q=Import&scope=clinic&status=any");
  await expect(page.getByRole("table").getByRole("link", { name: /Import$/ })).toHaveText([
    "Ida Import",
    "Jens Import",
    "Karl Import",
  ]);

  // The same file again adds nothing.
  await page.goto("/admin/import");
  await chooseFile(page, "patienter.csv", csv(good));
  await page.getByRole("button", { name: da.admin.import.run }).click();
  await expect(page.getByText("0 patienter er importeret. 3 fandtes allerede og er ikke ændret.")).toBeVisible();
  await page.goto("/caseload?q=Import&scope=clinic&status=any");
  await expect(page.getByRole("table").getByRole("link", { name: /Import$/ })).toHaveCount(3);

  // The audit log shows the imports.
  await page.goto("/admin/audit?action=IMPORT");
  await expect(page.getByRole("row").filter({ hasText: da.admin.audit.entities.PatientImport })).not.toHaveCount(0);
});
