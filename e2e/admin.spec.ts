import { type Browser, type Page } from "@playwright/test";

import { da } from "../lib/present/i18n/da";
import { readDanishCsv } from "../tests/support/read-danish-csv";
import { expectNoAxeViolations, saveRuleSettings, signIn } from "./helpers";
import { expect, test } from "./support/test";

const NEW_PASSWORD = "trappetrin og tålmodighed";
const ANOTHER_PASSWORD = "hælen bliver bedre hver uge";

/** Opens the newest e-mail to `to` (with `subject`, when given) in the admin's outbox and answers the link in it. */
async function linkFromOutbox(admin: Page, to: string, subject = ""): Promise<string> {
  const row = admin.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).first();
  // A password link is made just after the page answers: it may take a moment to arrive.
  await expect(async () => {
    await admin.goto("/admin/outbox");
    await expect(row).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await row.getByRole("link").click();
  await admin.waitForURL(/\/admin\/outbox\/[0-9a-f-]{36}$/);
  return (await admin.getByTestId("email-text").getByRole("link").getAttribute("href"))!;
}

/** A browser of its own: signed out, as the invited person on their own machine. */
async function newVisitor(browser: Browser) {
  const context = await browser.newContext({ locale: "da-DK", timezoneId: "Europe/Copenhagen" });
  return context.newPage();
}

/** Opens an admin page as an admin finds it: the menu's one "Administration" item, then the page's link. */
async function openAdminPage(admin: Page, title: string) {
  await admin.getByRole("navigation", { name: da.nav.label }).getByRole("link", { name: da.nav.admin }).click();
  await admin.waitForURL("/admin");
  await admin.getByRole("main").getByRole("link", { name: title, exact: true }).click();
}

const staffCard = (admin: Page, name: string) => admin.getByTestId("staff-member").filter({ hasText: name });

test("an admin invites a physiotherapist by e-mail, who sets a password from the outbox link and signs in; the admin closes the account and finds both in the audit log", async ({
  browser,
  page: admin,
}) => {
  test.setTimeout(120_000);
  const email = `nina-${Date.now()}@example.test`;
  await signIn(admin, "admin@demo.dk");

  await test.step("invite", async () => {
    await openAdminPage(admin, da.admin.users.title);
    await admin.waitForURL("/admin/users");
    await expectNoAxeViolations(admin);
    const form = admin.getByRole("region", { name: da.admin.users.inviteTitle });
    await form.getByRole("button", { name: da.admin.users.invite }).click();
    await expect(form.getByLabel(da.caseload.columns.name)).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel(da.signIn.email)).toHaveAttribute("aria-invalid", "true");
    await form.getByLabel(da.caseload.columns.name).fill("Nina Nygaard");
    await form.getByLabel(da.signIn.email).fill(email);
    await form.getByLabel(da.admin.users.role).selectOption("CLINICIAN");
    await form.getByRole("button", { name: da.admin.users.invite }).click();
    await expect(form.getByRole("status")).toContainText(`Der er sendt en invitation til ${email}`);
    await expect(admin.getByTestId("open-invitations")).toContainText(`Nina Nygaard (${email})`);
  });

  const link = await test.step("read the e-mail in the outbox", async () => {
    await openAdminPage(admin, da.admin.outbox.title);
    await expect(admin.getByRole("row").filter({ hasText: email })).toContainText(da.admin.outbox.waiting);
    await expectNoAxeViolations(admin);
    const href = await linkFromOutbox(admin, email);
    await expect(admin.getByTestId("email-text")).toContainText("Hej Nina");
    await expectNoAxeViolations(admin);
    return href;
  });

  await test.step("the admin opening the link is asked to sign out first, and sees no password form", async () => {
    await admin.goto(link);
    await expect(admin.getByText(da.invite.signedInAsSomeoneElse("Anne Admin", "admin@demo.dk"))).toBeVisible();
    await expect(admin.getByLabel(da.invite.password)).toHaveCount(0);
    await expectNoAxeViolations(admin);
  });

  const nina = await newVisitor(browser);
  await test.step("the invited physiotherapist chooses a password and signs in", async () => {
    await nina.goto(link);
    await expect(
      nina.getByText("Vælg en adgangskode til din konto hos Demo Fysioterapi", { exact: false }),
    ).toBeVisible();
    await expect(nina.getByLabel(da.invite.name)).toHaveValue("Nina Nygaard");
    await expectNoAxeViolations(nina);
    await nina.getByLabel(da.invite.password).fill(NEW_PASSWORD);
    await nina.getByLabel(da.invite.confirmPassword).fill(NEW_PASSWORD);
    await nina.getByRole("button", { name: da.invite.submit }).click();
    // The new password signs her in on the spot.
    await expect(nina).toHaveURL(/\/caseload/);
    await expect(nina.getByTestId("signed-in-role")).toHaveText("Fysioterapeut");
    // The link worked once.
    await nina.goto(link);
    await expect(nina.getByText("Linket er allerede brugt", { exact: false })).toBeVisible();
    await nina.goto("/caseload");
  });

  await test.step("the admin closes the account; the open session ends with it", async () => {
    await admin.goto("/admin/users");
    const card = staffCard(admin, "Nina Nygaard");
    await card.getByRole("button", { name: da.admin.users.deactivate }).click();
    await admin
      .getByRole("dialog", { name: "Luk Nina Nygaards konto?" })
      .getByRole("button", { name: da.admin.users.deactivate })
      .click();
    await expect(card).toContainText(da.admin.users.inactive);
    await expect(card.getByRole("button", { name: da.admin.users.reactivate })).toBeVisible();
    await nina.reload();
    await expect(nina).toHaveURL(/\/sign-in/);
  });

  await test.step("the clinic's last admin cannot close their own account", async () => {
    const own = staffCard(admin, "(dig)");
    await own.getByRole("button", { name: da.admin.users.deactivate }).click();
    await admin.getByRole("dialog").getByRole("button", { name: da.admin.users.deactivate }).click();
    await expect(own.getByRole("alert")).toContainText("Klinikkens sidste aktive administrator");
    await expect(own).toContainText("Aktiv");
  });

  await test.step("the audit log holds the invitation and the closing", async () => {
    await openAdminPage(admin, da.admin.audit.title);
    await admin.waitForURL("/admin/audit");
    await expectNoAxeViolations(admin);
    await admin.getByLabel("Bruger").selectOption({ label: "Anne Admin" });
    await admin.getByRole("button", { name: "Vis" }).click();
    await expect(admin).toHaveURL(/user=/);
    const rows = admin.getByRole("row");
    await expect(
      rows.filter({ hasText: da.admin.audit.entities.Invite }).filter({ hasText: "Nina Nygaard" }).first(),
    ).toContainText("Oprettet");
    await expect(rows.filter({ hasText: "Bruger" }).filter({ hasText: "Nina Nygaard" }).first()).toContainText(
      "Ændret",
    );
    // The export holds the same view as the Danish CSV.
    const exportHref = (await admin.getByRole("link", { name: da.admin.audit.export }).getAttribute("href"))!;
    const csv = await (await admin.request.get(exportHref)).text();
    const table = readDanishCsv(csv);
    expect(table[0]).toEqual([
      "tidspunkt (UTC)",
      "bruger",
      "rolle",
      "handling",
      "posttype",
      "post",
      "patient",
      "adresse",
      "ændringer",
    ]);
    expect(table.some((row) => row[3] === "Ændret" && row[4] === "Bruger" && row[6] === "Nina Nygaard")).toBe(true);
    expect(table.slice(1).every((row) => row[1] === "Anne Admin")).toBe(true);
  });
});

