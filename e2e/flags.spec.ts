import { da } from "../lib/present/i18n/da";
import { expectNoAxeViolations, registerPatient, saveRuleSettings, signIn } from "./helpers";
import { expect, test } from "./support/test";

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

test("a clinician acknowledges a flag, and it re-opens when its severity rises", async ({ page }) => {
  // Two users, a settings change and a whole clinic re-evaluated in the background.
  test.setTimeout(90_000);
  await signIn(page, "fysio@demo.dk");
  await registerPatient(page, { name: "Flemming Flag", dateOfBirth: "1966-04-04", sex: "MALE", side: "RIGHT" });
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  const patientUrl = page.url();
  // The patient's phone and GP, which the flag page shows so the clinician can call either.
  await page.goto(`${patientUrl}/edit`);
  await page.getByLabel(/^Telefon/).fill("+45 20 30 40 50");
  await page.getByLabel(/^Lægens navn/).fill("Jonas Krogh");
  await page.getByRole("button", { name: da.patientForm.save }).click();
  await expect(page).toHaveURL(patientUrl);
  await page.getByLabel(da.patient.symptomOnset).fill(daysAgo(80));
  await page.getByLabel(da.patient.treatmentStart).fill(daysAgo(50));
  await page.getByRole("button", { name: da.patient.openEpisode }).click();
  for (const [date, value] of [
    [daysAgo(50), "6"],
    [daysAgo(30), "6"],
  ]) {
    await page.goto(`${patientUrl}/records/outcome/new`);
    await page.getByLabel(da.portal.date).fill(date!);
    await page.getByLabel(da.instrument.NRS_FIRST_STEP, { exact: true }).fill(value!);
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await expect(page).toHaveURL(patientUrl);
  }
  // Day 50 without a meaningful change: NO_IMPROVEMENT, a warning, with its recommendation.
  const flag = page
    .getByRole("region", { name: da.flags.onPatient })
    .getByRole("listitem")
    .filter({ hasText: da.flags.codes.NO_IMPROVEMENT });
  await expect(flag).toContainText("Advarsel");
  await expect(flag).toContainText(/struktureret gennemgang/);
  const flagLink = flag.getByRole("link", { name: da.flags.codes.NO_IMPROVEMENT });
  await flagLink.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(da.flags.codes.NO_IMPROVEMENT);
  await expect(page.getByText(/struktureret gennemgang/)).toBeVisible();
  await expect(page.getByText(da.flags.evidenceLabels.daysInTreatment)).toBeVisible();
  const contact = page.getByRole("region", { name: da.flags.contact });
  await expect(contact.getByRole("link", { name: da.patient.callPatient("+45 20 30 40 50") })).toHaveAttribute(
    "href",
    "tel:+4520304050",
  );
  await expect(contact).toContainText("Jonas Krogh");
  await expectNoAxeViolations(page);
  const flagUrl = page.url();

  await page.getByRole("button", { name: da.flags.acknowledge }).click();
  await expect(page.getByText(da.validation.required)).toBeVisible();
  await page.getByLabel(da.flags.acknowledgeNote).fill("Gennemgået fodtøj og belastning; ny vurdering om 2 uger");
  await page.getByRole("button", { name: da.flags.acknowledge }).click();
  await expect(page.getByText(/Advarsel · Kvitteret/)).toBeVisible();
  await expect(page.getByText("Gennemgået fodtøj og belastning; ny vurdering om 2 uger")).toBeVisible();
  // Right after: the acknowledgement can be taken back, and the next open flag is one click away.
  await page.getByRole("button", { name: da.flags.undoAcknowledge }).click();
  await expect(page.getByText(/Advarsel · Åben/)).toBeVisible();
  await expect(page.getByText(da.flags.events.ACKNOWLEDGEMENT_UNDONE)).toBeVisible();
  await page.getByLabel(da.flags.acknowledgeNote).fill("Gennemgået fodtøj og belastning; ny vurdering om 2 uger");
  await page.getByRole("button", { name: da.flags.acknowledge }).click();
  await expect(page.getByText(/Advarsel · Kvitteret/)).toBeVisible();
  const next = page.getByRole("link", { name: da.flags.nextFlag });
  if (await next.count()) {
    await next.click();
    await expect(page).not.toHaveURL(flagUrl);
    await expect(page.getByText(/· Åben ·/)).toBeVisible();
  } else {
    await expect(page.getByText(da.flags.noNextFlag)).toBeVisible();
  }

  // The admin lowers the day from which no improvement is high: the flag's severity rises.
  await page.context().clearCookies();
  await signIn(page, "admin@demo.dk");
  await page.getByRole("link", { name: da.nav.admin }).click();
  await page.getByRole("link", { name: da.settings.title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Regelindstillinger");
  await expectNoAxeViolations(page);
  await page.getByLabel(/Ingen bedring: alvorlighed høj fra dag/).fill("49");
  await saveRuleSettings(page);
  // The re-evaluation runs in the background; the page follows it to the end.
  await expect(page.getByText(da.settings.upToDate)).toBeVisible({ timeout: 30_000 });

  await page.goto(flagUrl);
  await expect(page.getByText(/Høj · Åben/)).toBeVisible();
  await expect(page.getByText(da.flags.events.REOPENED)).toBeVisible();

  await page.goto("/flags?code=NO_IMPROVEMENT&severity=HIGH");
  await expect(page.getByRole("link", { name: "Flemming Flag" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Put the threshold back for the other tests.
  await page.goto("/settings");
  await page.getByLabel(/Ingen bedring: alvorlighed høj fra dag/).fill("56");
  await saveRuleSettings(page);
});

test("the flag queue starts from the clinician's own patients as the caseload does, and urgent and high badges look different", async ({
  page,
}) => {
  await signIn(page, "fysio@demo.dk");
  await page.goto("/flags");
  await expect(page.locator("#scope")).toHaveValue("mine");
  await page.goto("/caseload");
  await expect(page.locator("#scope")).toHaveValue("mine");
  // Told apart at a glance, not only by the word: urgent is filled, high is not.
  await page.goto("/flags?scope=clinic");
  const look = (severity: string) =>
    page
      .locator(`.severity-badge[data-severity="${severity}"]`)
      .first()
      .evaluate((badge) => {
        const style = getComputedStyle(badge);
        return `${style.backgroundColor} ${style.color}`;
      });
  expect(await look("urgent")).not.toBe(await look("high"));
});
