import { da } from "../lib/present/i18n/da";
import { expectNoAxeViolations, registerPatient, signIn } from "./helpers";
import { expect, test } from "./support/test";

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

test("a clinician assigns HSR, sees why the prescription is what it is, overrides it and prints the handout", async ({
  page,
}) => {
  await signIn(page, "fysio@demo.dk");
  await registerPatient(page, { name: "Holger Hælløft", dateOfBirth: "1969-02-11", sex: "MALE", side: "RIGHT" });
  await page.getByLabel(da.patient.symptomOnset).fill(isoDaysAgo(60));
  await page.getByLabel(da.patient.treatmentStart).fill(isoDaysAgo(16));
  await page.getByRole("button", { name: da.patient.openEpisode }).click();
  const programs = page.getByRole("region", { name: da.programs.title });
  await expect(programs.getByText(da.programs.none)).toBeVisible();

  // Bad input: nothing is saved, each field says what is wrong, and the dialog stays open.
  const openAssign = () => programs.getByRole("button", { name: da.programs.assignTitle }).click();
  await openAssign();
  const assign = programs
    .getByRole("dialog", { name: da.programs.assignTitle })
    .getByRole("form", { name: da.programs.assignTitle });
  await assign.getByLabel("Program").selectOption({ label: "HSR hælløft, 12 uger, version 1" });
  await assign.getByLabel(da.programs.startDate).fill(isoDaysAgo(30));
  await assign.getByLabel(da.programs.sessionsPerWeek).fill("8");
  await assign.getByLabel(da.programs.startingLoadKg).fill("-5");
  await assign.getByRole("button", { name: da.programs.assign }).click();
  await expect(assign.getByText(da.validation.beforeEpisode)).toBeVisible();
  await expect(assign.getByText("Skriv et helt tal fra 1 til 7.")).toBeVisible();
  await expect(assign.getByText("Skriv et tal fra 0 til 200 med højst én decimal.")).toBeVisible();
  await expect(programs.getByText(da.programs.none)).toBeVisible();

  await assign.getByLabel(da.programs.startDate).fill(isoDaysAgo(15));
  await assign.getByLabel(da.programs.sessionsPerWeek).fill("3");
  await assign.getByLabel(da.programs.startingLoadKg).fill("0");
  await assign.getByRole("button", { name: da.programs.assign }).click();
  // Saved: the dialog closes and the program is there.
  await expect(programs.getByRole("dialog")).toHaveCount(0);
  const hsr = programs.getByRole("article", { name: da.program.HSR });
  await expect(hsr.getByText("Programuge 3, fase 1")).toBeVisible();
  await expect(hsr.getByText("3 sæt × 12 gentagelser")).toBeVisible();
  await expect(hsr.getByText(/for få gennemførte træninger/)).toBeVisible();
  await expectNoAxeViolations(page);

  // A second HSR while one is active is refused.
  await openAssign();
  await assign.getByLabel("Program").selectOption({ label: "HSR hælløft, Rathleff 2015, version 1" });
  // Each template says what it is: the two HSR templates differ in more than their names.
  await expect(assign.getByLabel("Program")).toHaveAccessibleDescription(/Rathleff m\.fl\. 2015.*Uden tågreb\./);
  await assign.getByRole("button", { name: da.programs.assign }).click();
  await expect(programs.getByText(/Patienten har allerede et aktivt program af denne type/)).toBeVisible();
  // Cancel closes the dialog and gives the focus back to the button that opened it.
  await assign.getByRole("button", { name: "Annullér" }).click();
  await expect(programs.getByRole("dialog")).toHaveCount(0);
  await expect(programs.getByRole("button", { name: da.programs.assignTitle })).toBeFocused();

  // The clinician moves the patient on to phase 2 with a reason.
  await hsr.getByRole("button", { name: da.programs.overrideTitle }).click();
  const override = hsr.getByRole("form", { name: da.programs.overrideTitle });
  await override.getByRole("button", { name: da.programs.overrideSave }).click();
  await expect(override.getByText(da.validation.required)).toHaveCount(1);
  await override.getByLabel(da.programs.overrideReason).fill("Har trænet selv i forvejen");
  await override.getByRole("button", { name: da.programs.overrideSave }).click();
  // A change needs a phase or a load.
  await expect(override.getByLabel("Fase")).toHaveAccessibleDescription("Udfyld feltet.");
  await override.getByLabel("Fase").selectOption("2");
  await override.getByLabel(da.programs.overrideLoad).fill("5");
  await override.getByLabel(da.programs.overrideReason).fill("Har trænet selv i forvejen");
  await override.getByRole("button", { name: da.programs.overrideSave }).click();
  await expect(hsr.getByRole("dialog")).toHaveCount(0);
  await expect(hsr.getByText("Programuge 3, fase 2")).toBeVisible();
  await expect(hsr.getByText("Ca. 5 kg ekstra, fx i en rygsæk")).toBeVisible();
  await expect(hsr.getByText("Fysioterapeuten har ændret fasen. Fysioterapeuten har sat belastningen.")).toBeVisible();
  await expect(hsr.getByText(/Begrundelse: Har trænet selv i forvejen \(Frederik Fysio\)/)).toBeVisible();

  // Adjusting the patient's own copy: four sessions a week from now on.
  await hsr.getByRole("link", { name: da.programs.adjust }).click();
  await page.getByLabel(da.programs.sessionsPerWeek, { exact: true }).fill("4");
  await page.getByRole("button", { name: "Gem", exact: true }).click();
  await expect(hsr.getByText(/4 træninger om ugen/)).toBeVisible();

  // The handout, on screen and as printed.
  await page.getByRole("link", { name: da.programs.handout }).click();
  await expect(page.getByRole("heading", { level: 1, name: da.handout.title })).toBeVisible();
  await expect(page.getByText("Til Holger Hælløft", { exact: false })).toBeVisible();
  await expect(page.getByRole("heading", { name: da.handout.painRuleTitle })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Uge 10–12" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: da.recordPrint.print })).toBeHidden();
  await expect(page.getByRole("navigation")).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: da.handout.title })).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // Ending the program asks for a reason and a confirmation.
  await page.getByRole("link", { name: da.recordPrint.back }).click();
  await hsr.getByRole("button", { name: da.programs.end }).click();
  const dialog = page.getByRole("dialog", { name: da.programs.endTitle });
  await dialog.getByLabel("Årsag").selectOption("PAIN");
  await dialog.getByRole("button", { name: da.programs.end }).click();
  await expect(programs.getByText(da.programs.none)).toBeVisible();
});

