import { describe, expect, it } from "vitest";
import { z } from "zod";

import { randomUuid } from "./random-uuid";

describe("randomUuid", () => {
  it("makes version-4 UUIDs that the servers' schemas accept, each different", () => {
    const ids = Array.from({ length: 200 }, randomUuid);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(z.uuid().safeParse(id).success).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});
