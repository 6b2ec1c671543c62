import { type Browser, type Page } from "@playwright/test";

import { da } from "../lib/present/i18n/da";
import { readDanishCsv } from "../tests/support/read-danish-csv";
import { expectNoAxeViolations, signIn } from "./helpers";
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

const staffCard = (admin: Page, name: string) => admin.getByTestId("staff-member").filter({ hasText: name });

test("an admin invites a physiotherapist by e-mail, who sets a password from the outbox link and signs in; the admin closes the account and finds both in the audit log", async ({
  browser,
  page: admin,
}) => {
  test.setTimeout(120_000);
  const email = `nina-${Date.now()}@example.test`;
  await signIn(admin, "admin@demo.dk");

  await test.step("invite", async () => {
    await admin.getByRole("link", { name: "Brugere" }).click();
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
    await admin.getByRole("link", { name: "Udbakke" }).click();
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
    await admin.getByRole("link", { name: "Revisionslog" }).click();
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
