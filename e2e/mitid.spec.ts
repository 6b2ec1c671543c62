// Patients sign in with MitID (SPEC §12) through a real OpenID Connect provider started on this
// machine (tests/support/oidc-broker-process.ts), once as Idura issues the CPR number (in the ID
// token, `cprNumberIdentifier`) and once as Signicat does (`nin`, read at userinfo here): each
// beside its own app server, configured as a clinic configures it. The broker's wrong answers
// are the provider's own tokens: signed with a key it does not publish, for another nonce, expired.
import { randomBytes } from "node:crypto";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import type { Page } from "@playwright/test";

import { ACTOR_USER_INCLUDE, actorFor } from "../lib/platform/auth/actor";
import { currentDataKey } from "../lib/platform/cpr/current-data-key";
import { prepareDataKey } from "../lib/platform/cpr/data-key-file";
import { createPrismaClient } from "../lib/platform/db/client";
import { databaseTargetFromEnv, openDatabase } from "../lib/platform/db/database";
import { parseEnv } from "../lib/platform/env";
import { createInvite } from "../lib/server/invites/invites";
import { portalAccountsForCpr } from "../lib/server/mitid/mitid-sign-in";
import { createPatient, createUser } from "../lib/server/seed/builders";
import { DEMO_PASSWORD, SECOND_CLINIC_CLINICIAN, SECOND_CLINIC_NAME } from "../lib/server/seed/demo";
import { DEMO_LETTER_PATIENT } from "../lib/server/seed/demo-letter";
import { AppServer } from "../tests/support/app-server";
import { type BrokerShape, freePorts, OidcBroker } from "../tests/support/oidc-broker";
import { expectNoAxeViolations } from "./helpers";
import { copyDemoDataDir } from "./support/demo-data-dir";
import { expect, test } from "./support/test";

const CLIENT = { clientId: "heelpain-clinic", clientSecret: randomBytes(24).toString("base64url") };
/** A CPR number no patient of the demo has (checked as the data is prepared). */
const NOBODY = "0101451234";
/** The CPR number of a new patient invited to the portal. */
const INVITEE = "0202502345";

type Site = { app: AppServer; broker: OidcBroker };
let root: string;
let idura: Site;
let signicat: Site;
let cpr: { peter: string; karen: string; invitee: string };
let invite: { accepted: string; mismatched: string };

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  root = await mkdtemp(path.join(os.tmpdir(), "heelpain-mitid-"));
  const prepared = await copyDemoDataDir(path.join(root, "prepared"));
  await prepare(prepared);
  const [iduraApp, iduraBroker, signicatApp, signicatBroker] = await freePorts(4);
  [idura, signicat] = await Promise.all([
    startSite(prepared, "idura", [iduraApp!, iduraBroker!], {
      OIDC_CPR_CLAIM: "cprNumberIdentifier",
      OIDC_SCOPE: "openid ssn",
    }),
    startSite(prepared, "signicat", [signicatApp!, signicatBroker!], {
      OIDC_CPR_CLAIM: "nin",
      OIDC_SCOPE: "openid nin",
    }),
  ]);
});

test.afterAll(async () => {
  for (const site of [idura, signicat]) await Promise.all([site?.app.stop(), site?.broker.stop()]);
  if (root) await rm(root, { recursive: true, force: true });
});

/**
 * The demo as a clinic would have it: Karen Lund is also a portal patient of the second clinic
 * (one CPR number, two clinics); two patients without an account have an invitation each.
 */
