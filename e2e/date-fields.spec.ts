import { addDays, DEFAULT_TIME_ZONE, isoDate, today } from "../lib/platform/dates";
import { da } from "../lib/present/i18n/da";
import { formatDate } from "../lib/present/i18n/format";
import { assignProgramOnPatientPage, expectNoAxeViolations, invitedPatientOnPhone, signIn } from "./helpers";
import { expect, test } from "./support/test";

// Finding 13 of the usability walk: a browser in English drew native date fields as
// mm/dd/yyyy and time fields as 06:30 PM, so a Dane read 12/05/2026 as 12 May. The fields
// are now text in dd-mm-åååå and tt:mm whatever the browser's language (decision record 030).
test.use({ locale: "en-US", timezoneId: "Europe/Copenhagen" });

/**
 * A day some days ago in the demo clinic's calendar, as yyyy-mm-dd and as a Dane types it. The
 * clinic's day, not UTC's: between 23:00 and midnight UTC, Copenhagen is already on the next day
 * and the forms start from it.
 */
const daysAgo = (days: number) => {
  const iso = isoDate(addDays(today(DEFAULT_TIME_ZONE), -days));
  const [year, month, day] = iso.split("-");
  return { iso, typed: `${day}-${month}-${year}` };
};

test("in an English browser, dates are typed and shown day first and times on the 24-hour clock", async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  const name = `Dorte Dato ${Date.now()}`;
  await signIn(page, "fysio@demo.dk");
  await page.goto("/patients/new");
  const birthDate = page.getByLabel(da.patientForm.dateOfBirth);
  await expect(birthDate).toHaveAttribute("type", "text");
  await expect(birthDate).toHaveAccessibleDescription(da.fields.dateFormat);
  await expect(page.getByRole("button", { name: da.fields.openCalendar }).first()).toBeVisible();
  await expectNoAxeViolations(page);

  // A day that is not in the calendar is a field error, and what was typed is shown back.
  await page.getByLabel(da.caseload.columns.name, { exact: true }).fill(name);
  await birthDate.fill("31-02-1984");
  await page.getByLabel(da.patientForm.sex).selectOption("FEMALE");
  await page.getByLabel(da.patientForm.affectedSide).selectOption("LEFT");
  await page.getByRole("button", { name: da.patientForm.save }).click();
  await expect(page.getByText(da.validation.invalidDate)).toBeVisible();
  await expect(birthDate).toHaveValue("31-02-1984");
  await expect(birthDate).toHaveAttribute("aria-invalid", "true");

  // 5-12-1984 is the 5th of December (an American reading would make it 12 May).
  await birthDate.fill("5-12-1984");
  await page.getByRole("button", { name: da.patientForm.save }).click();
  await expect(page.getByRole("region", { name: "Forløb" })).toContainText("Patienten har endnu ikke et forløb");
  // The save's notice is said once: its parameter leaves the address.
  await expect(page.getByRole("status").filter({ hasText: da.patient.createdOpenEpisode })).toBeVisible();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  const patientUrl = page.url();

  // The episode's dates typed with dots and dashes; the treatment start shows today day first.
  const onset = daysAgo(70);
  const start = daysAgo(20);
  await expect(page.getByLabel(da.patient.treatmentStart)).toHaveValue(daysAgo(0).typed);
  await page.getByLabel(da.patient.symptomOnset).fill(onset.typed.replaceAll("-", "."));
  await page.getByLabel(da.patient.treatmentStart).fill(start.typed);
  await page.getByRole("button", { name: da.patient.openEpisode }).click();
  await expect(page.getByRole("list", { name: da.overview.tiles })).toContainText(da.overview.noProgram);

  // The caseload shows the saved birth date in the app's own format: 5. dec. 1984.
  await page.goto(`/caseload?q=${encodeURIComponent(name)}&scope=clinic&status=any`);
  const bornOn = da.caseload.bornOn(formatDate(new Date("1984-12-05T00:00:00Z"), "da"));
  expect(bornOn).toBe("f. 5. dec. 1984");
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText(bornOn);

  // The stored date comes back into the edit form as dd-mm-åååå.
  await page.goto(`${patientUrl}/edit`);
  await expect(page.getByLabel(da.patientForm.dateOfBirth)).toHaveValue("05-12-1984");

  // A program's start date typed day first; then the patient's phone, in English too.
  await page.goto(patientUrl);
  await assignProgramOnPatientPage(page, "HSR hælløft, 12 uger, version 1", daysAgo(7).typed);
  const { phone, page: portal } = await invitedPatientOnPhone(browser, page, `dato-${Date.now()}@example.test`, {
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
    locale: "en-US",
    timezoneId: "Europe/Copenhagen",
  });

  // The session's date field starts at today, day first.
  await expect(portal.getByLabel(da.portal.date)).toHaveValue(daysAgo(0).typed);
  await expect(portal.getByLabel(da.portal.date)).toHaveAccessibleDescription(da.fields.dateFormat);
  const calendar = portal.getByRole("button", { name: da.fields.openCalendar });
  const box = await calendar.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  expect(box!.width).toBeGreaterThanOrEqual(44);

  // Reminder times: typed as 18.30 and 0705, shown and kept as 18:30 and 07:05 (never PM).
  const reminders = portal.getByRole("region", { name: da.reminders.title });
  const morning = reminders.getByLabel(da.reminders.morningPain);
  await expect(morning).toHaveAttribute("type", "text");
  await expect(morning).toHaveAccessibleDescription(da.fields.timeFormat);
  await morning.fill("0705");
  await reminders.getByLabel(da.reminders.session).fill("18.30");
  await reminders.getByRole("button", { name: da.reminders.save }).click();
  await expect(reminders.getByRole("status").filter({ hasText: da.reminders.saved })).toBeVisible();
  await portal.reload();
  await expect(reminders.getByLabel(da.reminders.morningPain)).toHaveValue("07:05");
  await expect(reminders.getByLabel(da.reminders.session)).toHaveValue("18:30");

  // An hour that is not on the clock is a field error.
  await reminders.getByLabel(da.reminders.session).fill("25:00");
  await reminders.getByRole("button", { name: da.reminders.save }).click();
  await expect(reminders.getByText(da.validation.invalidTime)).toBeVisible();
  await expectNoAxeViolations(portal);
  await phone.close();
});
