import { da } from "../lib/present/i18n/da";
import {
  cachedPages,
  expectNoAxeViolations,
  invitedPatientOnPhone,
  registerPatient,
  signIn,
  submitSignIn,
} from "./helpers";
import { expect, test } from "./support/test";

const PHONE = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  locale: "da-DK",
  timezoneId: "Europe/Copenhagen",
};

test("an admin sees the nightly backups, and that a database shared with another clinic is not theirs to download", async ({
  page,
}) => {
  await signIn(page, "admin@demo.dk");
  await page.getByRole("navigation", { name: da.nav.label }).getByRole("link", { name: da.nav.admin }).click();
  await page.getByRole("link", { name: da.admin.backups.title }).click();
  await expect(page.getByRole("heading", { name: "Sikkerhedskopier", level: 1 })).toBeVisible();
  // The server made its first backup within a minute of starting.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("region", { name: "Sikkerhedskopier" }).getByRole("row")).not.toHaveCount(0, {
      timeout: 1000,
    });
  }).toPass({ timeout: 90_000 });
  // The status in plain words: the last backup went well, and when the next one is made.
  await expect(page.getByTestId("backup-status")).toHaveText(
    /^Den seneste sikkerhedskopi blev taget .+ og gik godt\. Den næste tages .+\.$/,
  );
  await expect(page.getByText(/gemmer hver kopi i 14 dage/)).toBeVisible();
  // Restoring is the operator's: one sentence pointing to the README, no commands on the page.
  await expect(page.getByText(da.admin.backups.restore)).toBeVisible();
  await expect(page.getByText(/npm run|db:restore/)).toHaveCount(0);
  // The demo database also holds "Anden Fysioterapi": no download link, and the route refuses.
  await expect(page.getByText(da.admin.backups.shared)).toBeVisible();
  const name = (await page
    .getByRole("region", { name: "Sikkerhedskopier" })
    .getByRole("cell", { name: /^backup-.*\.sql$/ })
    .first()
    .textContent())!;
  await expect(page.getByRole("link", { name: /Hent sikkerhedskopien/ })).toHaveCount(0);
  expect((await page.request.get(`/admin/backups/${name}`)).status()).toBe(403);
  await expectNoAxeViolations(page);
});

test("a patient asks in the portal to be erased: told why the record is kept, signed out, and the clinic sees processing stopped", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const name = `Sletning Sørensen ${Date.now()}`;
  const email = `sletning-${Date.now()}@example.test`;
  // A context of its own, as axe needs (the browser's default page has none).
  const clinic = await (await browser.newContext()).newPage();
  await signIn(clinic, "fysio@demo.dk");
  await registerPatient(clinic, { name, dateOfBirth: "1975-04-03", sex: "FEMALE", side: "LEFT" });
  await clinic.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
  const patientUrl = clinic.url();
  const { phone, page } = await invitedPatientOnPhone(browser, clinic, email, PHONE);
  // The phone keeps the plan for use offline, until this patient leaves it.
  await expect.poll(() => cachedPages(page), { timeout: 20_000 }).toEqual(["/portal", "/portal/handout"]);
  // Asked for from the account page, not from the plan.
  await page.getByRole("link", { name: da.nav.account }).tap();
  await page.getByRole("link", { name: da.portal.erasure.link }).tap();
  await expect(page.getByRole("heading", { name: da.portal.erasure.title })).toBeVisible();
  await expect(page.getByText(/gemmer en journal i 5 år efter den sidste notering/)).toBeVisible();
  await expectNoAxeViolations(page);
  // Asked once more; cancelling changes nothing.
  await page.getByRole("button", { name: da.portal.erasure.trigger }).tap();
  await page
    .getByRole("dialog", { name: da.portal.erasure.confirmTitle })
    .getByRole("button", { name: "Annullér" })
    .tap();
  await page.getByRole("button", { name: da.portal.erasure.trigger }).tap();
  await page.getByRole("dialog").getByRole("button", { name: da.portal.erasure.confirm }).tap();
  const receipt = page.getByRole("status");
  await expect(receipt).toContainText(da.portal.erasure.receiptTitle);
  const keptUntil = `${new Date().getFullYear() + 5}`;
  await expect(receipt).toContainText(`Vi gemmer din journal til`);
  await expect(receipt).toContainText(keptUntil);
  await expect(receipt).toContainText("Vi har også sendt dig dette på mail.");
  await expectNoAxeViolations(page);
  await page.screenshot({ path: test.info().outputPath("erasure-receipt-360.png"), fullPage: true });
  await receipt.getByRole("button", { name: "Luk" }).tap();
  await page.waitForURL(/\/sign-in/);
  // Leaving clears the phone as signing out does (security review I-7).
  expect(await cachedPages(page)).toEqual([]);
  // The account is closed: the password no longer opens it.
  await submitSignIn(page, email);
  await expect(page.getByText(da.signIn.failed)).toBeVisible();

  // The clinic: the record is kept, says why, and takes no more entries.
  await clinic.goto(patientUrl);
  await expect(clinic.getByRole("note")).toContainText("Patienten bad om at blive slettet");
  const rights = clinic.getByRole("region", { name: da.retention.title });
  await expect(rights).toContainText(`Gemmes mindst til`);
  await rights.getByText("1 anmodning om sletning").click();
  await expect(rights.getByRole("region", { name: da.retention.requests })).toContainText(da.retention.channel.PORTAL);
  await expect(rights.getByRole("region", { name: da.retention.requests })).toContainText("Gemmes til");
  await expect(clinic.getByRole("link", { name: da.patient.edit })).toHaveCount(0);
  await expect(clinic.getByRole("region", { name: da.invite.title })).toHaveCount(0);
  await expectNoAxeViolations(clinic);
  await phone.close();
});

test("an admin places a complaint hold on a record and releases it when the case is closed", async ({
  browser,
  page,
}) => {
  const clinic = await (await browser.newContext()).newPage();
  await signIn(clinic, "fysio@demo.dk");
  await registerPatient(clinic, {
    name: `Klage Kristensen ${Date.now()}`,
    dateOfBirth: "1968-09-12",
    sex: "MALE",
    side: "RIGHT",
  });
  await clinic.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
  await signIn(page, "admin@demo.dk");
  await page.goto(clinic.url());
  const rights = page.getByRole("region", { name: da.retention.title });
  await expect(rights).toContainText("Gemmes mindst til");
  await rights.getByRole("button", { name: "Hold journalen tilbage" }).click();
  const dialog = page.getByRole("dialog", { name: da.retention.place.title });
  await dialog.getByLabel(da.retention.place.kind).selectOption("COMPLAINT");
  await dialog.getByRole("button", { name: "Hold journalen tilbage" }).click();
  await expect(rights).toContainText("Holdes tilbage, mens en sag er åben (klage)");
  await rights.getByText("1 tilbageholdelse").click();
  await expect(rights.getByRole("listitem").filter({ hasText: da.retention.holdKind.COMPLAINT })).toContainText(
    "Siden",
  );
  await expectNoAxeViolations(page);
  await rights.getByRole("button", { name: da.retention.release.trigger }).click();
  await page
    .getByRole("dialog", { name: da.retention.release.title })
    .getByRole("button", { name: da.retention.release.confirm })
    .click();
  await expect(rights.getByRole("listitem").filter({ hasText: da.retention.holdKind.COMPLAINT })).toContainText(
    "(ophævet)",
  );
});
