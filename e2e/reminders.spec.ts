import { da } from "../lib/present/i18n/da";
import {
  assignProgramOnPatientPage,
  expectNoAxeViolations,
  invitedPatientOnPhone,
  registerPatient,
  signIn,
} from "./helpers";
import { expect, test } from "./support/test";

// A patient picks reminder times on the phone, and the app's scheduler sends the reminder at
// the next minute's tick. The e2e server has no push service to reach (a browser's would be
// on the internet), so the reminder goes as e-mail to the outbox, where the admin reads it (the
// patient is told that this clinic sends no e-mail: it has no mail server).
// Push itself is tested against a real push protocol server in tests/integration/reminders.test.ts.

const PHONE = {
  viewport: { width: 360, height: 740 },
  hasTouch: true,
  isMobile: true,
  locale: "da-DK",
  timezoneId: "Europe/Copenhagen",
};
const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
/** The clinic's clock one minute ago, as HH:MM: a reminder time that is due at the next tick. */
const minuteAgo = () =>
  new Intl.DateTimeFormat("da-DK", {
    timeZone: "Europe/Copenhagen",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  })
    .format(new Date(Date.now() - 60_000))
    .replace(".", ":");

test("a patient sets reminder times on a phone; the morning-pain reminder arrives once, by e-mail through the outbox", async ({
  browser,
  page: clinic,
}) => {
  // Waits for the scheduler's next tick (once a minute).
  test.setTimeout(150_000);
  const email = `paamindelse-${Date.now()}@example.test`;
  await signIn(clinic, "fysio@demo.dk");
  await registerPatient(clinic, { name: "Rikke Rask", dateOfBirth: "1975-03-09", sex: "FEMALE", side: "LEFT" });
  await clinic.getByLabel(da.patient.symptomOnset).fill(isoDaysAgo(60));
  await clinic.getByLabel(da.patient.treatmentStart).fill(isoDaysAgo(10));
  await clinic.getByRole("button", { name: da.patient.openEpisode }).click();
  await assignProgramOnPatientPage(clinic, "HSR hælløft, 12 uger, version 1", isoDaysAgo(7));
  const { phone, page } = await invitedPatientOnPhone(browser, clinic, email, PHONE);

  const reminders = page.getByRole("region", { name: "Påmindelser" });
  // The e2e server has no mail server: the patient is not promised e-mail that nobody sends.
  await expect(reminders.getByText(da.reminders.noEmail)).toBeVisible();
  await expectNoAxeViolations(page);
  await reminders.getByLabel(da.reminders.morningPain).fill(minuteAgo());
  await reminders.getByLabel(da.reminders.session).fill("18:00");
  await reminders.getByRole("button", { name: da.reminders.save }).click();
  await expect(reminders.getByRole("status").filter({ hasText: da.reminders.saved })).toBeVisible();
  await page.reload();
  await expect(reminders.getByLabel(da.reminders.session)).toHaveValue("18:00");

  // The admin finds the reminder in the outbox after the next tick: one, with a link to the portal.
  const admin = await browser.newPage();
  await signIn(admin, "admin@demo.dk");
  const rows = () =>
    admin.getByRole("row").filter({ hasText: email }).filter({ hasText: da.reminders.message.morningPain.title });
  await expect(async () => {
    await admin.goto("/admin/outbox");
    await expect(rows()).toHaveCount(1);
  }).toPass({ timeout: 100_000, intervals: [5_000] });
  await rows().getByRole("link").click();
  await expect(admin.getByTestId("email-text").getByRole("link")).toHaveAttribute("href", /\/portal$/);
  await phone.close();
});