async function prepare(dataDir: string) {
  const settings = parseEnv({ DATA_DIR: dataDir });
  const target = databaseTargetFromEnv(settings);
  const database = await openDatabase(target);
  const db = createPrismaClient(database);
  try {
    process.env.DATA_ENCRYPTION_KEY = await prepareDataKey(db, settings, target);
    const key = currentDataKey();
    const cprOf = async (where: object) =>
      key.decrypt((await db.patient.findFirstOrThrow({ where, select: { cprEncrypted: true } })).cprEncrypted!);
    cpr = {
      peter: await cprOf({ portalUser: { email: "patient@demo.dk" } }),
      karen: await cprOf({ portalUser: { email: DEMO_LETTER_PATIENT.email } }),
      invitee: INVITEE,
    };
    const second = await db.user.findUniqueOrThrow({ where: { email: SECOND_CLINIC_CLINICIAN.email } });
    const account = await createUser(db, {
      clinicId: second.clinicId,
      role: "PATIENT",
      email: "karen.lund@anden.dk",
      name: DEMO_LETTER_PATIENT.name,
      password: DEMO_PASSWORD,
    });
    await createPatient(db, {
      clinicId: second.clinicId,
      clinicianId: second.id,
      name: DEMO_LETTER_PATIENT.name,
      cpr: cpr.karen,
      portalUserId: account.id,
    });
    const clinician = await db.user.findUniqueOrThrow({
      where: { email: "fysio@demo.dk" },
      include: ACTOR_USER_INCLUDE,
    });
    // Two new patients, each invited to the portal as a clinician invites them.
    const invited = async (name: string, cprNumber: string, email: string) => {
      const patient = await createPatient(db, {
        clinicId: clinician.clinicId,
        clinicianId: clinician.id,
        name,
        cpr: cprNumber,
      });
      const made = await createInvite(db, actorFor(clinician, null), patient.id, new Date(), "http://localhost", {
        email,
      });
      if (made.status !== "created") throw new Error(`no invitation: ${made.status}`);
      return made.token;
    };
    invite = {
      accepted: await invited("Ida Inviteret", INVITEE, "ida.inviteret@example.dk"),
      mismatched: await invited("Otto Anden", "0303603456", "otto.anden@example.dk"),
    };
    // The data the tests stand on.
    expect(await portalAccountsForCpr(db, cpr.peter)).toHaveLength(1);
    expect(await portalAccountsForCpr(db, cpr.karen)).toHaveLength(2);
    expect(await db.patient.count({ where: { cprHash: key.searchHash(NOBODY) } })).toBe(0);
    expect(await db.patient.count({ where: { cprHash: key.searchHash(INVITEE) } })).toBe(1);
  } finally {
    delete process.env.DATA_ENCRYPTION_KEY;
    await db.$disconnect();
    await database.close();
  }
}

/** A broker of one shape and an app server configured for it, on a copy of the prepared data. */
async function startSite(
  prepared: string,
  shape: BrokerShape,
  [appPort, brokerPort]: [number, number],
  claim: Record<string, string>,
): Promise<Site> {
  const dataDir = path.join(root, shape);
  await cp(prepared, dataDir, { recursive: true });
  const broker = new OidcBroker({
    port: brokerPort,
    shape,
    ...CLIENT,
    redirectUris: [`http://127.0.0.1:${appPort}/api/mitid/callback`],
  });
  await broker.start();
  const app = new AppServer(appPort, {
    DATA_DIR: dataDir,
    // A line per request, so that the last test can look for CPR numbers in all of it.
    LOG_LEVEL: "info",
    OIDC_ISSUER: broker.issuer,
    OIDC_CLIENT_ID: CLIENT.clientId,
    OIDC_CLIENT_SECRET: CLIENT.clientSecret,
    ...claim,
  });
  await app.start();
  return { app, broker };
}

