import { describe, expect, it } from "vitest";

import { dataKeyFrom, generateDataKey, parseDataKey } from "./data-key";

describe("data key", () => {
  const key = dataKeyFrom(generateDataKey());

  it("encrypts so that only the same key reads it back, with a new nonce each time", () => {
    const sealed = key.encrypt("0102031234");
    expect(sealed).not.toContain("0102031234");
    expect(key.encrypt("0102031234")).not.toBe(sealed);
    expect(key.decrypt(sealed)).toBe("0102031234");
    expect(() => dataKeyFrom(generateDataKey()).decrypt(sealed)).toThrow();
  });

  it("refuses a changed ciphertext (authenticated encryption)", () => {
    const [version, iv, tag, body] = key.encrypt("0102031234").split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0]! ^= 1;
    expect(() => key.decrypt([version, iv, tag, flipped.toString("base64url")].join("."))).toThrow();
    expect(() => key.decrypt("plain text")).toThrow(/Not a value this app encrypted/);
  });

  it("hashes a number the same way every time under one key, differently under another", () => {
    expect(key.searchHash("0102031234")).toBe(key.searchHash("0102031234"));
    expect(key.searchHash("0102031234")).not.toBe(key.searchHash("0102031235"));
    expect(dataKeyFrom(generateDataKey()).searchHash("0102031234")).not.toBe(key.searchHash("0102031234"));
  });

  it("has a fingerprint that names the key without being it", () => {
    const text = generateDataKey();
    expect(dataKeyFrom(text).fingerprint).toBe(dataKeyFrom(text).fingerprint);
    expect(dataKeyFrom(text).fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(Buffer.from(text, "base64").toString("hex")).not.toContain(dataKeyFrom(text).fingerprint);
  });

  it("accepts 32 bytes of base64 or base64url and names what is wrong otherwise", () => {
    const bytes = Buffer.alloc(32, 250);
    expect(parseDataKey(bytes.toString("base64"))).toEqual(bytes);
    expect(parseDataKey(bytes.toString("base64url"))).toEqual(bytes);
    expect(() => parseDataKey("too short")).toThrow(/32 bytes/);
  });
});
