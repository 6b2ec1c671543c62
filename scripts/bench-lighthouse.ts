// npm run bench:lighthouse: Lighthouse 12 on the patient portal as a phone (SPEC §8, §10):
// performance and accessibility, with Lighthouse's own mobile emulation and simulated slow
// network and CPU. Run it against a started app with the demo data (npm start), e.g.
//   BENCH_URL=http://localhost:3000 RUNS=5 npm run bench:lighthouse
// It signs in as the demo patient over HTTP and gives Lighthouse the session cookie. Each run
// is a fresh Chromium profile: a first visit, without the service worker's cache. The figures
// vary from run to run on a busy machine; the median is the one to quote.
import { mkdir, writeFile } from "node:fs/promises";

import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

import { findChromium } from "./chromium";
import { runCli } from "./cli";

const BASE = process.env.BENCH_URL ?? "http://localhost:3000";
const RUNS = Number(process.env.RUNS ?? 3);
const PATIENT = { email: "patient@demo.dk", password: "heelpain-demo" };
const RESULTS = "bench/lighthouse-results.json";

type Run = {
  benchmarkIndex: number;
  performance: number;
  accessibility: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
};

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((line) => line.split(";")[0]!);

/** The demo patient's session cookie, through next-auth's own sign-in endpoints. */
async function patientSession(): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, ...PATIENT, json: "true" }),
  });
  // Behind HTTPS next-auth names it with the __Secure- prefix.
  const session = cookiesOf(signIn).find((cookie) => /^(__Secure-)?next-auth\.session-token=/.test(cookie));
  if (!session) throw new Error(`Could not sign in as ${PATIENT.email} at ${BASE} (is the demo data there?)`);
  return session;
}

async function measure(cookie: string): Promise<{ run: Run; failedA11y: string[]; version: string }> {
  const chrome = await chromeLauncher.launch({
    chromePath: findChromium()?.path ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const result = await lighthouse(`${BASE}/portal`, {
      port: chrome.port,
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
      extraHeaders: { Cookie: cookie },
    });
    if (!result) throw new Error("Lighthouse gave no result");
    const { audits, categories, finalDisplayedUrl, environment } = result.lhr;
    // A refused cookie would end on /sign-in and silently measure the wrong page.
    if (new URL(finalDisplayedUrl).pathname !== "/portal")
      throw new Error(`Lighthouse ended on ${finalDisplayedUrl}, not /portal: the session was not accepted`);
    const value = (id: string) => audits[id]?.numericValue ?? Number.NaN;
    const failedA11y = Object.values(audits)
      .filter(
        (audit) =>
          categories.accessibility?.auditRefs.some((ref) => ref.id === audit.id && ref.weight > 0) && audit.score === 0,
      )
      .map((audit) => `${audit.id}: ${audit.title}`);
    return {
      failedA11y,
      version: result.lhr.lighthouseVersion,
      run: {
        // Lighthouse's own measure of how fast this machine was during the run: higher is faster.
        benchmarkIndex: Math.round(environment.benchmarkIndex),
        performance: Math.round((categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
        fcpMs: Math.round(value("first-contentful-paint")),
        lcpMs: Math.round(value("largest-contentful-paint")),
        tbtMs: Math.round(value("total-blocking-time")),
        cls: Number(value("cumulative-layout-shift").toFixed(3)),
        speedIndexMs: Math.round(value("speed-index")),
      },
    };
  } finally {
    chrome.kill();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

runCli(async () => {
  const cookie = await patientSession();
  const runs: Run[] = [];
  let version = "";
  for (let index = 1; index <= RUNS; index += 1) {
    const { run, failedA11y, version: used } = await measure(cookie);
    version = used;
    runs.push(run);
    console.log(
      `run ${index}: machine ${run.benchmarkIndex}, performance ${run.performance}, accessibility ${run.accessibility}, FCP ${run.fcpMs} ms, LCP ${run.lcpMs} ms, TBT ${run.tbtMs} ms, CLS ${run.cls}, Speed Index ${run.speedIndexMs} ms`,
    );
    for (const failure of failedA11y) console.log(`  accessibility: ${failure}`);
  }
  const summary = Object.fromEntries(
    (Object.keys(runs[0]!) as (keyof Run)[]).map((key) => [key, median(runs.map((run) => run[key]))]),
  ) as Run;
  console.log(
    `median of ${RUNS}: performance ${summary.performance}, accessibility ${summary.accessibility}, LCP ${summary.lcpMs} ms, TBT ${summary.tbtMs} ms (targets: performance ≥ 95, accessibility 100)`,
  );
  await mkdir("bench", { recursive: true });
  await writeFile(
    RESULTS,
    `${JSON.stringify({ url: `${BASE}/portal`, lighthouse: version, formFactor: "mobile", throttling: "simulate", runs, median: summary }, null, 2)}\n`,
  );
});
