import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { birthDatesOf, cprCentury, cprDatePart, cprSex, formatCpr, looksLikeCpr, maskedCpr, parseCpr } from "./cpr";

const date = (ymd: string) => new Date(`${ymd}T00:00:00Z`);

describe("CPR numbers", () => {
  it("reads DDMMYY-SSSS with or without the dash and gives the birth date", () => {
    expect(parseCpr("010203-1234")).toEqual({ ok: true, digits: "0102031234", birthDate: date("1903-02-01") });
    expect(parseCpr(" 0102031234 ")).toEqual({ ok: true, digits: "0102031234", birthDate: date("1903-02-01") });
  });

  it("takes the century from the seventh digit and the year, as the CPR office defines it", () => {
    // Seventh digit 0–3: 1900s.
    expect(parseCpr("010150-3000")).toMatchObject({ birthDate: date("1950-01-01") });
    // 4 and 9: 2000–2036, else 1937–1999.
    expect(parseCpr("010136-4000")).toMatchObject({ birthDate: date("2036-01-01") });
    expect(parseCpr("010137-4000")).toMatchObject({ birthDate: date("1937-01-01") });
    expect(parseCpr("010105-9000")).toMatchObject({ birthDate: date("2005-01-01") });
    expect(parseCpr("010199-9000")).toMatchObject({ birthDate: date("1999-01-01") });
    // 5–8: 2000–2057, else 1858–1899.
    expect(parseCpr("010157-5000")).toMatchObject({ birthDate: date("2057-01-01") });
    expect(parseCpr("010158-8000")).toMatchObject({ birthDate: date("1858-01-01") });
    expect([0, 3, 4, 5, 8, 9].map((seventh) => cprCentury(seventh, 40))).toEqual([1900, 1900, 1900, 2000, 2000, 1900]);
  });

  it("suggests the sex the number was issued for: even last digit a woman, odd a man", () => {
    expect(cprSex("1204751236")).toBe("FEMALE");
    expect(cprSex("1204751237")).toBe("MALE");
  });

  it("needs no modulus-11 check (numbers since 2007 fail it)", () => {
    // The weighted sum (4, 3, 2, 7, 6, 5, 4, 3, 2, 1) of 070761-4286 is 155, not a multiple of 11.
    expect(parseCpr("070761-4286").ok).toBe(true);
  });

  it("refuses a wrong shape or a date that does not exist", () => {
    expect(parseCpr("01020-31234")).toEqual({ ok: false, error: "invalidCpr" });
    expect(parseCpr("0102031234x")).toEqual({ ok: false, error: "invalidCpr" });
    expect(parseCpr("")).toEqual({ ok: false, error: "invalidCpr" });
    expect(parseCpr("310275-1234")).toEqual({ ok: false, error: "invalidCprDate" });
    expect(parseCpr("290201-1234")).toEqual({ ok: false, error: "invalidCprDate" });
    // 2000 was a leap year (seventh digit 4, year 00).
    expect(parseCpr("290200-4234")).toMatchObject({ ok: true, birthDate: date("2000-02-29") });
    expect(parseCpr("001290-1234")).toEqual({ ok: false, error: "invalidCprDate" });
  });

  it("writes, masks and recognises numbers", () => {
    expect(formatCpr("0102031234")).toBe("010203-1234");
    expect(cprDatePart(date("1977-05-16"))).toBe("160577");
    expect(maskedCpr(date("1977-05-16"))).toBe("160577-••••");
    expect(looksLikeCpr("160577-1234")).toBe(true);
    expect(looksLikeCpr("1605771234")).toBe(true);
    expect(looksLikeCpr("Anders")).toBe(false);
  });

  it("gives back the birth date it was made from, for every date and serial", () => {
    fc.assert(
      fc.property(
        fc.date({ min: date("1858-01-01"), max: date("2057-12-31"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        (day, serial) => {
          const birthDate = date(day.toISOString().slice(0, 10));
          const year = birthDate.getUTCFullYear();
          // A seventh digit that gives this century for this two-digit year.
          const seventh = [0, 4, 5, 9].find((d) => cprCentury(d, year % 100) + (year % 100) === year);
          fc.pre(seventh !== undefined);
          const parsed = parseCpr(`${cprDatePart(birthDate)}-${seventh}${String(serial).padStart(3, "0")}`);
          expect(parsed).toMatchObject({ ok: true, birthDate });
        },
      ),
    );
  });
});

describe("birthDatesOf", () => {
  it("reads DDMMYY in both centuries, and DD-MM-YYYY or DD.MM.YYYY as written", () => {
    expect(birthDatesOf("120583")).toEqual(["1983-05-12", "2083-05-12"]);
    expect(birthDatesOf(" 12-05-1983 ")).toEqual(["1983-05-12"]);
    expect(birthDatesOf("12.05.1983")).toEqual(["1983-05-12"]);
  });

  it("is nothing for a name, a CPR number or a date that does not exist", () => {
    expect(birthDatesOf("Mette")).toEqual([]);
    expect(birthDatesOf("120583-1234")).toEqual([]);
    expect(birthDatesOf("310283")).toEqual([]);
  });
});
