import { type Page } from "@playwright/test";

import { da } from "../lib/present/i18n/da";
import { expectNoAxeViolations, registerPatient, signIn } from "./helpers";
import { expect, test } from "./support/test";

async function newPatientWithEpisode(page: Page, name: string) {
  await registerPatient(page, { name, dateOfBirth: "1972-06-01", sex: "FEMALE", side: "LEFT" });
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  await page.getByLabel(da.patient.symptomOnset).fill("2026-08-01");
  await page.getByLabel(da.patient.treatmentStart).fill("2026-09-01");
  await page.getByRole("button", { name: da.patient.openEpisode }).click();
  // An episode not yet examined offers the first assessment as its primary action, not a follow-up.
  const actions = page.getByRole("navigation", { name: da.overview.actions }).getByRole("link");
  await expect(actions.first()).toHaveText(da.record.newAssessment);
  await expect(actions.first()).toHaveClass(/primary/);
  await expect(actions.nth(1)).toHaveText(da.record.newFollowUp);
  return page.url();
}

async function addOutcome(page: Page, patientUrl: string, date: string, instrument: string, value: string) {
  await page.goto(`${patientUrl}/records/outcome/new`);
  await page.getByLabel(da.portal.date).fill(date);
  await page.getByLabel(da.instrument[instrument as keyof typeof da.instrument], { exact: true }).fill(value);
  await page.getByRole("button", { name: "Gem", exact: true }).click();
}

/** Answers every clinical test (none is silently defaulted), the red-flag screen and the differential examination. */
async function answerTests(
  page: Page,
  results: { palpation?: string; windlass?: string; squeeze?: string; tinel?: string },
  screened: boolean,
  examined = screened,
) {
  const answer = (group: string, label = "Ikke testet") =>
    page.getByRole("group", { name: group }).getByLabel(label, { exact: true }).check();
  await answer("Palpationstest", results.palpation);
  await answer("Windlass-test", results.windlass);
  await answer("Calcaneal squeeze-test", results.squeeze);
  await answer("Tinels tegn over tarsaltunnelen", results.tinel);
  await answerScreens(page, screened, examined);
}

/** Says whether the red-flag screen was done and the differentials examined at this visit. */
async function answerScreens(page: Page, screened: boolean, examined: boolean) {
  await page
    .getByRole("group", { name: da.assessment.redFlagScreen })
    .getByLabel(screened ? da.assessment.redFlagScreenDone : da.assessment.redFlagScreenNotDone, { exact: true })
    .check();
  await page
    .getByRole("group", { name: da.assessment.differentialsExamined })
    .getByLabel(examined ? da.assessment.differentialsDone : da.assessment.differentialsNotDone, { exact: true })
    .check();
}

