import { type Page } from "@playwright/test";

import { da } from "../lib/present/i18n/da";
import {
  assignProgramOnPatientPage,
  expectNoAxeViolations,
  invitedPatientOnPhone,
  registerPatient,
  signIn,
} from "./helpers";
import { expect, test } from "./support/test";

// A plan that stops when it must (SPEC §6, §7, §10; decision record 023): a red flag recorded at
// the clinic puts the plan on hold on the patient's phone, the clinician is told, the caseload
// shows it among those needing attention, and a screen that finds nothing brings the plan back.

const PHONE = {
  viewport: { width: 360, height: 740 },
  hasTouch: true,
  isMobile: true,
  locale: "da-DK",
  timezoneId: "Europe/Copenhagen",
};
const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** A visit on today's date with every test answered as not tested, the screens as given. */
async function recordVisit(
  page: Page,
  patientUrl: string,
  { squeeze = "Ikke testet", screened = true, examined = true, note = "" } = {},
) {
  await page.goto(`${patientUrl}/records/assessment/new`);
  const answer = (group: string, label: string) =>
    page.getByRole("group", { name: group }).getByLabel(label, { exact: true }).check();
  await answer("Palpationstest", "Ikke testet");
  await answer("Windlass-test", "Ikke testet");
  await answer("Calcaneal squeeze-test", squeeze);
  await answer("Tinels tegn over tarsaltunnelen", "Ikke testet");
  await answer("Screening for røde flag", screened ? "Udført ved dette besøg" : "Ikke udført ved dette besøg");
  await answer(
    "Undersøgelse for differentialdiagnoser",
    examined ? "Undersøgt ved dette besøg" : "Ikke undersøgt ved dette besøg",
  );
  if (note) await page.getByLabel(da.recordPrint.columns.note).fill(note);
  await page.getByRole("button", { name: "Gem", exact: true }).click();
}

