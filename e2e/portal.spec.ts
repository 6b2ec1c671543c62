import { type Browser, type Page } from "@playwright/test";

import { da } from "../lib/present/i18n/da";
import { DEMO_PASSWORD, expectNoAxeViolations, signIn } from "./helpers";
import { expect, test } from "./support/test";

/** Today as the clinic's pages write it, e.g. "25. nov. 2026". */
const TODAY = new Intl.DateTimeFormat("da-DK", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "Europe/Copenhagen",
}).format(new Date());

/** The painful sessions listed on the patient's LOAD_RESPONSE flag ("" when there is no such flag). */
async function painfulSessionsOnFlag(page: Page, patientUrl: string): Promise<string> {
  await page.goto(patientUrl);
  const link = page
    .getByRole("region", { name: da.flags.onPatient })
    .getByRole("link", { name: /Reaktion på belastning/ });
  if ((await link.count()) === 0) return "";
  await link.click();
  await page.waitForURL(/\/flags\//);
  const row = page
    .locator("dl div")
    .filter({ has: page.locator("dt", { hasText: da.flags.evidenceLabels.painfulSessions }) })
    .locator("dd");
  return (await row.count()) ? await row.innerText() : "";
}

/** The clinic's view of Peter Patient's diary entries of today (from the measurements table), on a new page. */
async function clinicDiaryToday(browser: Browser) {
  const clinic = await browser.newPage();
  await signIn(clinic, "fysio@demo.dk");
  await clinic.goto("/caseload?q=Peter%20Patient");
  await clinic.getByRole("link", { name: "Peter Patient" }).click();
  await clinic.locator("summary", { hasText: da.charts.dataTable }).click();
  return {
    clinic,
    diaryToday: clinic.getByRole("row").filter({ hasText: TODAY }).filter({ hasText: da.charts.fromPortal }),
  };
}

const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };

test("a clinician invites the demo patient, who logs pain and a painful session on a phone; the clinic sees both and a LOAD_RESPONSE flag", async ({
  browser,
}) => {
  // The whole journey of two people on two devices: longer than one screen's test.
  test.setTimeout(90_000);
  // The clinician, on a desktop.
  const clinic = await browser.newPage();
  await signIn(clinic, "fysio@demo.dk");
  await clinic.goto("/caseload?q=Peter%20Patient");
  await clinic.getByRole("link", { name: "Peter Patient" }).click();
  await clinic.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
  const patientUrl = clinic.url();
  // The demo patient may already hold a LOAD_RESPONSE flag from earlier mornings; no painful session of today's is in it yet.
  expect(await painfulSessionsOnFlag(clinic, patientUrl)).not.toContain(TODAY);
  await clinic.goto(patientUrl);
  const access = clinic.getByRole("region", { name: da.invite.title });
  await expect(access.getByText("Portalkonto: patient@demo.dk")).toBeVisible();
  // With an account, the clinic sends a link for a new password to the patient's own address
  // and sees none (security review I-1)…
  await access.getByRole("button", { name: "Send link til ny adgangskode" }).click();
  await expect(access.getByRole("status").first()).toContainText(
    "Et link til en ny adgangskode er sendt til patient@demo.dk",
  );
  await expect(access.getByLabel("Invitationslink")).toHaveCount(0);
  // …and, with no mail server, the patient's own physiotherapist shows the waiting link to hand it over.
  await access.getByRole("button", { name: da.invite.reveal }).click();
  const link = await access.getByLabel("Link til ny adgangskode").inputValue();
  await expect(access.getByRole("button", { name: da.invite.copy })).toBeVisible();

  // A second link replaces the first; the first stops working.
  await access.getByRole("button", { name: "Send link til ny adgangskode" }).click();
  await access.getByRole("button", { name: da.invite.reveal }).click();
  await expect(access.getByLabel("Link til ny adgangskode")).not.toHaveValue(link);
  const newLink = await access.getByLabel("Link til ny adgangskode").inputValue();

  // The patient, on a phone.
  const phone = await browser.newContext({ ...PHONE, locale: "da-DK", timezoneId: "Europe/Copenhagen" });
  const page = await phone.newPage();
  await page.goto(link);
  await expect(page.getByText("Linket virker ikke", { exact: false })).toBeVisible();
  await page.goto(newLink);
  await expectNoAxeViolations(page);
  await page.getByLabel(da.invite.password).fill("qwerty123456");
  await page.getByLabel(da.invite.confirmPassword).fill("qwerty123456");
  await page.getByRole("button", { name: da.invite.submit }).click();
  await expect(page.getByText(da.validation.commonPassword)).toBeVisible();
  await page.getByLabel(da.invite.password).fill(DEMO_PASSWORD);
  await page.getByLabel(da.invite.confirmPassword).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: da.invite.submit }).click();
  // The new password signs the patient in on the spot.
  await page.waitForURL("/portal");
  await page.goto(newLink);
  await expect(page.getByText("Linket er allerede brugt", { exact: false })).toBeVisible();
  await page.goto("/portal");
  await expect(page.getByText("Hej Peter. Din fysioterapeut er Frederik Fysio.")).toBeVisible();
  // The day's task is on the first screen of the phone.
  const lastPainButton = await page
    .getByRole("form", { name: "Morgensmerte" })
    .getByRole("button", { name: "10", exact: true })
    .boundingBox();
  expect(lastPainButton!.y + lastPainButton!.height).toBeLessThanOrEqual(PHONE.viewport.height);
  await expect(page.getByRole("heading", { name: /Dagens øvelse: HSR hælløft, 12 uger/ })).toBeVisible();
  await expect(
    page.getByText("højst 3 på en skala fra 0 til 10, og det skal have lagt sig igen næste morgen", { exact: false }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  // Nothing is wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // The pain chart has a title in the patient's words.
  await expect(page.getByRole("heading", { level: 3, name: da.portal.painChartTitle })).toBeVisible();

  // One tap logs this morning's pain; another tap the same day changes it.
  const morning = page.getByRole("form", { name: "Morgensmerte" });
  await morning.getByRole("button", { name: "6", exact: true }).tap();
  await expect(page.getByText("Registreret i dag: 6.")).toBeVisible();
  await morning.getByRole("button", { name: "5", exact: true }).tap();
  await expect(page.getByText("Registreret i dag: 5.")).toBeVisible();
  await expect(morning.getByRole("button", { name: "5", exact: true })).toHaveAttribute("aria-pressed", "true");

  // The form starts empty, beside today's plan: one tap copies the plan in, to be corrected.
  const session = page.getByRole("form", { name: da.portal.sessionTitle });
  await expect(session.getByLabel(da.portal.sets, { exact: true })).toHaveValue("");
  await expect(session.getByText("Dagens plan:")).toBeVisible();
  await session.getByRole("button", { name: da.portal.copyPlan }).tap();
  await expect(session.getByLabel(da.portal.sets, { exact: true })).toHaveValue(/^\d+$/);
  // A painful session; the first answer is lost on the way back, and the patient taps again.
  await session.getByRole("group", { name: da.portal.done }).getByLabel(da.portal.doneYes).check();
  await session.getByLabel(da.portal.sets, { exact: true }).fill("3");
  await session.getByLabel(da.portal.reps).fill("101");
  await session.getByLabel(da.portal.painDuring).fill("7");
  await session.getByRole("group", { name: da.portal.effort }).getByLabel(da.portal.effortOptions.TOO_HEAVY).check();
  await session.getByRole("button", { name: da.portal.saveSession }).tap();
  await expect(session.getByText("Skriv et helt tal fra 0 til 100.")).toBeVisible();
  await session.getByLabel(da.portal.reps).fill("12");
  let dropped = false;
  await page.route("**/portal", async (route) => {
    if (route.request().method() === "POST" && !dropped) {
      dropped = true;
      await route.fetch(); // the server stores the session…
      await route.abort("connectionreset"); // …but the answer never arrives.
      return;
    }
    await route.continue();
  });
  await session.getByRole("button", { name: da.portal.saveSession }).tap();
  // Kept on the phone and listed as waiting; sent again, under the same client id, when the portal is next opened.
  await expect(page.getByRole("status").filter({ hasText: da.portal.queued })).toBeInViewport();
  await expect(page.getByRole("region", { name: da.portal.waiting.title })).toContainText(da.portal.waiting.session);
  await page.unroute("**/portal");
  await page.reload();
  await expect(page.getByRole("region", { name: da.portal.waiting.title })).toHaveCount(0);
  const recent = page.getByRole("region", { name: da.portal.progressTitle });
  await expect(recent.getByText(/Gennemført · Hælløft · 3 × 12 · .* smerte 7/)).toHaveCount(1);
  await expectNoAxeViolations(page);

  // Another session: the form empties, and the confirmation stands under the button, in view on
  // the phone and focused, naming what was stored, so the patient does not save it again.
  const next = page.getByRole("form", { name: da.portal.sessionTitle });
  await next.getByRole("group", { name: da.portal.done }).getByLabel(da.portal.doneYes).check();
  await next.getByRole("button", { name: da.portal.copyPlan }).tap();
  await next.getByRole("group", { name: da.portal.effort }).getByLabel(da.portal.effortOptions.AS_INTENDED).check();
  await next.getByLabel(da.portal.painDuring).fill("2");
  await next.getByRole("button", { name: da.portal.saveSession }).tap();
  const confirmation = page.getByRole("status").filter({ hasText: da.portal.sessionSaved });
  await expect(confirmation).toBeInViewport();
  await expect(confirmation).toBeFocused();
  await expect(confirmation).toContainText(/Gennemført · Hælløft · .* smerte 2/);
  await expect(next.getByLabel(da.portal.painDuring)).toHaveValue("");
  const button = (await next.getByRole("button", { name: da.portal.saveSession }).boundingBox())!;
  const said = (await confirmation.boundingBox())!;
  expect(said.y).toBeGreaterThanOrEqual(button.y + button.height);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: test.info().outputPath("session-saved-360.png") });

  // The education page and the handout are a tap away.
  await page.getByRole("link", { name: da.nav.learn }).first().tap();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: da.nav.label }).getByRole("link", { name: da.nav.learn }),
  ).toHaveAttribute("aria-current", "page");
  await expectNoAxeViolations(page);
  await page.goto("/portal/handout");
  await expect(page.getByRole("heading", { level: 1, name: da.handout.title })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // Back at the clinic: the morning pain, the session (once) and the flag are there.
  expect(await painfulSessionsOnFlag(clinic, patientUrl)).toMatch(new RegExp(`${TODAY}.*7`));
  await clinic.goto(patientUrl);
  const programs = clinic.getByRole("region", { name: da.programs.title });
  await programs.locator("summary", { hasText: da.programs.sessionsTable }).click();
  const sessionRows = programs.getByRole("row").filter({ hasText: TODAY }).filter({ hasText: "3 × 12" });
  await expect(sessionRows.filter({ has: clinic.getByRole("cell", { name: "7", exact: true }) })).toHaveCount(1);
  await clinic.locator("summary", { hasText: da.charts.dataTable }).click();
  const painRows = clinic.getByRole("row").filter({ hasText: TODAY }).filter({ hasText: da.charts.fromPortal });
  await expect(painRows.filter({ has: clinic.getByRole("cell", { name: "5", exact: true }) })).toHaveCount(1);
  await phone.close();
});