test("a red flag shows an urgent banner before saving and marks the timeline", async ({ page }) => {
  await signIn(page, "fysio@demo.dk");
  const patientUrl = await newPatientWithEpisode(page, "Rigmor Rødflag");
  await page.getByRole("link", { name: da.record.newAssessment }).click();
  // Each test's instructions are one click away.
  const palpation = page.getByRole("group", { name: da.assessment.palpation });
  await palpation.getByText(da.assessment.howTo).click();
  await expect(palpation.getByText(/Tryk med tommelfingeren medialt på hælens underside/)).toBeVisible();
  await page.getByLabel(da.portal.date).fill("2026-09-01");
  await page.getByLabel(da.assessment.firstStepPain).fill("7");
  // Nothing answered: the tests stand at "not tested", and only the screens ask for an answer.
  await expect(
    page.getByRole("group", { name: da.assessment.palpation }).getByLabel(da.assessment.notTested, { exact: true }),
  ).toBeChecked();
  await page.getByRole("button", { name: "Gem", exact: true }).click();
  await expect(page.getByRole("group", { name: da.assessment.palpation })).not.toContainText(
    "Vælg positiv, negativ eller ikke testet.",
  );
  await expect(page.getByRole("group", { name: da.assessment.redFlagScreen })).toContainText(da.validation.required);
  await answerTests(page, { palpation: "Positiv", windlass: "Positiv" }, true);
  await expect(page.getByText(da.assessment.redFlagBanner)).toHaveCount(0);
  await page.getByLabel(da.assessment.redFlag.LOAD_PAIN_WITH_SWELLING).check();
  // Every box is as large as the next, also beside a label of two or more lines (such a label
  // squeezed its box to 13 px, the re-walk of issue 45 found), on a desk and on a phone.
  for (const width of [1366, 360]) {
    await page.setViewportSize({ width, height: 768 });
    const sizes = await page
      .getByRole("group", { name: da.assessment.redFlags })
      .getByRole("checkbox")
      .evaluateAll((boxes) => boxes.map((box) => Math.round(box.getBoundingClientRect().width)));
    expect(sizes.length).toBeGreaterThan(5);
    expect(new Set(sizes), `checkbox widths at ${width} px`).toEqual(new Set([sizes[0]]));
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  const banner = page.getByRole("alert").filter({ hasText: da.flags.codes.RED_FLAG });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("stressfraktur i hælbenet");
  // A positive squeeze test is a red flag by itself.
  await page
    .getByRole("group", { name: da.assessment.calcanealSqueeze })
    .getByLabel(da.assessment.positive, { exact: true })
    .check();
  await expect(banner).toContainText(da.assessment.redFlag.POSITIVE_CALCANEAL_SQUEEZE);
  // The banner stays at the top while the form scrolls, and a control brought into view (by the
  // keyboard's focus, a link or the error summary) lands below it, not under it.
  const firstFlag = page.getByLabel(da.assessment.redFlag.LOAD_PAIN_WITH_SWELLING);
  await firstFlag.evaluate((box) => box.scrollIntoView({ block: "start" }));
  const bannerBox = (await banner.boundingBox())!;
  expect(bannerBox.y).toBeLessThan(50);
  expect((await firstFlag.boundingBox())!.y).toBeGreaterThanOrEqual(bannerBox.y + bannerBox.height);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Gem", exact: true }).click();
  await expect(page).toHaveURL(patientUrl);
  await expect(
    page.getByText(/Røde flag: Smerter, der tager til ved belastning, og hævelse, Positiv calcaneal squeeze-test/),
  ).toBeVisible();
});

test("a red flag stays open through a visit without the screen and closes when a screen finds none", async ({
  page,
}) => {
  await signIn(page, "fysio@demo.dk");
  const patientUrl = await newPatientWithEpisode(page, "Ruth Rødflag");
  const flags = page.getByRole("region", { name: da.flags.onPatient });
  const visit = async (date: string, screened: boolean, fill: () => Promise<void> = async () => undefined) => {
    await page.goto(`${patientUrl}/records/assessment/new`);
    await page.getByLabel(da.portal.date).fill(date);
    await answerTests(page, {}, screened);
    await fill();
    await page.getByRole("button", { name: "Gem", exact: true }).click();
    await expect(page).toHaveURL(patientUrl);
  };

  await visit("2026-09-01", true, () => page.getByLabel(da.assessment.redFlag.FEVER_MALAISE).check());
  await expect(flags.getByRole("link", { name: /^Rødt flag/ })).toBeVisible();
  await expect(flags).toContainText("egen læge i dag – uden for åbningstid lægevagten");

  // A short visit that skipped the screen: the red flag must not disappear.
  await visit("2026-09-08", false, () => page.getByLabel(da.recordPrint.columns.note).fill("Kort kontrol af taping"));
  await expect(page.getByText(da.timeline.notScreened)).toBeVisible();
  await expect(flags.getByRole("link", { name: /^Rødt flag/ })).toBeVisible();

  await visit("2026-09-15", true);
  await expect(flags.getByRole("link", { name: /^Rødt flag/ })).toHaveCount(0);
  // The screen that found nothing says so, and the visit goes to the clinic's journal as plain text.
  const lastVisit = page.locator(".timeline-group").filter({ hasText: "15. sep. 2026" });
  await expect(lastVisit).toContainText(da.timeline.redFlagsNone);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await lastVisit.getByRole("button", { name: da.timeline.copyNote }).click();
  await expect(lastVisit.getByRole("status")).toHaveText(da.timeline.noteCopied);
  const note = await page.evaluate(() => navigator.clipboard.readText());
  expect(note.split("\n")).toEqual(
    expect.arrayContaining(["15. sep. 2026 · Besøg", "Undersøgelse:", `- ${da.timeline.redFlagsNone}`]),
  );
});

test("outcomes over several dates show on the charts with their baseline; corrections keep history", async ({
  page,
}) => {
  await signIn(page, "fysio@demo.dk");
  const patientUrl = await newPatientWithEpisode(page, "Frida Funktion");

  await addOutcome(page, patientUrl, "2026-09-01", "FAAM_ADL", "140");
  // The error and the instrument's scale and MCID are said on its own field; the sources fold out.
  const faamAdl = page.getByLabel(da.instrument.FAAM_ADL, { exact: true });
  await expect(faamAdl).toHaveAccessibleDescription(
    // Any decimals are taken (and rounded as FAAM is kept), so the rule names only the range.
    /MCID\): 8 point.*Skriv et tal fra 0 til 100\./,
  );
  await page.getByText(da.measurements.sources).click();
  await expect(
    page.getByText(/Kilde: Martin RL, Irrgang JJ.*Foot Ankle Int\. 2005;26\(11\):968–983\. doi:10\.1177/).first(),
  ).toBeVisible();
  await faamAdl.fill("60");
  await page.getByRole("button", { name: "Gem", exact: true }).click();
  await expect(page).toHaveURL(patientUrl);
  await addOutcome(page, patientUrl, "2026-10-01", "FAAM_ADL", "71,5");
  await addOutcome(page, patientUrl, "2026-09-01", "NRS_FIRST_STEP", "7");
  await addOutcome(page, patientUrl, "2026-10-15", "NRS_FIRST_STEP", "4");
  await expect(page).toHaveURL(patientUrl);

  await page.getByLabel(da.outcome.quickNrsValue).fill("12");
  await page.getByRole("button", { name: da.outcome.quickNrsSave }).click();
  await expect(page.getByText("Skriv et helt tal fra 0 til 10.")).toBeVisible();
  await page.getByLabel(da.outcome.quickNrsValue).fill("3");
  await page.getByRole("button", { name: da.outcome.quickNrsSave }).click();
  await expect(page.getByText("3/10")).toBeVisible();

  const painChart = page.getByRole("img", { name: da.charts.pain });
  await expect(painChart.locator(".recharts-line-dot")).toHaveCount(3); // 7, 4 and today's quick entry
  await expect(painChart.getByText("Udgangsværdi 7")).toBeVisible();
  await expect(page.getByRole("img", { name: da.instrument.FAAM_ADL }).getByText("Udgangsværdi 60")).toBeVisible();
  await page.locator("summary", { hasText: da.charts.dataTable }).click();
  await expect(page.getByRole("cell", { name: "71,5" })).toBeVisible();
  await expectNoAxeViolations(page);

  const entry = page.locator(".timeline-item").filter({ hasText: "FAAM, dagligdag (%): 71,5" });
  await entry.getByRole("link", { name: da.record.edit }).click();
  await expect(page.getByLabel(da.recordPrint.columns.value)).toHaveValue("71,5");
  await page.getByLabel(da.recordPrint.columns.value).fill("74");
  await page.getByRole("button", { name: "Gem", exact: true }).click();
  await expect(page).toHaveURL(patientUrl);
  const corrected = page.locator(".timeline-item").filter({ hasText: "FAAM, dagligdag (%): 74" });
  await expect(corrected.getByText(da.timeline.corrected)).toBeVisible();
  await corrected.getByRole("link", { name: da.record.history }).click();
  await expect(page.getByText("FAAM, dagligdag (%): 71,5")).toBeVisible();
  await expect(page.getByText(/Erstattet af Frederik Fysio/)).toBeVisible();

  await page.goto(patientUrl);
  const toDelete = page.locator(".timeline-item").filter({ hasText: "Smerte ved første skridt om morgenen (NRS): 4" });
  await toDelete.getByRole("button", { name: da.record.delete }).click();
  const dialog = page.getByRole("dialog", { name: da.record.deleteTitle });
  await dialog.getByLabel("Årsag").fill("Indtastet på forkert dato");
  await dialog.getByRole("button", { name: da.record.delete }).click();
  await expect(
    page.locator(".timeline-item").filter({ hasText: "Smerte ved første skridt om morgenen (NRS): 4" }),
  ).toHaveCount(0);
});

