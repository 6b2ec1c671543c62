import { describe, expect, it } from "vitest";

import { EnvError, readEnv } from "./env";

describe("readEnv", () => {
  it("defaults to the embedded database in ./data on port 3000", () => {
    expect(readEnv({})).toEqual({
      DATA_DIR: "./data",
      PORT: 3000,
      LOG_LEVEL: "info",
      MAIL_FROM: "Hælsporeforløb <no-reply@localhost>",
      BACKUP_KEEP_DAYS: 14,
    });
  });

  it("treats empty values as unset", () => {
    expect(readEnv({ DATABASE_URL: "", PORT: "" })).toEqual({
      DATA_DIR: "./data",
      PORT: 3000,
      LOG_LEVEL: "info",
      MAIL_FROM: "Hælsporeforløb <no-reply@localhost>",
      BACKUP_KEEP_DAYS: 14,
    });
  });

  it("names the variable that is wrong", () => {
    expect(() => readEnv({ DATABASE_URL: "mysql://db" })).toThrow(EnvError);
    expect(() => readEnv({ DATABASE_URL: "mysql://db" })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => readEnv({ PORT: "70000" })).toThrow(/PORT/);
    expect(() => readEnv({ NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET: must be at least 32/);
    expect(() => readEnv({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY: must be true, false or a number of proxies/);
    expect(() => readEnv({ SMTP_URL: "mail.example.dk" })).toThrow(/SMTP_URL: must be an smtp/);
    expect(() => readEnv({ DATA_ENCRYPTION_KEY: "c2hvcnQ=" })).toThrow(
      /DATA_ENCRYPTION_KEY: must be 32 bytes in base64/,
    );
    expect(readEnv({ DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") }).DATA_ENCRYPTION_KEY).toBeDefined();
    expect(() => readEnv({ BACKUP_KEEP_DAYS: "0" })).toThrow(/BACKUP_KEEP_DAYS/);
  });

  it("reads where to listen and which proxies to trust", () => {
    expect(readEnv({ HOST: "127.0.0.1", TRUST_PROXY: "1" })).toMatchObject({ HOST: "127.0.0.1", TRUST_PROXY: "1" });
  });
});
