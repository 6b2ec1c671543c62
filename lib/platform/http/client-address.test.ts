import { describe, expect, it } from "vitest";

import { clientAddress, trustedHops } from "./client-address";

describe("the client's address", () => {
  it("is the socket's when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("10.0.0.5", "6.6.6.6", 0)).toBe("10.0.0.5");
    expect(clientAddress("10.0.0.5", undefined, 0)).toBe("10.0.0.5");
  });

  it("behind trusted proxies is the entry the nearest one added, not what the client wrote", () => {
    // The client wrote 6.6.6.6; the proxy appended the address it saw, 203.0.113.7.
    expect(clientAddress("10.0.0.2", "6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.3", ["6.6.6.6, 203.0.113.7", "10.0.0.2"], 2)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
  });

  it("reads TRUST_PROXY as a number of hops", () => {
    expect([undefined, "", "false", "true", "2"].map(trustedHops)).toEqual([0, 0, 0, 1, 2]);
  });
});