test("a baseline's instruments are one form and one save; its PSFS activities become the weekly check-in's", async ({
  page,
}) => {
  await signIn(page, "fysio@demo.dk");
  const patientUrl = await newPatientWithEpisode(page, "Bente Baseline");
  await page.getByRole("link", { name: da.record.newOutcome }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(da.record.newOutcome);
  await expectNoAxeViolations(page);
  await page.getByLabel(da.portal.date).fill("2026-09-01");
  await page.getByLabel(da.instrument.NRS_FIRST_STEP, { exact: true }).fill("7");
  await page.getByLabel(da.instrument.FAAM_ADL, { exact: true }).fill("52,9");
  // A questionnaire's own score (10 of 32 = 31,25 %) is taken and kept as the instrument records it.
  await page.getByLabel(da.instrument.FAAM_SPORT, { exact: true }).fill("31,25");
  await page.getByLabel(da.instrument.FFI, { exact: true }).fill("48,5");
  await page.getByLabel(da.outcome.psfsActivity(1), { exact: true }).fill("Gå en 8-timers vagt");
  await page.getByLabel(da.outcome.psfsScore(1)).fill("3");
  await page.getByRole("button", { name: "Gem", exact: true }).click();
  await expect(page).toHaveURL(patientUrl);
  for (const line of [
    "Smerte ved første skridt om morgenen (NRS): 7",
    "FAAM, dagligdag (%): 52,9",
    "FAAM, sport (%): 31,3",
    "Foot Function Index (%): 48,5",
  ])
    await expect(page.locator(".timeline-item").filter({ hasText: line })).toHaveCount(1);
  // The weekly check-in asks about the activity the baseline named: it is not typed again.
  const checkIn = page.getByRole("region", { name: da.checkIn.clinicTitle });
  await expect(checkIn.getByRole("list", { name: da.instrument.PSFS })).toHaveText("Gå en 8-timers vagt");
  // The next measurements start from the same activity.
  await page.getByRole("link", { name: da.record.newOutcome }).click();
  await expect(page.getByLabel(da.outcome.psfsActivity(1), { exact: true })).toHaveValue("Gå en 8-timers vagt");
  // The printed record says the activity and its score, as the record's line does.
  await page.goto(`${patientUrl}/record`);
  const measurements = page.getByRole("table", { name: da.recordPrint.measurements });
  const psfs = measurements.getByRole("row").filter({ hasText: da.instrument.PSFS });
  await expect(psfs).toContainText("3 (Gå en 8-timers vagt: 3)");
  // Its last column says where a value came from, not who typed it.
  await expect(measurements.getByRole("columnheader").last()).toHaveText(da.recordPrint.columns.source);
  await expect(psfs.getByRole("cell").last()).toHaveText(da.charts.fromClinic);
});

test("an intervention is recorded and marked on the time axis", async ({ page }) => {
  await signIn(page, "fysio@demo.dk");
  const patientUrl = await newPatientWithEpisode(page, "Ib Indlæg");
  await addOutcome(page, patientUrl, "2026-09-01", "NRS_FIRST_STEP", "6");
  await page.goto(`${patientUrl}/records/intervention/new`);
  await page.getByLabel(da.portal.date).fill("2026-09-15");
  await page.getByLabel("Type").selectOption("ORTHOSIS");
  await page.getByLabel(da.recordPrint.columns.note).fill("Hælkop i begge sko");
  await page.getByRole("button", { name: "Gem", exact: true }).click();
  await expect(page).toHaveURL(patientUrl);
  await expect(
    page.getByRole("region", { name: da.timeline.title }).getByText("Indlæg eller hælkop – Hælkop i begge sko"),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: da.recordPrint.interventions }).getByRole("listitem")).toHaveText([
    "15. sep. 2026 · Indlæg eller hælkop – Hælkop i begge sko",
  ]);
  // The chart marks it with a number; the list under the charts names it.
  const markers = page.getByRole("list", { name: da.charts.markers });
  await expect(markers.getByRole("listitem")).toHaveText([/15\. sep\. 2026: Indlæg eller hælkop/]);
  await expect(
    page.getByRole("img", { name: da.charts.pain }).locator("text.recharts-label").filter({ hasText: /^1$/ }),
  ).toBeVisible();
});

