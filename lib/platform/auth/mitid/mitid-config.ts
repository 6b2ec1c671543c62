// Whether, and through which broker, patients may sign in with MitID (SPEC §12). From the
// settings parsed at start (lib/platform/env.ts), which allow all four OIDC_ settings or none.
import { env, type TEnv } from "../../env";

export type MitidConfig = {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** The ID token's or userinfo's claim that carries the CPR number (`cprNumberIdentifier`, `nin`). */
  cprClaim: string;
  scope: string;
  /** Where the broker sends the patient back: the address the clinic registers with the broker. */
  redirectUri: string;
};

/** The path the broker redirects to; README tells a clinic to register `<app address>` + this. */
export const MITID_CALLBACK_PATH = "/api/mitid/callback";

export function mitidConfig(settings: TEnv): MitidConfig | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_CPR_CLAIM, OIDC_SCOPE, NEXTAUTH_URL, PORT } = settings;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET || !OIDC_CPR_CLAIM) return null;
  return {
    issuer: new URL(OIDC_ISSUER),
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    cprClaim: OIDC_CPR_CLAIM,
    scope: OIDC_SCOPE ?? "openid",
    redirectUri: new URL(MITID_CALLBACK_PATH, NEXTAUTH_URL ?? `http://localhost:${PORT}`).href,
  };
}

/** Whether the sign-in and invitation pages offer MitID. */
export const mitidOffered = (): boolean => mitidConfig(env()) !== null;
