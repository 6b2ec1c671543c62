// The OpenID Connect side of a MitID sign-in (SPEC §12), by openid-client (decision 035): the
// broker's metadata from discovery, the authorization code flow with PKCE, state and nonce, and
// the ID token verified against the broker's published keys (signature, issuer, audience, nonce,
// expiry). What comes back is the CPR number the broker vouches for, and nothing else leaves here.
import * as oidc from "openid-client";

import { parseCpr } from "../../cpr/cpr";
import type { MitidConfig } from "./mitid-config";

/** What the browser must hold while the patient is at the broker (sealed, sealed.ts). */
export type FlowSecrets = { state: string; nonce: string; codeVerifier: string };

/** A sign-in the broker or its answer did not let through; `reason` is for the log, never shown. */
export class MitidFlowError extends Error {
  override name = "MitidFlowError";
  constructor(
    readonly reason: "broker-error" | "bad-answer" | "no-cpr",
    message: string,
  ) {
    super(message);
  }
}

// One discovery per issuer and process: the broker's metadata and keys (openid-client fetches
// the keys itself, again when a token names a key it has not seen).
const configurations = new Map<string, Promise<oidc.Configuration>>();

function configuration(config: MitidConfig): Promise<oidc.Configuration> {
  const key = `${config.issuer.href} ${config.clientId}`;
  let found = configurations.get(key);
  if (!found) {
    found = oidc
      .discovery(config.issuer, config.clientId, config.clientSecret, undefined, {
        // The settings allow http:// only for a broker on this machine, as the tests start one (lib/platform/env.ts).
        ...(config.issuer.protocol === "http:" && { execute: [oidc.allowInsecureRequests] }),
      })
      .then((discovered) => {
        // openid-client trusts an ID token from the token endpoint on TLS alone unless asked to
        // check its signature; SPEC §12 asks for the signature against the broker's keys.
        oidc.enableNonRepudiationChecks(discovered);
        return discovered;
      });
    // A broker that did not answer is asked again next time.
    found.catch(() => configurations.delete(key));
    configurations.set(key, found);
  }
  return found;
}

/** Where to send the patient, and the secrets to keep until they come back. */
export async function beginMitidFlow(config: MitidConfig): Promise<{ url: URL; secrets: FlowSecrets }> {
  const discovered = await configuration(config);
  const secrets = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
  const url = oidc.buildAuthorizationUrl(discovered, {
    redirect_uri: config.redirectUri,
    scope: config.scope,
    response_type: "code",
    state: secrets.state,
    nonce: secrets.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(secrets.codeVerifier),
    code_challenge_method: "S256",
    // Every sign-in asks for MitID again: a broker's session left on a shared computer must not
    // sign the next person in as the last.
    prompt: "login",
  });
  return { url, secrets };
}

/**
 * The CPR number (ten digits) of the patient the broker sent back to `callbackUrl`, checked in
 * full; throws MitidFlowError for an error from the broker, a bad or tampered answer, or an
 * answer without a CPR number.
 */
export async function finishMitidFlow(config: MitidConfig, callbackUrl: URL, secrets: FlowSecrets): Promise<string> {
  const error = callbackUrl.searchParams.get("error");
  if (error) throw new MitidFlowError("broker-error", `the broker answered ${error.slice(0, 100)}`);
  const discovered = await configuration(config);
  let claims: Record<string, unknown>;
  try {
    const tokens = await oidc.authorizationCodeGrant(discovered, callbackUrl, {
      pkceCodeVerifier: secrets.codeVerifier,
      expectedState: secrets.state,
      expectedNonce: secrets.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    claims = idToken;
    // Some brokers release the CPR number at the userinfo endpoint only (a conformant provider
    // puts scope-requested claims there); userinfo must then be about the ID token's subject.
    if (idToken[config.cprClaim] === undefined && discovered.serverMetadata().userinfo_endpoint)
      claims = await oidc.fetchUserInfo(discovered, tokens.access_token, idToken.sub);
  } catch (cause) {
    // Only the name and the library's sentence: its errors can carry the token itself, and the
    // token carries the CPR number, which is never logged (SPEC §12).
    // openid-client's error wraps the check that failed; its sentence and the name of the claim
    // it was about (a name, never a value) say why.
    const sentence = (error: unknown) => (error instanceof Error ? error.message : String(error));
    const check = (cause as { cause?: unknown } | null)?.cause;
    const claim = (check as { cause?: { claim?: unknown } } | undefined)?.cause?.claim;
    const why = check instanceof Error ? `: ${check.message}${typeof claim === "string" ? ` (${claim})` : ""}` : "";
    throw new MitidFlowError("bad-answer", `${sentence(cause)}${why}`);
  }
  const value = claims[config.cprClaim];
  const cpr = typeof value === "string" ? parseCpr(value) : null;
  if (!cpr?.ok) throw new MitidFlowError("no-cpr", `the answer has no CPR number in ${config.cprClaim}`);
  return cpr.digits;
}