test("a patient with reduced sensation gets no ice advice in the first week's handout; the stretch shows its own dose", async ({
  page,
}) => {
  await signIn(page, "fysio@demo.dk");
  await page.goto("/patients/new");
  await page.getByLabel(da.caseload.columns.name, { exact: true }).fill("Nora Neuropati");
  await page.getByLabel(da.patientForm.dateOfBirth).fill("1958-05-20");
  await page.getByLabel(da.patientForm.sex).selectOption("FEMALE");
  await page.getByLabel(da.patientForm.affectedSide).selectOption("LEFT");
  await page.getByLabel(/Perifer neuropati/).check();
  await page.getByRole("button", { name: da.patientForm.save }).click();
  await expect(page.getByText(/Perifer neuropati \(nedsat følesans i fødderne\)/)).toBeVisible();
  await page.getByLabel(da.patient.symptomOnset).fill(isoDaysAgo(30));
  await page.getByLabel(da.patient.treatmentStart).fill(isoDaysAgo(1));
  await page.getByRole("button", { name: da.patient.openEpisode }).click();
  await page
    .getByRole("region", { name: da.programs.title })
    .getByRole("button", { name: da.programs.assignTitle })
    .click();
  const assign = page
    .getByRole("region", { name: da.programs.title })
    .getByRole("form", { name: da.programs.assignTitle });
  await assign.getByLabel("Program").selectOption({ label: "Første uge, version 1" });
  await assign.getByLabel(da.programs.sessionsPerWeek).fill("7");
  await assign.getByRole("button", { name: da.programs.assign }).click();
  const firstWeek = page.getByRole("article", { name: "Første uge" });
  await expect(firstWeek.getByText("Hold 10 sek. × 10, 3 gange om dagen")).toBeVisible();
  await expect(firstWeek.getByText(/sæt ×/)).toHaveCount(0);
  // Towel curls and calf lowering come from day 3: named with their start day, not yet prescribed.
  await expect(
    firstWeek.getByText(
      /Kommer senere i programmet: Krøl et håndklæde sammen med tæerne \(fra dag 3\); Langsom sænkning af hælen fra et trappetrin \(fra dag 3\)/,
    ),
  ).toBeVisible();
  await page.getByRole("link", { name: da.programs.handout }).click();
  await expect(
    page.getByRole("heading", { level: 4, name: "Krøl et håndklæde sammen med tæerne (fra dag 3)" }),
  ).toBeVisible();
  await expect(page.getByText(/Brug ikke is på foden/)).toBeVisible();
  await expect(page.getByText(/ispose pakket ind i et viskestykke/)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: da.education.contactClinic.heading })).toBeVisible();
});

test("an admin edits a template and it is saved as its next version", async ({ page }) => {
  await signIn(page, "admin@demo.dk");
  await page.goto("/settings/templates");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Redigér: Tilbage til løb" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Redigér Tilbage til løb");
  // The editor fits a phone: its exercise choices shrink to the screen.
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByLabel(da.templates.nameDa).fill("Tilbage til løb, klinikkens udgave");
  await expect(page.getByLabel(da.templates.nameEn)).toHaveValue("Return to running");
  await page.getByLabel(da.templates.nameEn).fill("Return to running, the clinic's version");
  // Phase 1's one exercise, then an empty slot that would add another.
  const runWalk = page.getByRole("group", { name: "Fase 1, øvelse 1" });
  await expect(
    page.getByRole("group", { name: "Fase 1: tilføj en øvelse" }).getByLabel("Øvelse", { exact: true }),
  ).toHaveValue("");
  await runWalk.getByLabel(da.programs.editor.sets).fill("0");
  await page.getByRole("button", { name: da.templates.saveVersion }).click();
  await expect(page.getByText("Skriv et helt tal fra 1 til 10.")).toBeVisible();
  await expectNoAxeViolations(page);
  await runWalk.getByLabel(da.programs.editor.sets).fill("8");
  await page.getByRole("button", { name: da.templates.saveVersion }).click();
  await expect(page).toHaveURL(/\/settings\/templates$/);
  const row = page.getByRole("row", { name: /Tilbage til løb, klinikkens udgave/ });
  await expect(row.getByRole("cell", { name: "2", exact: true })).toBeVisible();
  // An English-speaking admin sees the English name.
  await page.getByRole("button", { name: da.language.en }).click();
  await expect(page.getByRole("row", { name: /Return to running, the clinic's version/ })).toBeVisible();
  await page.getByRole("button", { name: da.language.da }).click();
});