test("forgot password: a link by e-mail, the same answer for any address, a new password that works once", async ({
  browser,
  page: admin,
}) => {
  test.setTimeout(90_000);
  const email = `ole-${Date.now()}@example.test`;
  // A physiotherapist of the demo clinic, invited and set up through the app.
  await signIn(admin, "admin@demo.dk");
  await admin.goto("/admin/users");
  const form = admin.getByRole("region", { name: da.admin.users.inviteTitle });
  await form.getByLabel(da.caseload.columns.name).fill("Ole Olsen");
  await form.getByLabel(da.signIn.email).fill(email);
  await form.getByRole("button", { name: da.admin.users.invite }).click();
  await expect(form.getByRole("status")).toBeVisible();
  const ole = await newVisitor(browser);
  await ole.goto(await linkFromOutbox(admin, email));
  await ole.getByLabel(da.invite.password).fill(NEW_PASSWORD);
  await ole.getByLabel(da.invite.confirmPassword).fill(NEW_PASSWORD);
  await ole.getByRole("button", { name: da.invite.submit }).click();
  await expect(ole).toHaveURL(/\/caseload/);

  // He forgets it, on another day (the session of this one is gone).
  await ole.context().clearCookies();
  await ole.goto("/sign-in");
  await ole.getByRole("link", { name: da.forgotPassword.link }).click();
  await ole.waitForURL("/forgot-password");
  await expectNoAxeViolations(ole);
  await ole.getByRole("button", { name: da.forgotPassword.submit }).click();
  await expect(ole.getByLabel(da.signIn.email)).toHaveAttribute("aria-invalid", "true");
  await ole.getByLabel(da.signIn.email).fill("ingen-konto@example.test");
  await ole.getByRole("button", { name: da.forgotPassword.submit }).click();
  const sent = ole.getByRole("status");
  await expect(sent).toContainText("Hvis adressen hører til en aktiv konto");
  const answerForUnknown = await sent.innerText();
  await ole.reload();
  await ole.getByLabel(da.signIn.email).fill(email);
  await ole.getByRole("button", { name: da.forgotPassword.submit }).click();
  await expect(ole.getByRole("status")).toHaveText(answerForUnknown);

  const link = await linkFromOutbox(admin, email, "Ny adgangskode");
  await ole.goto(link);
  await expect(ole.getByText(da.invite.passwordResetIntro("Demo Fysioterapi"))).toBeVisible();
  await expectNoAxeViolations(ole);
  await ole.getByLabel(da.invite.password).fill(ANOTHER_PASSWORD);
  await ole.getByLabel(da.invite.confirmPassword).fill(ANOTHER_PASSWORD);
  await ole.getByRole("button", { name: da.invite.submit }).click();
  await expect(ole).toHaveURL(/\/caseload/);

  // His own account: name, language and password.
  await ole.getByRole("link", { name: "Min konto" }).click();
  await ole.waitForURL("/account");
  await expectNoAxeViolations(ole);
  await ole.getByRole("textbox", { name: da.caseload.columns.name }).fill("Ole B. Olsen");
  await ole.getByRole("combobox", { name: "Sprog" }).selectOption("en");
  await ole.getByRole("button", { name: "Gem" }).click();
  await expect(ole.getByRole("heading", { name: "My account" })).toBeVisible();
  await expect(ole.getByTestId("signed-in-user")).toHaveText("Ole B. Olsen");
  await ole.getByLabel("Current password").fill("not the password");
  await ole.getByLabel("New password (at least 12 characters)").fill(NEW_PASSWORD);
  await ole.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
  await ole.getByRole("button", { name: "Change password" }).click();
  await expect(ole.getByText("The current password is not right.")).toBeVisible();
  // The check is throttled as a sign-in is: right after a wrong password, a second's wait.
  await expect(async () => {
    await ole.getByLabel("Current password").fill(ANOTHER_PASSWORD);
    await ole.getByLabel("New password (at least 12 characters)").fill(NEW_PASSWORD);
    await ole.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
    await ole.getByRole("button", { name: "Change password" }).click();
    await expect(ole.getByText("Your password is changed.")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
});

test("one Administration item in the menu: on one row at 1024 px, usable by keyboard, marked current on every admin page", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await signIn(page, "admin@demo.dk");
  const nav = page.getByRole("navigation", { name: da.nav.label });
  await expect(nav.getByRole("link")).toHaveText([da.nav.caseload, da.nav.flags, da.nav.reports, da.nav.admin]);
  // The menu's items fit on one row (each item's top is the first's).
  const tops = await page
    .locator(".app-header nav li")
    .evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);

  // By keyboard: focus the item and press Enter.
  await nav.getByRole("link", { name: da.nav.admin }).focus();
  await page.keyboard.press("Enter");
  await page.waitForURL("/admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(da.admin.index.title);
  await expect(nav.getByRole("link", { name: da.nav.admin })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: da.nav.caseload })).not.toHaveAttribute("aria-current", /.*/);
  const main = page.getByRole("main");
  for (const title of [
    da.settings.title,
    da.programs.templates,
    da.admin.users.title,
    da.admin.import.title,
    da.admin.audit.title,
    da.admin.outbox.title,
    da.admin.backups.title,
  ])
    await expect(main.getByRole("link", { name: title, exact: true })).toBeVisible();
  await expect(main.getByText(da.admin.index.about.audit)).toBeVisible();
  await expectNoAxeViolations(page);

  // Every admin page, the rule settings under /settings among them, is Administration's place.
  for (const path of ["/admin/audit", "/settings", "/settings/templates"]) {
    await page.goto(path);
    await expect(nav.getByRole("link", { name: da.nav.admin })).toHaveAttribute("aria-current", "page");
  }

  // A physiotherapist has no Administration.
  await page.context().clearCookies();
  await signIn(page, "fysio@demo.dk");
  await expect(nav.getByRole("link", { name: da.nav.admin })).toHaveCount(0);
});