test("a red flag puts the plan on hold on the patient's phone; a screen that finds none brings it back", async ({
  browser,
  page: clinic,
}) => {
  // Two people on two devices, and the plan back and forth.
  test.setTimeout(120_000);
  await clinic.setViewportSize({ width: 1366, height: 768 });
  await signIn(clinic, "fysio@demo.dk");
  await registerPatient(clinic, { name: "Hanne Holdt", dateOfBirth: "1975-03-04", sex: "FEMALE", side: "RIGHT" });
  await clinic.getByLabel(da.patient.symptomOnset).fill(isoDaysAgo(90));
  await clinic.getByLabel(da.patient.treatmentStart).fill(isoDaysAgo(3));
  await clinic.getByRole("button", { name: da.patient.openEpisode }).click();
  await expect(clinic.getByRole("link", { name: da.record.newAssessment })).toBeVisible();
  const patientUrl = clinic.url();
  await assignProgramOnPatientPage(clinic, "HSR hælløft, 12 uger, version 1", isoDaysAgo(3));
  const { phone, page: portal } = await invitedPatientOnPhone(
    browser,
    clinic,
    `hanne.holdt-${Date.now()}@example.test`,
    PHONE,
  );

  // Before: today's exercise with its dose.
  await portal.goto("/portal");
  await expect(portal.getByRole("heading", { name: /^Dagens øvelse: HSR hælløft, 12 uger/ })).toBeVisible();
  await expect(portal.getByRole("form", { name: da.portal.sessionTitle })).toBeVisible();

  // The clinic records a positive squeeze test (a suspected stress fracture), at a desk.
  await recordVisit(clinic, patientUrl, { squeeze: "Positiv", examined: false });
  await expect(clinic).toHaveURL(`${patientUrl}?saved=onHold`);
  await expect(
    clinic
      .getByRole("status")
      .filter({ hasText: "Patientens plan er nu sat på pause, og patienten får besked om at åbne portalen." }),
  ).toBeVisible();
  const programs = clinic.getByRole("region", { name: da.programs.title });
  await expect(programs.getByRole("note")).toContainText("Plan: På pause (rødt flag)");
  await expect(programs.getByRole("note")).toContainText("Patientens portal viser ingen øvelser og ingen dosis");
  await expect(clinic.getByRole("list", { name: da.overview.tiles })).toContainText("På pause (rødt flag)");
  await expectNoAxeViolations(clinic);
  await clinic.screenshot({ path: test.info().outputPath("patient-on-hold-1366.png") });
  for (const width of [1366, 1024]) {
    await clinic.setViewportSize({ width, height: 768 });
    expect(await clinic.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
  await clinic.setViewportSize({ width: 1366, height: 768 });

  // The phone: no exercise, no dose, no session form; what to do instead, on the first screen.
  await portal.reload();
  const hold = portal.getByRole("region", { name: da.portal.hold.title });
  await expect(hold).toContainText("bedt dig om at blive undersøgt af en læge i dag");
  await expect(hold).toContainText("Du får ingen påmindelser om træning");
  // "Ring til klinikken" comes with the clinic's number in the panel, not only at the foot of the page.
  await expect(hold.getByRole("link", { name: new RegExp(`^${da.clinicProfile.callClinic}: `) })).toHaveAttribute(
    "href",
    /^tel:\+?\d+$/,
  );
  const box = await hold.boundingBox();
  expect(box!.y).toBeLessThan(PHONE.viewport.height);
  // Before anything else on the page, the morning pain included.
  expect((await portal.locator("main h2").allInnerTexts())[0]).toBe(da.portal.hold.title);
  await expect(portal.getByRole("heading", { name: /^Dagens øvelse/ })).toHaveCount(0);
  await expect(portal.getByRole("form", { name: da.portal.sessionTitle })).toHaveCount(0);
  await expect(portal.getByText(/kg ekstra|sæt × \d+ gentagelser/)).toHaveCount(0);
  await expect(portal.getByRole("region", { name: da.education.contactClinic.heading })).toBeVisible();
  // Morning pain is still asked: the clinic follows it while the plan waits.
  await expect(portal.getByRole("form", { name: "Morgensmerte" })).toBeVisible();
  await expectNoAxeViolations(portal);
  expect(await portal.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await portal.screenshot({ path: test.info().outputPath("portal-on-hold-360.png") });
  // The handout the phone kept for offline use showed the old plan: the page's new plan stamp has
  // the service worker fetch it again, so without a connection it too says the plan is on hold.
  const onHoldText = "Din plan står på pause. Lav ikke øvelserne, før du har talt med din fysioterapeut.";
  await expect
    .poll(
      () =>
        portal.evaluate(
          async () =>
            (
              await (await caches.open("heelpain-portal-pages")).match("/portal/handout", { ignoreVary: true })
            )?.text() ?? "",
        ),
      { timeout: 20_000 },
    )
    .toContain("står på pause");
  await phone.setOffline(true);
  const kept = await portal.goto("/portal/handout");
  expect(kept?.fromServiceWorker()).toBe(true);
  await expect(portal.getByText(onHoldText)).toBeVisible();
  await expect(portal.getByText(/kg ekstra/)).toHaveCount(0);
  await phone.setOffline(false);

  // The caseload: among those needing attention, most severe first, with the plan's status; and under its filter.
  await clinic.goto("/caseload");
  await clinic.getByRole("link", { name: da.caseload.views.attention }).click();
  await expect(clinic).toHaveURL(/view=attention/);
  const row = clinic.getByRole("row").filter({ has: clinic.getByRole("link", { name: "Hanne Holdt" }) });
  await expect(row).toContainText("På pause (rødt flag)");
  await expect(row).toContainText("1 akut");
  await clinic.goto("/caseload?plan=ON_HOLD");
  await expect(clinic.getByRole("link", { name: "Hanne Holdt" })).toBeVisible();
  await expectNoAxeViolations(clinic);

  // A visit that skipped the screen changes nothing; one that screened and found none brings the plan back.
  await recordVisit(clinic, patientUrl, {
    screened: false,
    examined: false,
    note: "Telefonopfølgning: venter på lægen",
  });
  await expect(clinic).toHaveURL(patientUrl);
  await portal.goto("/portal");
  await expect(portal.getByRole("region", { name: da.portal.hold.title })).toBeVisible();
  await recordVisit(clinic, patientUrl);
  await expect(clinic).toHaveURL(patientUrl);
  await expect(programs.getByRole("note")).toHaveCount(0);
  await portal.reload();
  await expect(portal.getByRole("heading", { name: /^Dagens øvelse: HSR hælløft, 12 uger/ })).toBeVisible();
  await expect(portal.getByRole("region", { name: da.portal.hold.title })).toHaveCount(0);
  await phone.close();
});
