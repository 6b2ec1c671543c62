// A MitID broker for the tests: a real OpenID Connect provider (oidc-provider, the certified
// Node.js implementation) that releases the CPR number in the claim shape of one broker. Run
// as its own process by oidc-broker.ts, because its "expired" mode moves this process's clock.
//
// The patient "signs in with MitID" by typing their CPR number as the login (any password);
// the provider then issues what a broker issues: a code, an ID token signed with its published
// key, and userinfo. Modes, set by the test through POST /__broker/mode, make the provider
// itself answer wrongly, never a hand-made token:
// - "wrong-key": the token endpoint is served by a second provider of the same issuer whose
//   signing key (same key id) is not in the published key set;
// - "wrong-nonce": the authorization request reaches the provider with another nonce than the
//   app sent, so the ID token carries that one;
// - "expired": the provider's clock runs three minutes behind, so its ID tokens (one minute
//   to live) have expired when they arrive.
import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";

import Provider from "oidc-provider";
import { createMemoryAdapter } from "oidc-provider/lib/adapters/memory_adapter.js";

export type BrokerShape = "idura" | "signicat";
export type BrokerMode = "normal" | "wrong-key" | "wrong-nonce" | "expired";
export type BrokerSettings = {
  port: number;
  shape: BrokerShape;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
};

const settings = JSON.parse(process.env.BROKER_SETTINGS!) as BrokerSettings;
const issuer = `http://127.0.0.1:${settings.port}`;
const ID_TOKEN_SECONDS = 60;
const EXPIRED_SHIFT_MS = 3 * 60_000;

let mode: BrokerMode = "normal";
const realNow = Date.now.bind(Date);
Date.now = () => realNow() - (mode === "expired" ? EXPIRED_SHIFT_MS : 0);

/** Idura releases `cprNumberIdentifier` in the ID token (scope ssn); Signicat's `nin` is read at userinfo here. */
const SHAPES = {
  idura: { scope: "ssn", claim: "cprNumberIdentifier", inIdToken: true },
  signicat: { scope: "nin", claim: "nin", inIdToken: false },
} as const;
const shape = SHAPES[settings.shape];

function signingKey(kid: string) {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };
}

// Both providers keep their codes and grants in one of oidc-provider's in-memory stores, so the
// second can redeem the first's code.
const store = createMemoryAdapter();

function provider(key: ReturnType<typeof signingKey>) {
  return new Provider(issuer, {
    adapter: store,
    clients: [
      {
        client_id: settings.clientId,
        client_secret: settings.clientSecret,
        redirect_uris: settings.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [key] },
    cookies: { keys: ["the test broker's cookie key"] },
    scopes: ["openid", shape.scope],
    claims: { openid: ["sub"], [shape.scope]: [shape.claim] },
    conformIdTokenClaims: !shape.inIdToken,
    ttl: { IdToken: ID_TOKEN_SECONDS },
    // The login is the CPR number; the subject a pseudonym of it, as a broker's is.
    async findAccount(_context, id) {
      return {
        accountId: id,
        claims: () => ({ sub: createHash("sha256").update(id).digest("hex").slice(0, 32), [shape.claim]: id }),
      };
    },
    // A broker asks no consent of the patient: the requested scopes are granted.
    async loadExistingGrant(context) {
      const grant = new context.oidc.provider.Grant({
        clientId: context.oidc.client!.clientId,
        accountId: context.oidc.session!.accountId!,
      });
      grant.addOIDCScope(String(context.oidc.params!.scope));
      await grant.save();
      return grant;
    },
  });
}

const kid = randomBytes(8).toString("hex");
const published = provider(signingKey(kid)).callback();
const unpublished = provider(signingKey(kid)).callback();

http
  .createServer((request, response) => {
    if (request.method === "POST" && request.url === "/__broker/mode") {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        mode = (JSON.parse(body) as { mode: BrokerMode }).mode;
        response.end("ok");
      });
      return;
    }
    if (mode === "wrong-nonce" && request.url?.startsWith("/auth?")) {
      const url = new URL(request.url, issuer);
      url.searchParams.set("nonce", randomBytes(16).toString("base64url"));
      request.url = url.pathname + url.search;
    }
    const serve = mode === "wrong-key" && request.url?.startsWith("/token") ? unpublished : published;
    void serve(request, response);
  })
  .listen(settings.port, "127.0.0.1", () => console.log(`broker listening at ${issuer}`));
