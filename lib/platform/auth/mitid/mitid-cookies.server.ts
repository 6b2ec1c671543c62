import "server-only";

// The two cookies of a MitID sign-in, sealed (sealed.ts) and httpOnly: the flow's secrets while
// the patient is at the broker, and then the accounts their CPR number matched while they
// choose one (SPEC §12). Neither holds the CPR number.
import { z } from "zod";

import { env } from "../../env";
import type { FlowSecrets } from "./mitid-flow";
import { seal, unseal } from "./sealed";

/** Long enough to open the MitID app and approve; a flow older than this starts again. */
const FLOW_MINUTES = 10;
/** Long enough to choose a clinic. */
const ACCOUNTS_MINUTES = 5;

export const FLOW_COOKIE = "heelpain-mitid-flow";
export const ACCOUNTS_COOKIE = "heelpain-mitid-accounts";

const ZFlow = z.object({
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  /** The portal invitation being accepted with MitID, if any. */
  invite: z.string().nullable(),
});
export type MitidFlow = FlowSecrets & { invite: string | null };

const ZAccounts = z.object({ accounts: z.array(z.object({ userId: z.uuid(), clinicName: z.string() })).min(1) });
export type MitidAccounts = z.infer<typeof ZAccounts>["accounts"];

type CookieOptions = { httpOnly: true; sameSite: "lax"; secure: boolean; path: string; maxAge: number };

function secret(): string {
  const { NEXTAUTH_SECRET } = env();
  // npm start always sets one (scripts/start.ts); without it there are no sessions either.
  if (!NEXTAUTH_SECRET) throw new Error("NEXTAUTH_SECRET is not set");
  return NEXTAUTH_SECRET;
}

function options(path: string, minutes: number): CookieOptions {
  // The broker sends the patient back with a top-level GET, which carries a lax cookie.
  const secure = env().NEXTAUTH_URL?.startsWith("https://") ?? false;
  return { httpOnly: true, sameSite: "lax", secure, path, maxAge: minutes * 60 };
}

export const flowCookie = async (flow: MitidFlow) => ({
  name: FLOW_COOKIE,
  value: await seal("flow", flow, secret(), FLOW_MINUTES * 60),
  ...options("/api/mitid", FLOW_MINUTES),
});

export const readFlowCookie = (value: string | undefined): Promise<MitidFlow | null> =>
  unseal("flow", value, ZFlow, secret());

export const accountsCookie = async (accounts: MitidAccounts) => ({
  name: ACCOUNTS_COOKIE,
  value: await seal("accounts", { accounts }, secret(), ACCOUNTS_MINUTES * 60),
  ...options("/", ACCOUNTS_MINUTES),
});

export const readAccountsCookie = async (value: string | undefined): Promise<MitidAccounts | null> =>
  (await unseal("accounts", value, ZAccounts, secret()))?.accounts ?? null;
