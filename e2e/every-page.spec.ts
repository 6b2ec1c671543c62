import { randomUUID } from "node:crypto";

import { type Browser, type Page } from "@playwright/test";

import { da } from "../lib/present/i18n/da";
import { appRoutes, signIn } from "./helpers";
import { expect, test } from "./support/test";

/**
 * Every page and route handler of the app, opened by a clinician and by an administrator with
 * real ids from the demo clinic, and the portal's pages by the demo's patient. None may answer
 * 5xx, show the error page or log an error in the browser: a page that crashes for a real click
 * (a function handed to a client component, say) fails here, whichever page it is. Nor may a
 * page scroll sideways on a phone, a tablet or a laptop, with a patient whose name and e-mail
 * address are as long as real ones can be.
 */
const SKIP = [/^\/api\/auth\//];
const KINDS = ["assessment", "outcome", "intervention"] as const;
/** A phone, a tablet held sideways, a laptop. */
const WIDTHS = [360, 1024, 1366] as const;
/**
 * Peter Patient's name and e-mail address during the walk (his name stays in it: the walk finds
 * him by it). The address has no place to break in its first 42 characters, more than a phone's
 * line holds, unless the page lets it break anywhere.
 */
const LONG = {
  name: "Peter Patient Kristoffer Holm-Østergaard Vestergaard",
  email: "peter.kristoffer.holmoestergaard@eksempel-fysioterapi.dk",
};

type Ids = {
  patient: string;
  episode: string;
  assignment: string;
  records: Record<(typeof KINDS)[number], string>;
  template: string;
  flag: string;
  message: string;
};

/** Real ids, read from the pages as a user would find them. */
async function demoIds(page: Page): Promise<Ids> {
  const idFrom = (href: string | null, at: number) => href!.split("/")[at]!;
  await page.goto("/caseload?q=Peter%20Patient");
  const patient = idFrom(await page.getByRole("link", { name: "Peter Patient" }).getAttribute("href"), 2);
  await page.goto(`/patients/${patient}`);
  const assignment = idFrom(await page.locator('a[href$="/adjust"]').first().getAttribute("href"), 4);
  const episode = idFrom(await page.locator('a[href$="/discharge"]').first().getAttribute("href"), 4);
  // The record's older entries are put on the page when their list is opened.
  await page.locator("summary", { hasText: /^Vis \d+ ældre/ }).click();
  const records = Object.fromEntries(
    await Promise.all(
      KINDS.map(async (kind) => [
        kind,
        idFrom(
          await page
            .locator(`a[href*="/records/${kind}/"][href$="/edit"]`)
            .first()
            .getAttribute("href", { timeout: 5000 }),
          5,
        ),
      ]),
    ),
  ) as Ids["records"];
  await page.goto("/flags");
  const flag = idFrom(await page.locator('a[href^="/flags/"]').first().getAttribute("href"), 2);
  return { patient, episode, assignment, records, flag, template: "", message: "" };
}

function routesFor(ids: Ids, kind: "page" | "route"): string[] {
  return appRoutes((segment) => segment, [kind])
    .filter((route) => !SKIP.some((skip) => skip.test(route)))
    .flatMap((route) =>
      route.includes("[kind]")
        ? KINDS.map((kind) => route.replace("[kind]", kind).replace("[recordId]", ids.records[kind]))
        : [route],
    )
    .map((route) =>
      route
        .replace(/^\/flags\/\[id\]/, `/flags/${ids.flag}`)
        .replace("[id]", ids.patient)
        .replace("[assignmentId]", ids.assignment)
        .replace("[episodeId]", ids.episode)
        .replace("[templateId]", ids.template)
        .replace("[messageId]", ids.message)
        .replace("[token]", randomUUID()),
    );
}

/**
 * Sets the demo portal patient's name and e-mail address through the patient form, as a
 * clinician in a context of its own, and answers the ones they had.
 */
async function renamePeter(browser: Browser, baseURL: string, to: { name: string; email: string }) {
  const context = await browser.newContext({ baseURL, locale: "da-DK" });
  const page = await context.newPage();
  await signIn(page, "fysio@demo.dk");
  await page.goto("/caseload?q=Peter%20Patient");
  const href = (await page.getByRole("link", { name: "Peter Patient" }).getAttribute("href"))!;
  await page.goto(`${href}/edit`);
  const name = page.getByLabel(da.caseload.columns.name, { exact: true });
  const email = page.getByLabel(da.patientForm.email);
  const from = { name: await name.inputValue(), email: await email.inputValue() };
  await name.fill(to.name);
  await email.fill(to.email);
  await page.getByRole("button", { name: da.patientForm.save }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(to.name);
  await context.close();
  return from;
}

/** Opens each page once; fails on a server error or the error page, and lists each page and width that scrolls sideways. */
async function walk(page: Page, routes: string[]) {
  const tooWide: string[] = [];
  for (const route of routes) {
    // Opened at the narrowest width and then widened, not reloaded: a chart redraws for its new
    // width when a resize observer fires, so it can lag behind a window that narrows, never one that widens.
    await page.setViewportSize({ width: WIDTHS[0], height: 740 });
    const response = await page.goto(route);
    const status = response?.status() ?? 0;
    expect(status, `${route} answered ${status}`).toBeLessThan(500);
    await expect(page.getByRole("heading", { name: /^(Der skete en fejl|Something went wrong)$/ }), route).toHaveCount(
      0,
    );
    for (const width of WIDTHS) {
      if (width !== WIDTHS[0]) await page.setViewportSize({ width, height: 768 });
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) tooWide.push(`${route} is ${scrollWidth} px wide at ${width} px`);
    }
  }
  expect(tooWide).toEqual([]);
}

/** Fails the test on an error in the browser (an uncaught one, or one logged), with the page it happened on. */
function collectErrors(page: Page) {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on("console", (message) => {
    // A page that answers 404 on purpose (a page of another role) makes the browser log the 404.
    if (message.type() === "error" && !/status of 404/.test(message.text()))
      errors.push(`${page.url()}: ${message.text()}`);
  });
  return errors;
}

let peter: { name: string; email: string };
test.beforeAll(async ({ browser, appServer }) => {
  peter = await renamePeter(browser, appServer.baseURL, LONG);
});
// This worker's later tests know Peter Patient by his own name.
test.afterAll(async ({ browser, appServer }) => {
  await renamePeter(browser, appServer.baseURL, peter);
});

for (const email of ["fysio@demo.dk", "admin@demo.dk"]) {
  test(`${email} opens every page without a server error, the error page, a console error or sideways scrolling`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const errors = collectErrors(page);
    await signIn(page, email);
    const ids = await demoIds(page);
    if (email.startsWith("admin")) {
      await page.goto("/settings/templates");
      ids.template = (await page.locator('a[href^="/settings/templates/"]').first().getAttribute("href"))!.split(
        "/",
      )[3]!;
      // An e-mail of the outbox when there is one (the admin test sends some), else an unknown id.
      await page.goto("/admin/outbox");
      const message = page.locator('a[href^="/admin/outbox/"]').first();
      ids.message = (await message.count()) ? (await message.getAttribute("href"))!.split("/")[3]! : randomUUID();
    } else {
      ids.template = randomUUID();
      ids.message = randomUUID();
    }
    const pages = routesFor(ids, "page");
    expect(pages.length).toBeGreaterThan(20);
    await walk(page, pages);
    // Route handlers (downloads among them) answer the same session's requests.
    for (const route of routesFor(ids, "route")) {
      const status = (await page.request.get(route)).status();
      expect(status, `${route} answered ${status}`).toBeLessThan(500);
    }
    expect(errors).toEqual([]);
  });
}

test("patient@demo.dk opens every portal page without a server error, the error page, a console error or sideways scrolling", async ({
  page,
}) => {
  const errors = collectErrors(page);
  await signIn(page, "patient@demo.dk");
  const pages = appRoutes((segment) => segment, ["page"]).filter((route) => /^\/(portal|account)\b/.test(route));
  expect(pages.length).toBeGreaterThan(5);
  await walk(page, pages);
  expect(errors).toEqual([]);
});
