import { describe, expect, it } from "vitest";

import { parseCpr } from "../../platform/cpr/cpr";
import { syntheticCprs } from "./synthetic-cpr";

const date = (ymd: string) => new Date(`${ymd}T00:00:00Z`);

describe("synthetic CPR numbers", () => {
  it("state the birth date they were made for, in every century the CPR office covers", () => {
    const next = syntheticCprs();
    for (const ymd of ["1890-03-04", "1936-12-31", "1977-05-16", "2001-01-01", "2040-06-30"]) {
      expect(parseCpr(next(date(ymd), 17))).toMatchObject({ ok: true, birthDate: date(ymd) });
    }
  });

  it("never give out one number twice, even for the same date and seed", () => {
    const next = syntheticCprs();
    const numbers = Array.from({ length: 500 }, () => next(date("1980-02-29"), 3));
    expect(new Set(numbers).size).toBe(500);
  });
});