test("five tabs tapping this morning's pain at the same moment leave one entry for the day", async ({ browser }) => {
  const phone = await browser.newContext({ ...PHONE, locale: "da-DK", timezoneId: "Europe/Copenhagen" });
  const first = await phone.newPage();
  await signIn(first, "patient@demo.dk");
  const tabs = [first, ...(await Promise.all(Array.from({ length: 4 }, () => phone.newPage())))];
  await Promise.all(tabs.map((tab) => tab.goto("/portal")));
  // Each tab taps its own value (2–6), all at once.
  await Promise.all(
    tabs.map((tab, i) =>
      tab
        .getByRole("form", { name: "Morgensmerte" })
        .getByRole("button", { name: String(i + 2), exact: true })
        .tap(),
    ),
  );
  // Wait for each tab's own answer: "Registreret i dag" alone shows already from the first test's entry.
  for (const tab of tabs) await expect(tab.getByText(da.portal.morningSaved)).toBeVisible();
  await first.reload();
  const kept = (await first.getByText("Registreret i dag:", { exact: false }).innerText()).match(/(\d+)\./)![1]!;
  expect(Number(kept)).toBeGreaterThanOrEqual(2);
  expect(Number(kept)).toBeLessThanOrEqual(6);
  await phone.close();

  // The clinic sees one diary entry for today, with the value the patient now sees.
  const { diaryToday } = await clinicDiaryToday(browser);
  await expect(diaryToday).toHaveCount(1);
  await expect(diaryToday.getByRole("cell", { name: kept, exact: true })).toHaveCount(1);
});

