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