test("rule settings: grouped by rule with their defaults, reset to default, percentages, and a confirmation with the change's impact before saving; the audit log shows old → new", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "admin@demo.dk");
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(da.settings.title);

  // Each rule's thresholds under its name, with a line on the rule and each field's default.
  const noImprovement = page.getByRole("group", { name: da.flags.codes.NO_IMPROVEMENT });
  await expect(noImprovement.getByText(da.settings.groupAbout.NO_IMPROVEMENT)).toBeVisible();
  const high = noImprovement.getByLabel(da.settings.fields.noImprovementHighDays);
  await expect(high).toHaveValue("56");
  await expect(noImprovement.getByText(/^Standard 56; mellem 0 og 3\.650/)).toBeVisible();
  // A share is a percentage: shown, entered and checked in percent.
  const adherence = page.getByRole("group", { name: da.flags.codes.LOW_ADHERENCE });
  const share = adherence.getByLabel(da.settings.fields.adherenceMinFraction);
  await expect(share).toHaveValue("50");
  await expect(adherence.getByText(/^Standard 50 %; mellem 0 % og 100 %, helt tal\.$/)).toBeVisible();
  await expectNoAxeViolations(page);

  // Reset to default puts the rule's fields back (nothing saved).
  await high.fill("49");
  await noImprovement.getByRole("button", { name: da.settings.resetGroup(da.flags.codes.NO_IMPROVEMENT) }).click();
  await expect(high).toHaveValue("56");

  // The confirmation counts the patients whose flags the change would alter, from the rules themselves.
  const followUp = page.getByRole("group", { name: da.flags.codes.FOLLOW_UP_OVERDUE });
  await followUp.getByLabel(da.settings.fields.followUpDays).fill("1");
  await page.getByRole("button", { name: da.settings.review }).click();
  const confirm = page.getByRole("region", { name: da.settings.confirm.title });
  await expect(confirm.getByRole("listitem")).toHaveText([`${da.settings.fields.followUpDays}: 42 → 1`]);
  await expect(confirm.getByTestId("settings-impact")).toHaveText(
    /^Påvirker ca\. [1-9]\d* patient(er)?: flagene bliver anderledes i [1-9]\d* åbne? forløb\.$/,
  );
  await expect(page.getByRole("heading", { name: da.settings.confirm.title })).toBeFocused();
  await expectNoAxeViolations(page);
  // Not saved: back to the form, and that rule reset.
  await confirm.getByRole("button", { name: da.settings.confirm.back }).click();
  await expect(confirm).toHaveCount(0);
  await followUp.getByRole("button", { name: da.settings.resetGroup(da.flags.codes.FOLLOW_UP_OVERDUE) }).click();

  // A percentage typed as a fraction is refused in percent's terms.
  await share.fill("0,6");
  await page.getByRole("button", { name: da.settings.review }).click();
  await expect(page.getByText("Skriv et helt tal fra 0 til 100.")).toBeVisible();

  await page.getByLabel(da.settings.fields.adherenceMinFraction).fill("60");
  await saveRuleSettings(page);
  await expect(page.getByLabel(da.settings.fields.adherenceMinFraction)).toHaveValue("60");

  // The audit log says what changed, old → new.
  await page.goto("/admin/audit");
  const row = page.getByRole("row").filter({ hasText: da.admin.audit.entities.ClinicRuleSettings }).first();
  await expect(row).toContainText(`${da.settings.fields.adherenceMinFraction}: 50 % → 60 %`);

  // Put it back for the other tests.
  await page.goto("/settings");
  await page
    .getByRole("group", { name: da.flags.codes.LOW_ADHERENCE })
    .getByRole("button", { name: da.settings.resetGroup(da.flags.codes.LOW_ADHERENCE) })
    .click();
  await saveRuleSettings(page);
});

