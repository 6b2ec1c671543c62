import { cookies } from "next/headers";
import { NextResponse } from "next/server";

import { mitidConfig } from "@/lib/platform/auth/mitid/mitid-config";
import { accountsCookie, FLOW_COOKIE, readFlowCookie } from "@/lib/platform/auth/mitid/mitid-cookies.server";
import { finishMitidFlow, MitidFlowError } from "@/lib/platform/auth/mitid/mitid-flow";
import { route } from "@/lib/platform/entry-points/route.server";
import { env } from "@/lib/platform/env";
import { AppError } from "@/lib/platform/errors";
import { appUrl } from "@/lib/platform/http/app-url.server";
import { clientIp } from "@/lib/platform/http/client-ip.server";
import { logger } from "@/lib/platform/log/logger";
import { getLocale } from "@/lib/present/i18n/locale.server";
import { mitidOutcomePath, type MitidRefusal } from "@/lib/server/mitid/mitid-outcomes";
import { completeMitidSignIn } from "@/lib/server/mitid/mitid-sign-in";

// Where the MitID broker sends the patient back (SPEC §12): the answer checked against the
// flow's sealed secrets, the CPR number matched to portal accounts, and then the page that
// signs in (one account), lets the patient choose (two clinics) or says why not. The flow's
// cookie is spent whatever the outcome.
const handler = route({ name: "/api/mitid/callback", access: "public" }, async ({ database, request }) => {
  const config = mitidConfig(env());
  if (!config) throw new AppError("NOT_FOUND");
  const base = await appUrl();
  const flow = await readFlowCookie((await cookies()).get(FLOW_COOKIE)?.value);
  const to = (path: string) => {
    const response = NextResponse.redirect(new URL(path, base));
    response.cookies.set({ name: FLOW_COOKIE, value: "", path: "/api/mitid", maxAge: 0 });
    return response;
  };
  const refuse = (outcome: MitidRefusal, waitMs?: number) => to(mitidOutcomePath(outcome, waitMs));
  if (!flow) return refuse("EXPIRED");
  // The address the broker was given, with what it sent back: the app's own request URL may
  // name another host behind a proxy.
  const answer = new URL(config.redirectUri);
  answer.search = new URL(request.url).search;
  // Stopped at the broker: nothing to check and nothing to count.
  if (answer.searchParams.get("error") === "access_denied") return refuse("CANCELLED");
  try {
    const outcome = await completeMitidSignIn(await database(), () => finishMitidFlow(config, answer, flow), {
      ip: await clientIp(),
      now: new Date(),
      invite: flow.invite,
      locale: await getLocale(),
    });
    if (outcome.status === "THROTTLED") return refuse("THROTTLED", outcome.retryAfterMs);
    if (outcome.status !== "ACCOUNTS") return refuse(outcome.status);
    const response = to(mitidOutcomePath(null));
    response.cookies.set(await accountsCookie(outcome.accounts));
    return response;
  } catch (error) {
    if (!(error instanceof MitidFlowError)) throw error;
    // The reason and the library's sentence only (mitid-flow.ts): never a claim.
    logger.warn({ reason: error.reason, detail: error.message }, "MitID: the broker's answer was refused");
    return refuse("FAILED");
  }
});
export { handler as GET };