test("offline on a phone, pain and a session are kept on it, sign-out warns, and both reach the clinic once when it is back online", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const phone = await browser.newContext({ ...PHONE, locale: "da-DK", timezoneId: "Europe/Copenhagen" });
  const page = await phone.newPage();
  await signIn(page, "patient@demo.dk");
  await page.goto("/portal");
  await phone.setOffline(true);

  await page.getByRole("form", { name: "Morgensmerte" }).getByRole("button", { name: "9", exact: true }).tap();
  await expect(page.getByText("Gemt på telefonen.", { exact: false }).first()).toBeVisible();
  const session = page.getByRole("form", { name: da.portal.sessionTitle });
  await session.getByRole("group", { name: da.portal.done }).getByLabel(da.portal.doneYes).check();
  await session.getByLabel(da.portal.sets, { exact: true }).fill("4");
  await session.getByLabel(da.portal.reps).fill("10");
  await session.getByLabel(da.portal.painDuring).fill("1");
  await session.getByRole("group", { name: da.portal.effort }).getByLabel(da.portal.effortOptions.AS_INTENDED).check();
  await session.getByRole("button", { name: da.portal.saveSession }).tap();
  const waiting = page.getByRole("region", { name: da.portal.waiting.title });
  await expect(waiting.getByRole("listitem")).toHaveCount(2);
  await expect(waiting).toContainText("Morgensmerte: 9");
  await expect(
    page.getByRole("form", { name: "Morgensmerte" }).getByRole("button", { name: "9", exact: true }),
  ).toHaveAttribute("aria-pressed", "true");
  // The chart's code is fetched only near the chart, and never was on this phone: the portal says
  // so in its place and stays (an uncaught failed import would reload the page, and lose it).
  const progress = page.getByRole("region", { name: da.portal.progressTitle });
  await progress.scrollIntoViewIfNeeded();
  await expect(progress.getByText("Kurven kan ikke hentes uden forbindelse.", { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);

  // Signing out while they cannot be sent asks first; the patient stays.
  await page.getByRole("button", { name: da.header.signOut }).tap();
  const unsent = page.getByRole("dialog", { name: da.header.unsent.title });
  await expect(unsent).toBeVisible();
  await unsent.getByRole("button", { name: da.header.unsent.stay }).tap();
  await expect(unsent).toBeHidden();

  // Back online: both are sent, and the waiting list goes.
  await phone.setOffline(false);
  await expect(waiting).toHaveCount(0);
  await expect(progress.getByText(/Gennemført · Hælløft · 4 × 10 · .* smerte 1/)).toHaveCount(1);
  // … and the chart is drawn once its code can be fetched.
  await expect(
    progress.getByRole("img", { name: da.portal.painChart }).locator("svg.recharts-surface").first(),
  ).toBeVisible();
  await phone.close();

  const { clinic, diaryToday } = await clinicDiaryToday(browser);
  await expect(diaryToday).toHaveCount(1);
  await expect(diaryToday.getByRole("cell", { name: "9", exact: true })).toHaveCount(1);
  const programs = clinic.getByRole("region", { name: da.programs.title });
  await programs.locator("summary", { hasText: da.programs.sessionsTable }).click();
  await expect(programs.getByRole("row").filter({ hasText: TODAY }).filter({ hasText: "4 × 10" })).toHaveCount(1);
});

test("signing out of a shared phone with entries that cannot be sent deletes them from the phone, after asking", async ({
  browser,
}) => {
  const phone = await browser.newContext({ ...PHONE, locale: "da-DK", timezoneId: "Europe/Copenhagen" });
  const page = await phone.newPage();
  await signIn(page, "patient@demo.dk");
  await page.goto("/portal");
  const pressed = await page.locator('.pain-button[aria-pressed="true"]').innerText();
  // The clinic's server cannot be reached (the phone itself is online, so signing out can reach it).
  await page.route("**/portal", (route) =>
    route.request().method() === "POST" ? route.abort("connectionrefused") : route.continue(),
  );
  // A value the day does not have yet.
  const offline = String((Number(pressed) + 1) % 11);
  await page.getByRole("form", { name: "Morgensmerte" }).getByRole("button", { name: offline, exact: true }).tap();
  await expect(page.getByRole("region", { name: da.portal.waiting.title })).toContainText(`Morgensmerte: ${offline}`);
  await page.getByRole("button", { name: da.header.signOut }).tap();
  await page
    .getByRole("dialog", { name: da.header.unsent.title })
    .getByRole("button", { name: da.header.unsent.signOutAnyway })
    .tap();
  await page.waitForURL(/sign-in/);
  await page.unroute("**/portal");

  // Signed in again on the same phone: nothing waits, and the day's value is the one the clinic has.
  await signIn(page, "patient@demo.dk");
  await page.goto("/portal");
  await expect(page.getByRole("region", { name: da.portal.waiting.title })).toHaveCount(0);
  await expect(page.locator('.pain-button[aria-pressed="true"]')).toHaveText(pressed);
  await phone.close();
});

test("on a phone the menu marks each portal page as current on that page, and erasure is asked for from the account page", async ({
  browser,
}) => {
  const phone = await browser.newContext({ ...PHONE, locale: "da-DK", timezoneId: "Europe/Copenhagen" });
  const page = await phone.newPage();
  await signIn(page, "patient@demo.dk");
  const current = page.locator('header [aria-current="page"]');
  for (const [path, name] of [
    ["/portal", da.nav.portal],
    ["/portal/messages", da.conversation.title],
    ["/portal/learn", da.nav.learn],
    ["/portal/handout", da.nav.portal],
    ["/account", da.nav.account],
    ["/portal/erasure", da.nav.account],
  ] as const) {
    await page.goto(path);
    await expect(current, path).toHaveCount(1);
    await expect(current, path).toHaveText(name);
  }

  // The plan offers the record and the file for other health systems; erasure is not beside them.
  await page.goto("/portal");
  await expect(page.getByRole("link", { name: da.portal.recordFhir })).toContainText("(til andre sundhedssystemer)");
  await expect(page.getByRole("link", { name: da.portal.erasure.link })).toHaveCount(0);
  // It is in the account area, with its own heading, and leads back there.
  await page.getByRole("link", { name: da.nav.account }).tap();
  const data = page.getByRole("region", { name: da.account.dataTitle });
  await expect(data).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await data.getByRole("link", { name: da.portal.erasure.link }).tap();
  await expect(page.getByRole("heading", { level: 1, name: da.portal.erasure.title })).toBeVisible();
  await page.getByRole("link", { name: da.portal.erasure.back }).tap();
  await expect(page).toHaveURL("/account");
  await phone.close();
});