/** At the broker: the CPR number as the login, as MitID would identify the patient. */
async function approveAtBroker(page: Page, cprNumber: string) {
  await page.locator('input[name="login"]').fill(cprNumber);
  await page.locator('input[name="password"]').fill("mitid");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

async function signInWithMitid(page: Page, site: Site, cprNumber: string, { axe = false } = {}) {
  await page.goto(`${site.app.baseURL}/sign-in`);
  if (axe) await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Log ind med MitID" }).click();
  await approveAtBroker(page, cprNumber);
}

async function expectSignedOut(page: Page, site: Site) {
  await page.goto(`${site.app.baseURL}/portal`);
  await expect(page).toHaveURL(/\/sign-in$/);
}

test("with Idura's claim, a patient signs in with MitID to their portal, and signing out ends it", async ({ page }) => {
  await signInWithMitid(page, idura, cpr.peter, { axe: true });
  await expect(page).toHaveURL(`${idura.app.baseURL}/portal`);
  await expect(page.getByText("Hej Peter")).toBeVisible();
  await page.getByRole("button", { name: "Log ud" }).first().click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expectSignedOut(page, idura);
});

test("with Signicat's claim, read at userinfo, a patient signs in with MitID", async ({ page }) => {
  await signInWithMitid(page, signicat, cpr.peter);
  await expect(page).toHaveURL(`${signicat.app.baseURL}/portal`);
  await expect(page.getByText("Hej Peter")).toBeVisible();
});

test("a CPR number that matches no patient is refused with what to do", async ({ page }) => {
  await signInWithMitid(page, idura, NOBODY);
  await expect(
    page.getByRole("alert").filter({ hasText: /Bed din fysioterapeut eller klinik om en invitation/ }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await expectSignedOut(page, idura);
});

// Each refused for its own reason, as the server logged it: the check that failed, by name.
for (const [mode, why, check] of [
  ["wrong-key", "a token signed with a key the broker does not publish", /JWT signature verification failed/],
  ["wrong-nonce", "a token issued for another nonce", /"nonce" claim value \(nonce\)/],
  ["expired", "an expired token", /"exp" \(expiration time\).*\(exp\)/],
] as const)
  test(`${why} is refused`, async ({ page }) => {
    const refusals = () =>
      idura.app.output
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as { msg?: string; detail?: string })
        .filter((entry) => entry.msg === "MitID: the broker's answer was refused" && check.test(entry.detail ?? ""))
        .length;
    const before = refusals();
    await idura.broker.setMode(mode);
    try {
      await signInWithMitid(page, idura, cpr.peter);
      await expect(page.getByRole("alert").filter({ hasText: /Log ind med MitID lykkedes ikke/ })).toBeVisible();
    } finally {
      await idura.broker.setMode("normal");
    }
    await expect.poll(refusals).toBe(before + 1);
    await expectSignedOut(page, idura);
  });

test("a broker's error, a cancel, or a return without a flow of this browser gets a page that says so", async ({
  page,
}) => {
  const callback = `${idura.app.baseURL}/api/mitid/callback`;
  for (const [answer, sentence] of [
    ["error=server_error&error_description=down", /Log ind med MitID lykkedes ikke/],
    ["error=access_denied", /Du afbrød log ind med MitID/],
  ] as const) {
    // Sent to the broker (the flow's cookie is set), and back with the broker's error.
    await page.goto(`${idura.app.baseURL}/sign-in`);
    await page.getByRole("link", { name: "Log ind med MitID" }).click();
    await expect(page.locator('input[name="login"]')).toBeVisible();
    const response = await page.goto(`${callback}?${answer}&state=whatever`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: sentence })).toBeVisible();
  }
  // The flow's cookie was spent above: a second return is of no flow of this browser's.
  await page.goto(`${callback}?code=a-code&state=whatever`);
  await expect(page.getByRole("alert").filter({ hasText: /startet i en anden browser/ })).toBeVisible();
  await expectSignedOut(page, idura);
});

test("an invitation is accepted with MitID, and only by its own patient", async ({ page }) => {
  await page.goto(`${idura.app.baseURL}/invite/${invite.mismatched}`);
  await page.getByRole("link", { name: "Accepter med MitID" }).click();
  await approveAtBroker(page, cpr.peter);
  await expect(page.getByRole("alert").filter({ hasText: /Invitationen er til en anden person/ })).toBeVisible();
  await expectSignedOut(page, idura);

  await page.goto(`${idura.app.baseURL}/invite/${invite.accepted}`);
  await page.getByRole("link", { name: "Accepter med MitID" }).click();
  await approveAtBroker(page, cpr.invitee);
  await expect(page).toHaveURL(`${idura.app.baseURL}/portal`);
  // The invitation is spent; the new account signs in with MitID from now on.
  await page.goto(`${idura.app.baseURL}/invite/${invite.accepted}`);
  await expect(page.getByText(/Linket er allerede brugt/)).toBeVisible();
});

test("a patient of two clinics chooses the clinic whose portal opens", async ({ page }) => {
  await signInWithMitid(page, idura, cpr.karen);
  const choice = page.getByRole("group", { name: "Vælg klinik" });
  await expect(choice.getByRole("radio")).toHaveCount(2);
  await expectNoAxeViolations(page);
  await choice.getByRole("radio", { name: SECOND_CLINIC_NAME }).check();
  await page.getByRole("button", { name: "Åbn portalen" }).click();
  await expect(page).toHaveURL(`${idura.app.baseURL}/portal`);
  // The second clinic's portal: her physiotherapist there.
  await expect(page.getByText(`Din fysioterapeut er ${SECOND_CLINIC_CLINICIAN.name}`)).toBeVisible();
});

test("the CPR numbers the broker sent are in no line either server logged", () => {
  const printed = [...idura.app.output, ...signicat.app.output].join("\n");
  expect(printed.length).toBeGreaterThan(0);
  for (const digits of [cpr.peter, cpr.karen, cpr.invitee, NOBODY]) expect(printed).not.toContain(digits);
});
