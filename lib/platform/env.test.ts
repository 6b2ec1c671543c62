import { afterEach, describe, expect, it, vi } from "vitest";

import { dataKeyText, env, EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("defaults to the embedded database in ./data on port 3000", () => {
    expect(parseEnv({})).toEqual({
      DATA_DIR: "./data",
      PORT: 3000,
      LOG_LEVEL: "info",
      MAIL_FROM: "Hælsporeforløb <no-reply@localhost>",
      BACKUP_KEEP_DAYS: 14,
    });
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" })).toEqual({
      DATA_DIR: "./data",
      PORT: 3000,
      LOG_LEVEL: "info",
      MAIL_FROM: "Hælsporeforløb <no-reply@localhost>",
      BACKUP_KEEP_DAYS: 14,
    });
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://db" })).toThrow(EnvError);
    expect(() => parseEnv({ DATABASE_URL: "mysql://db" })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT/);
    expect(() => parseEnv({ NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET: must be at least 32/);
    expect(() => parseEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY: must be true, false or a number of proxies/);
    expect(() => parseEnv({ SMTP_URL: "mail.example.dk" })).toThrow(/SMTP_URL: must be an smtp/);
    expect(() => parseEnv({ DATA_ENCRYPTION_KEY: "c2hvcnQ=" })).toThrow(
      /DATA_ENCRYPTION_KEY: must be 32 bytes in base64/,
    );
    expect(parseEnv({ DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") }).DATA_ENCRYPTION_KEY).toBeDefined();
    expect(() => parseEnv({ BACKUP_KEEP_DAYS: "0" })).toThrow(/BACKUP_KEEP_DAYS/);
  });

  it("takes a replica only beside a PostgreSQL primary, and not the primary itself", () => {
    const primary = "postgres://db/heelpain";
    const replica = "postgres://replica/heelpain";
    expect(parseEnv({ DATABASE_URL: primary, DATABASE_REPLICA_URL: replica }).DATABASE_REPLICA_URL).toBe(replica);
    expect(() => parseEnv({ DATABASE_REPLICA_URL: replica })).toThrow(/DATABASE_REPLICA_URL: needs DATABASE_URL/);
    expect(() => parseEnv({ DATABASE_URL: primary, DATABASE_REPLICA_URL: primary })).toThrow(
      /DATABASE_REPLICA_URL: must name the replica/,
    );
    expect(() => parseEnv({ DATABASE_URL: primary, DATABASE_REPLICA_URL: "replica:5432" })).toThrow(
      /DATABASE_REPLICA_URL: must be a postgres/,
    );
    expect(parseEnv({ DATABASE_REPLICA_URL: "" }).DATABASE_REPLICA_URL).toBeUndefined();
  });

  it("reads where to listen and which proxies to trust", () => {
    expect(parseEnv({ HOST: "127.0.0.1", TRUST_PROXY: "1" })).toMatchObject({ HOST: "127.0.0.1", TRUST_PROXY: "1" });
  });
});

describe("MitID's settings (SPEC §12)", () => {
  const broker = {
    OIDC_ISSUER: "https://heelpain.idura.broker",
    OIDC_CLIENT_ID: "urn:heelpain:clinic",
    OIDC_CLIENT_SECRET: "a secret the broker gave",
    OIDC_CPR_CLAIM: "cprNumberIdentifier",
  };

  it("takes all four, or none", () => {
    expect(parseEnv(broker)).toMatchObject(broker);
    expect(parseEnv({}).OIDC_ISSUER).toBeUndefined();
    expect(() => parseEnv({ ...broker, OIDC_CLIENT_SECRET: "" })).toThrow(
      /OIDC_CLIENT_SECRET: must be set with OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CPR_CLAIM/,
    );
  });

  it("wants the broker on https, but for one on this machine", () => {
    expect(() => parseEnv({ ...broker, OIDC_ISSUER: "http://broker.example" })).toThrow(
      /OIDC_ISSUER: must be an https/,
    );
    expect(parseEnv({ ...broker, OIDC_ISSUER: "http://127.0.0.1:4000" }).OIDC_ISSUER).toBe("http://127.0.0.1:4000");
  });

  it("checks the claim's name and the scopes", () => {
    expect(() => parseEnv({ ...broker, OIDC_CPR_CLAIM: "cpr number" })).toThrow(/OIDC_CPR_CLAIM: must be a claim name/);
    expect(() => parseEnv({ ...broker, OIDC_SCOPE: "ssn" })).toThrow(/OIDC_SCOPE: must start with "openid"/);
    expect(parseEnv({ ...broker, OIDC_SCOPE: "openid ssn" }).OIDC_SCOPE).toBe("openid ssn");
  });
});

describe("env", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("parses process.env once and answers the same settings after", () => {
    const first = env();
    vi.stubEnv("PORT", "not a port");
    expect(env()).toBe(first);
  });

  it("reads the data key as the process holds it now, since commands set it after start", () => {
    vi.stubEnv("DATA_ENCRYPTION_KEY", "");
    expect(dataKeyText()).toBeUndefined();
    vi.stubEnv("DATA_ENCRYPTION_KEY", Buffer.alloc(32, 9).toString("base64"));
    expect(dataKeyText()).toBe(Buffer.alloc(32, 9).toString("base64"));
  });
});