test("the demo patient's pain chart has no label over another or outside the chart, and phases from the assignment", async ({
  page,
}) => {
  await signIn(page, "fysio@demo.dk");
  await page.goto("/caseload?q=Peter%20Patient");
  await page.getByRole("link", { name: "Peter Patient" }).click();
  const chart = page.getByRole("img", { name: da.charts.pain });
  // The chart draws its parts in steps and is busy until the markers and labels are all there.
  await expect(chart).toHaveAttribute("aria-busy", "false");
  await expect(chart.locator(".recharts-line").first()).toBeVisible();
  // The chart's own surface (the legend's icons are small svgs of their own).
  const boxes = await chart.locator("svg:has(.recharts-cartesian-axis)").evaluate((svg) => {
    const frame = svg.getBoundingClientRect();
    const labels = [...svg.querySelectorAll("text.recharts-label, text.recharts-cartesian-axis-tick-value")];
    return {
      frame: { x: frame.x, y: frame.y, right: frame.right, bottom: frame.bottom },
      labels: labels.map((el) => {
        const r = el.getBoundingClientRect();
        return { text: el.textContent, x: r.x, y: r.y, right: r.right, bottom: r.bottom };
      }),
    };
  });
  expect(boxes.labels.length).toBeGreaterThan(3);
  for (const label of boxes.labels) {
    expect(label.x, `${label.text} inside`).toBeGreaterThanOrEqual(boxes.frame.x - 1);
    expect(label.right, `${label.text} inside`).toBeLessThanOrEqual(boxes.frame.right + 1);
    expect(label.y, `${label.text} inside`).toBeGreaterThanOrEqual(boxes.frame.y - 1);
  }
  for (const [i, a] of boxes.labels.entries()) {
    for (const b of boxes.labels.slice(i + 1)) {
      const overlap = a.x < b.right && b.x < a.right && a.y < b.bottom && b.y < a.bottom;
      expect(overlap, `"${a.text}" overlaps "${b.text}"`).toBe(false);
    }
  }
  // HSR's four phases after the first week, each from the assignment itself.
  await expect(
    page
      .getByRole("list", { name: da.charts.markers })
      .getByRole("listitem")
      .filter({ hasText: /HSR hælløft, fase/ }),
  ).not.toHaveCount(0);
});