test("audit log by patient: a patient's request to know who has read their record", async ({ page }) => {
  await signIn(page, "admin@demo.dk");
  // From the patient's page.
  await page.goto("/caseload?q=Peter%20Patient");
  await page.getByRole("link", { name: "Peter Patient" }).click();
  await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
  await page.getByRole("link", { name: da.admin.audit.forPatient }).click();
  await expect(page).toHaveURL(/\/admin\/audit\?patient=/);
  await expect(page.getByTestId("audit-patient")).toHaveText("Peter Patient");
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.filter({ hasText: "Læst" }).filter({ hasText: "Anne Admin" }).first()).toBeVisible();

  // By name, in the filter: part of it, any case.
  await page.goto("/admin/audit");
  await page.getByLabel(da.admin.audit.patient).fill("peter pat");
  await page.getByRole("button", { name: da.admin.audit.apply }).click();
  await expect(page.getByTestId("audit-patient")).toHaveText("Peter Patient");
  // The export holds the same view: his events.
  await expect(page.getByRole("link", { name: da.admin.audit.export })).toHaveAttribute(
    "href",
    /^\/admin\/audit\/export\?patient=[0-9a-f-]{36}/,
  );
  // Every event listed is about his record.
  const subjects = await page.getByRole("table").locator("tbody tr td:nth-child(4) .cell-sub").allTextContents();
  expect(subjects.length).toBeGreaterThan(0);
  expect(new Set(subjects)).toEqual(new Set(["Peter Patient"]));
  await expectNoAxeViolations(page);
});

