import { randomUUID } from "node:crypto";

import { type Page } from "@playwright/test";

import { appRoutes, signIn } from "./helpers";
import { expect, test } from "./support/test";

/**
 * Every page and route handler of the app, opened by a clinician and by an administrator with
 * real ids from the demo clinic. None may answer 5xx, show the error page or log an error in
 * the browser: a page that crashes for a real click (a function handed to a client component,
 * say) fails here, whichever page it is.
 */
const SKIP = [/^\/api\/auth\//];
const KINDS = ["assessment", "outcome", "intervention"] as const;

type Ids = {
  patient: string;
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
  return { patient, assignment, records, flag, template: "", message: "" };
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
        .replace("[templateId]", ids.template)
        .replace("[messageId]", ids.message)
        .replace("[token]", randomUUID()),
    );
}

for (const email of ["fysio@demo.dk", "admin@demo.dk"]) {
  test(`${email} opens every page without a server error, the error page or a console error`, async ({ page }) => {
    test.setTimeout(180_000);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
    page.on("console", (message) => {
      // A page that answers 404 on purpose (a page of another role) makes the browser log the 404.
      if (message.type() === "error" && !/status of 404/.test(message.text()))
        errors.push(`${page.url()}: ${message.text()}`);
    });
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
    for (const route of pages) {
      const response = await page.goto(route);
      const status = response?.status() ?? 0;
      expect(status, `${route} answered ${status}`).toBeLessThan(500);
      await expect(
        page.getByRole("heading", { name: /^(Der skete en fejl|Something went wrong)$/ }),
        route,
      ).toHaveCount(0);
    }
    // Route handlers (downloads among them) answer the same session's requests.
    for (const route of routesFor(ids, "route")) {
      const status = (await page.request.get(route)).status();
      expect(status, `${route} answered ${status}`).toBeLessThan(500);
    }
    expect(errors).toEqual([]);
  });
}