test("the patient page shows today's HSR prescription, why, and adherence per week", async ({ page }) => {
  await signIn(page, "fysio@demo.dk");
  await page.goto("/caseload?q=Peter%20Patient");
  await page.getByRole("link", { name: "Peter Patient" }).click();
  const section = page.getByRole("region", { name: da.programs.title }).getByRole("article", { name: da.program.HSR });
  await expect(section).toBeVisible();
  await expect(section.getByText(/^Programuge \d+, fase \d$/)).toBeVisible();
  await expect(section.getByText(/højst 3 på en skala fra 0 til 10/)).toBeVisible();
  await expect(section.getByText("Hvorfor:")).toBeVisible();
  await section.locator("summary", { hasText: da.prescription.adherence }).click();
  await expect(section.getByRole("columnheader", { name: da.prescription.doneColumn })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("Save pressed again after a lost answer keeps what was typed and stores one measurement", async ({ page }) => {
  await signIn(page, "fysio@demo.dk");
  const patientUrl = await newPatientWithEpisode(page, "Lise Linjebrud");
  await page.goto(`${patientUrl}/records/outcome/new`);
  // The first save reaches the server, but its answer never comes back.
  let lost = false;
  await page.route(`${patientUrl}/records/outcome/new`, async (route) => {
    if (route.request().method() !== "POST" || lost) return route.continue();
    lost = true;
    await route.fetch();
    await route.abort("connectionreset");
  });
  await page.getByLabel(da.portal.date).fill("2026-10-02");
  await page.getByLabel(da.instrument.FAAM_SPORT, { exact: true }).fill("37");
  await page.getByRole("button", { name: "Gem", exact: true }).click();
  await expect(page.getByText(/Forbindelsen svigtede/)).toBeVisible();
  await expect(page.getByLabel(da.instrument.FAAM_SPORT, { exact: true })).toHaveValue("37");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Gem", exact: true }).click();
  await expect(page).toHaveURL(patientUrl);
  await page.locator("summary", { hasText: da.charts.dataTable }).click();
  await expect(page.getByRole("cell", { name: "37", exact: true })).toHaveCount(1);
  await expect(page.locator(".timeline-item").filter({ hasText: "FAAM, sport (%): 37" })).toHaveCount(1);
});

test("a short follow-up visit records the pain and the red-flag screen without the tests, and says what it found", async ({
  page,
}) => {
  await signIn(page, "fysio@demo.dk");
  const patientUrl = await newPatientWithEpisode(page, "Frida Followup");
  await page.getByRole("link", { name: da.record.newFollowUp }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(da.record.newFollowUp);
  // The tests are folded away, there for a visit that did them.
  await expect(page.getByRole("group", { name: da.assessment.palpation })).toBeHidden();
  await page.getByLabel(da.portal.date).fill("2026-09-08");
  await page.getByLabel(da.assessment.firstStepPain).fill("4");
  await answerScreens(page, true, false);
  await page.getByLabel(da.recordPrint.columns.note).fill("Telefonopfølgning: bedre om morgenen");
  await expectNoAxeViolations(page);
  // A value refused in the folded part is shown with its error, not hidden in the fold.
  await page.locator("summary", { hasText: da.assessment.moreFindings }).click();
  const dorsiflexion = page.getByLabel(da.assessment.ankleDorsiflexion);
  await dorsiflexion.fill("7,5");
  await page.getByRole("button", { name: "Gem", exact: true }).click();
  // Once the answer is in (the field is marked invalid), the field is in view, not folded away.
  await expect(dorsiflexion).toHaveAttribute("aria-invalid", "true");
  await expect(dorsiflexion).toBeVisible();
  await expect(dorsiflexion).toHaveValue("7,5");
  await dorsiflexion.fill("7");
  await page.getByRole("button", { name: "Gem", exact: true }).click();
  await expect(page).toHaveURL(patientUrl);
  const visit = page.locator(".timeline-group").filter({ hasText: "8. sep. 2026" });
  await expect(visit).toContainText(`${da.assessment.ankleDorsiflexion}: 7`);
  await expect(visit).toContainText(da.timeline.redFlagsNone);
  await expect(visit).toContainText(da.timeline.notExamined);
  await expect(visit).toContainText("Telefonopfølgning: bedre om morgenen");
});

test("the day's measurements form says what a visit measured today, so the pain is not typed twice", async ({
  page,
}) => {
  await signIn(page, "fysio@demo.dk");
  const patientUrl = await newPatientWithEpisode(page, "Dagny Dobbelt");
  await page.getByRole("link", { name: da.record.newFollowUp }).click();
  // The visit's date is today's, as the form starts.
  await page.getByLabel(da.assessment.firstStepPain).fill("6");
  await answerScreens(page, false, false);
  await page.getByRole("button", { name: "Gem", exact: true }).click();
  await expect(page).toHaveURL(patientUrl);
  await page.getByRole("link", { name: da.record.newOutcome }).click();
  await expect(page.getByLabel(da.instrument.NRS_FIRST_STEP, { exact: true })).toHaveAccessibleDescription(
    new RegExp(`^${da.measurements.alreadyToday("6").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
  );
  // An instrument not measured today says nothing of the kind.
  await expect(page.getByLabel(da.instrument.FAAM_ADL, { exact: true })).not.toHaveAccessibleDescription(
    /Allerede målt i dag/,
  );
});