test("the clinic's profile: an admin fills it in, and the patient's portal and plan show whom to call", async ({
  page,
  browser,
}) => {
  await signIn(page, "admin@demo.dk");
  await page.goto("/admin");
  await page.getByRole("link", { name: da.clinicProfile.title }).click();
  await page.waitForURL("/admin/clinic");
  await expectNoAxeViolations(page);
  await page.getByLabel(da.clinicProfile.fields.phone, { exact: true }).fill("12 34");
  await page.getByLabel(da.clinicProfile.fields.locationNumber).fill("579000");
  await page.getByRole("button", { name: da.clinicProfile.save }).click();
  await expect(page.getByLabel(da.clinicProfile.fields.phone, { exact: true })).toHaveAccessibleDescription(
    new RegExp(da.validation.invalidPhone),
  );
  await expect(page.getByText(da.validation.invalidLocationNumber)).toBeVisible();
  await page.getByLabel(da.clinicProfile.fields.phone, { exact: true }).fill("70 20 30 40");
  await page.getByLabel(da.clinicProfile.fields.locationNumber).fill("5790001234567");
  await page.getByLabel(da.clinicProfile.fields.address).fill("Nørregade 12, 8000 Aarhus C");
  await page.getByRole("button", { name: da.clinicProfile.save }).click();
  await expect(page.getByText(da.clinicProfile.saved)).toBeVisible();

  const phone = await newVisitor(browser);
  await signIn(phone, "patient@demo.dk");
  const call = phone.getByRole("link", { name: `${da.clinicProfile.callClinic}: 70 20 30 40` });
  await expect(call).toHaveAttribute("href", "tel:+4570203040");
  await phone.goto("/portal/handout");
  await expect(phone.locator(".clinic-contact")).toContainText("Nørregade 12, 8000 Aarhus C");
  await expect(phone.locator(".clinic-contact")).toContainText("Tlf. 70 20 30 40");
});
