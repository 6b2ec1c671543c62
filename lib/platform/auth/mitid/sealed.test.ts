import { describe, expect, it, vi } from "vitest";
import { z } from "zod";

import { seal, unseal } from "./sealed";

const SECRET = "a session secret of at least thirty-two characters";
const ZValue = z.object({ state: z.string() });

describe("a sealed value of the MitID flow", () => {
  it("opens under its own purpose and secret", async () => {
    const sealed = await seal("flow", { state: "s-1" }, SECRET, 60);
    expect(sealed).not.toContain("s-1");
    expect(await unseal("flow", sealed, ZValue, SECRET)).toEqual({ state: "s-1" });
  });

  it("does not open under another purpose, another secret, another shape, or changed", async () => {
    const sealed = await seal("flow", { state: "s-1" }, SECRET, 60);
    expect(await unseal("accounts", sealed, ZValue, SECRET)).toBeNull();
    expect(await unseal("flow", sealed, ZValue, `${SECRET} but another`)).toBeNull();
    expect(await unseal("flow", sealed, z.object({ accounts: z.array(z.string()) }), SECRET)).toBeNull();
    const changed = sealed.slice(0, -4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await unseal("flow", changed, ZValue, SECRET)).toBeNull();
    expect(await unseal("flow", undefined, ZValue, SECRET)).toBeNull();
  });

  it("does not open once it has expired", async () => {
    const sealed = await seal("flow", { state: "s-1" }, SECRET, 60);
    vi.useFakeTimers({ now: Date.now() + 2 * 60_000 });
    try {
      expect(await unseal("flow", sealed, ZValue, SECRET)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
