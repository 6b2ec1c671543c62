import { NextResponse } from "next/server";
import { z } from "zod";

import { mitidConfig } from "@/lib/platform/auth/mitid/mitid-config";
import { flowCookie } from "@/lib/platform/auth/mitid/mitid-cookies.server";
import { beginMitidFlow } from "@/lib/platform/auth/mitid/mitid-flow";
import { route } from "@/lib/platform/entry-points/route.server";
import { env } from "@/lib/platform/env";
import { AppError } from "@/lib/platform/errors";
import { appUrl } from "@/lib/platform/http/app-url.server";
import { logger } from "@/lib/platform/log/logger";
import { ZInviteToken } from "@/lib/server/invites/tokens";
import { mitidOutcomePath } from "@/lib/server/mitid/mitid-outcomes";

// "Log ind med MitID" (SPEC §12): to the broker, with the flow's secrets kept in a sealed cookie
// until the patient comes back to /api/mitid/callback. `invite`: a portal invitation to accept.
// A link, not a form: a form's redirect to the broker would need the broker in the CSP's form-action.
const handler = route(
  { name: "/api/mitid/start", access: "public", query: z.object({ invite: ZInviteToken.optional() }) },
  async ({ query }) => {
    const config = mitidConfig(env());
    if (!config) throw new AppError("NOT_FOUND");
    try {
      const { url, secrets } = await beginMitidFlow(config);
      const response = NextResponse.redirect(url);
      response.cookies.set(await flowCookie({ ...secrets, invite: query.invite ?? null }));
      return response;
    } catch (error) {
      const { name, message } = error instanceof Error ? error : { name: "Error", message: String(error) };
      logger.warn({ err: { name, message } }, "MitID: the broker's discovery did not answer");
      return NextResponse.redirect(new URL(mitidOutcomePath("UNAVAILABLE"), await appUrl()));
    }
  },
);
export { handler as GET };
