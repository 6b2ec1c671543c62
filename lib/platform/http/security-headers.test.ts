import { describe, expect, it } from "vitest";

import { securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("let scripts run only with the request's nonce", () => {
    const csp = securityHeaders({ nonce: "abc123", https: false })["Content-Security-Policy"];
    const scriptSrc = csp.split("; ").find((directive) => directive.startsWith("script-src "))!;
    expect(scriptSrc).toContain("'nonce-abc123'");
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("send HSTS only when the app is reached over HTTPS", () => {
    expect(securityHeaders({ nonce: "n", https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ nonce: "n", https: true })["Strict-Transport-Security"]).toBe(
      "max-age=31536000; includeSubDomains",
    );
  });
});
