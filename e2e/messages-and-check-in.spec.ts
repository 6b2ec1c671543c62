import { da } from "../lib/present/i18n/da";
import {
  assignProgramOnPatientPage,
  expectNoAxeViolations,
  invitedPatientOnPhone,
  registerPatient,
  signIn,
} from "./helpers";
import { expect, test } from "./support/test";

// A patient and the clinic write to each other, each side seeing its unread messages and the
// other's read receipt; and the weekly check-in the clinician set up reaches the clinic's chart
// (SPEC §10); the exercise's drawing shows wherever the exercise does. A new patient, so the
// demo's own conversation is left as it is.

const PHONE = {
  viewport: { width: 360, height: 740 },
  hasTouch: true,
  isMobile: true,
  locale: "da-DK",
  timezoneId: "Europe/Copenhagen",
};
const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** The heel raise's drawing, by the start of its text alternative. */
const HEEL_RAISE_DRAWING = /^Tegning i to dele af et underben set fra siden/;

test("a weekly check-in on the phone reaches the clinic's chart, a message each way shows as unread until opened, and the exercise's drawing is on every page of the plan", async ({
  browser,
  page: clinic,
}) => {
  test.setTimeout(120_000);
  const email = `beskeder-${Date.now()}@example.test`;
  await signIn(clinic, "fysio@demo.dk");
  await registerPatient(clinic, { name: "Mette Mørk", dateOfBirth: "1979-06-14", sex: "FEMALE", side: "RIGHT" });
  await clinic.getByLabel(da.patient.symptomOnset).fill(isoDaysAgo(90));
  await clinic.getByLabel(da.patient.treatmentStart).fill(isoDaysAgo(14));
  await clinic.getByRole("button", { name: da.patient.openEpisode }).click();

  // The clinician writes down the patient's own activities.
  const checkInSetup = clinic.getByRole("region", { name: da.checkIn.clinicTitle });
  await expect(checkInSetup.getByText(da.checkIn.noCheckIn)).toBeVisible();
  await checkInSetup.getByRole("button", { name: da.checkIn.setActivities }).click();
  const activities = checkInSetup.getByRole("dialog", { name: da.checkIn.setActivities });
  await activities.getByLabel("Aktivitet 1").fill("Gå op ad trapper");
  await activities.getByLabel("Aktivitet 2").fill("Løbe 5 km");
  await expectNoAxeViolations(clinic);
  await activities.getByRole("button", { name: da.checkIn.saveActivities }).click();
  await expect(activities).toBeHidden();
  await expect(checkInSetup.getByRole("list", { name: da.instrument.PSFS }).getByRole("listitem")).toHaveText([
    "Gå op ad trapper",
    "Løbe 5 km",
  ]);
  await assignProgramOnPatientPage(clinic, "HSR hælløft, 12 uger, version 1", isoDaysAgo(7));
  // The clinician's program card names the exercises; their drawings are on the handout (checked at the end).
  await expect(clinic.getByRole("region", { name: da.programs.title })).toContainText("Hælløft på ét ben");
  await expect(
    clinic.getByRole("region", { name: da.programs.title }).getByRole("img", { name: HEEL_RAISE_DRAWING }),
  ).toHaveCount(0);
  const { phone, page } = await invitedPatientOnPhone(browser, clinic, email, PHONE);

  // The day's task first: morning pain, today's exercise and its log; the weekly check-in after them.
  const checkIn = page.getByRole("region", { name: da.checkIn.title });
  await expect(checkIn).toBeVisible();
  const headings = await page.locator("main h2").allInnerTexts();
  const at = (heading: string | RegExp) =>
    headings.findIndex((text) => (typeof heading === "string" ? text === heading : heading.test(text)));
  expect(at(da.portal.morningTitle)).toBeGreaterThanOrEqual(0);
  expect(at(da.portal.morningTitle)).toBeLessThan(at(/^Dagens øvelse: /));
  expect(at(/^Dagens øvelse: /)).toBeLessThan(at(da.portal.sessionTitle));
  expect(at(da.portal.sessionTitle)).toBeLessThan(at(da.checkIn.title));
  await expect(page.getByRole("img", { name: HEEL_RAISE_DRAWING })).toBeVisible();
  await expectNoAxeViolations(page);
  // Pain during activity by the same 0–10 buttons as the morning pain, large enough for a thumb.
  const activityPain = checkIn.getByRole("group", { name: /Hvor ondt har hælen højst gjort/ });
  await expect(activityPain.getByRole("radio")).toHaveCount(11);
  await expect(checkIn.getByRole("textbox", { name: /Hvor ondt har hælen højst gjort/ })).toHaveCount(0);
  const ten = (await activityPain.locator("label", { hasText: "10" }).boundingBox())!;
  expect(Math.min(ten.width, ten.height)).toBeGreaterThanOrEqual(44);
  await checkIn.getByRole("button", { name: da.checkIn.save }).tap();
  await expect(activityPain.getByText(da.validation.required)).toBeVisible();
  await expect(activityPain).toHaveAttribute("aria-invalid", "true");
  await activityPain.getByRole("radio", { name: "6", exact: true }).check();
  await checkIn.getByLabel("Gå op ad trapper").fill("3");
  await checkIn.getByLabel("Løbe 5 km").fill("2");
  await checkIn
    .getByRole("group", { name: /Alt i alt: hvordan har din hæl det nu/ })
    .getByLabel(da.checkIn.globalChangeOptions["1"])
    .check();
  await checkIn.getByRole("button", { name: da.checkIn.save }).tap();
  await expect(checkIn.getByText("Tak for dit svar.", { exact: false })).toBeVisible();
  await expect(checkIn.getByRole("button", { name: da.checkIn.save })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("region", { name: da.checkIn.title })).toHaveCount(0);
  await expect(page.getByText(/Ugens tjek er sendt\. Det næste er/)).toBeVisible();

  // The patient writes: the form first, on the first screen of the phone; right under it, in one
  // line, that messages are not for urgent symptoms, with the signs and where to turn a tap away.
  await page.getByRole("link", { name: "Beskeder", exact: true }).first().tap();
  await expect(page.getByRole("heading", { level: 1, name: "Beskeder" })).toBeVisible();
  await expect(page.getByLabel(da.conversation.body)).toBeInViewport();
  expect(await page.locator("main h2").allInnerTexts()).toEqual([
    da.conversation.newMessage,
    da.conversation.notUrgentTitle,
    da.conversation.list,
  ]);
  const urgent = page.getByRole("region", { name: da.conversation.notUrgentTitle });
  await expect(urgent.getByText(da.conversation.notUrgentShort)).toBeVisible();
  const signs = urgent.getByRole("listitem");
  await expect(signs.first()).toBeHidden();
  await urgent.getByText(da.conversation.whenToCall).tap();
  await expect(signs).toHaveCount(da.education.contactClinic.signs.length);
  await expect(signs.first()).toBeVisible();
  await expect(urgent.getByText(da.education.contactClinic.heading)).toBeVisible();
  await expect(urgent.getByText(da.education.contactClinic.outOfHours)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel(da.conversation.body).fill("Må jeg løbe i weekenden?");
  await page.getByRole("button", { name: da.conversation.send }).tap();
  await expect(page.getByText(da.conversation.sent)).toBeVisible();
  const conversation = page.getByRole("list", { name: da.conversation.list });
  await expect(conversation.getByRole("listitem").filter({ hasText: "Må jeg løbe i weekenden?" })).toContainText(
    "Ikke læst endnu",
  );
  await expect(page.getByLabel(da.conversation.body)).toHaveValue("");
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The clinic sees it as unread in the caseload's view of unread messages, opens it and answers.
  await clinic.goto("/caseload");
  await clinic
    .getByRole("navigation", { name: da.caseload.views.label })
    .getByRole("link", { name: da.caseload.views.messages })
    .click();
  await expect(clinic).toHaveURL(/view=messages/);
  const row = clinic.getByRole("row").filter({ hasText: "Mette Mørk" });
  await row.getByRole("link", { name: "1 ny besked" }).click();
  await expect(clinic.getByRole("heading", { level: 1 })).toHaveText("Beskeder med Mette Mørk");
  await expect(clinic.getByRole("list", { name: da.conversation.list })).toContainText("Må jeg løbe i weekenden?");
  await clinic.getByLabel(da.conversation.body).fill("Ja, en kort tur, hvis morgensmerten er under 3.");
  await clinic.getByRole("button", { name: da.conversation.send }).click();
  await expect(clinic.getByRole("list", { name: da.conversation.list }).getByRole("listitem").last()).toContainText(
    "Ikke læst endnu",
  );
  await expectNoAxeViolations(clinic);
  await clinic.goto("/caseload");
  await expect(
    clinic
      .getByRole("row")
      .filter({ hasText: "Mette Mørk" })
      .getByRole("link", { name: /ny besked/ }),
  ).toHaveCount(0);
  // Read, she leaves the view of unread messages.
  await clinic.goto("/caseload?view=messages&scope=clinic");
  await expect(clinic.getByRole("row").filter({ hasText: "Mette Mørk" })).toHaveCount(0);
  await clinic.goto("/caseload");

  // The patient sees the answer as new, and their own question as read.
  await page.goto("/portal");
  await expect(page.getByText("Du har 1 ny besked fra klinikken.")).toBeVisible();
  await page.getByRole("link", { name: "Beskeder (1 ny besked)" }).tap();
  await expect(conversation).toContainText("Ja, en kort tur, hvis morgensmerten er under 3.");
  await expect(conversation.getByRole("listitem").filter({ hasText: "Må jeg løbe i weekenden?" })).toContainText(
    /Læst /,
  );
  await page.goto("/portal");
  await expect(page.getByText(/ny besked fra klinikken/)).toHaveCount(0);
  // The handout, on the phone and on paper: the drawing beside the exercise's steps.
  await page.goto("/portal/handout");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("img", { name: HEEL_RAISE_DRAWING })).toBeVisible();
  await phone.close();

  // …and the clinic sees its answer read, and the check-in on the patient's charts.
  await clinic.getByRole("row").filter({ hasText: "Mette Mørk" }).getByRole("link", { name: "Mette Mørk" }).click();
  await clinic.getByRole("link", { name: "Beskeder", exact: true }).click();
  await expect(clinic.getByRole("list", { name: da.conversation.list }).getByRole("listitem").last()).toContainText(
    /Læst /,
  );
  await clinic.getByRole("link", { name: da.record.backToPatient }).click();
  await expect(clinic.getByRole("region", { name: da.checkIn.clinicTitle })).toContainText(
    "Seneste tjek fra portalen:",
  );
  const functionChart = clinic.getByRole("img", { name: da.instrument.PSFS });
  await expect(functionChart.locator(".recharts-legend-item-text")).toContainText([
    "Patientspecifik funktionsskala (PSFS), fra patientens dagbog",
  ]);
  await expect(clinic.getByRole("img", { name: da.charts.pain }).locator(".recharts-legend-item-text")).toContainText([
    "Værste smerte ved daglig aktivitet, sidste uge (NRS), fra patientens dagbog",
  ]);
  // The rating of change is among the measurements, as the patient gave it.
  await clinic.getByText(da.charts.dataTable).click();
  await expect(
    clinic.getByRole("row").filter({ hasText: "Patientens vurdering af ændring siden start" }),
  ).toContainText("1");
  await clinic.getByRole("link", { name: da.programs.handout }).click();
  await expect(clinic.getByRole("img", { name: HEEL_RAISE_DRAWING })).toBeVisible();
  await expectNoAxeViolations(clinic);
});
