import { describe, expect, it } from "vitest";

import { fieldErrorsOf } from "../../present/forms/form-input";
import { normaliseIcd10, normaliseUuid, zReferralInput } from "./referral-input";

const today = () => new Date("2026-12-06T00:00:00.000Z");
const start = new Date("2026-11-01T00:00:00.000Z");
const valid = { referralDate: "20-10-2026", doctorName: "Anne Holm", diagnosisText: "Hælsmerter" };

describe("a referral's codes", () => {
  it("reads ICD-10 in the WHO form and the Danish SKS form, and keeps the WHO form", () => {
    expect(normaliseIcd10("M72.2")).toBe("M72.2");
    expect(normaliseIcd10("m72.2")).toBe("M72.2");
    expect(normaliseIcd10("DM722")).toBe("M72.2");
    expect(normaliseIcd10("DM72.2")).toBe("M72.2");
    expect(normaliseIcd10(" M77.3 ")).toBe("M77.3");
    expect(normaliseIcd10("M722")).toBe("M72.2");
    expect(normaliseIcd10("M72")).toBe("M72");
    // D12.3 is a WHO code of its own (chapter D), not SKS for "12.3".
    expect(normaliseIcd10("D12.3")).toBe("D12.3");
    expect(normaliseIcd10("DD123")).toBe("D12.3");
    for (const bad of ["72.2", "MM72", "M7", "M72.2.1", "DM722A", "hælspore", ""])
      expect(normaliseIcd10(bad), bad).toBeNull();
  });

  it("takes a UUID of any version, also as urn:uuid:, in lower case", () => {
    expect(normaliseUuid("6F1C2D3E-4B5A-4C6D-8E7F-9A0B1C2D3E4F")).toBe("6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f");
    expect(normaliseUuid("urn:uuid:6f1c2d3e-4b5a-1c6d-0e7f-9a0b1c2d3e4f")).toBe("6f1c2d3e-4b5a-1c6d-0e7f-9a0b1c2d3e4f");
    for (const bad of ["6f1c2d3e4b5a4c6d8e7f9a0b1c2d3e4f", "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4", "g".repeat(36), ""])
      expect(normaliseUuid(bad), bad).toBeNull();
  });
});

describe("a referral's fields", () => {
  const parse = (raw: Record<string, string | undefined>, treatmentStart: Date | null = start) =>
    zReferralInput(today, treatmentStart).safeParse(raw);
  const errors = (raw: Record<string, string | undefined>, treatmentStart: Date | null = start) => {
    const result = parse(raw, treatmentStart);
    return result.success ? {} : fieldErrorsOf(result.error);
  };

  it("stores what is given, normalised, and empty optional fields as null", () => {
    const result = parse({
      ...valid,
      practice: "Lægerne i Vestergade",
      doctorPhone: "86 20 30 40",
      locationNumber: "5790 0012 3456 7",
      icd10Code: "DM722",
      referenceId: "6F1C2D3E-4B5A-4C6D-8E7F-9A0B1C2D3E4F",
      vederlagsfri: "on",
    });
    expect(result.data).toEqual({
      referralDate: new Date("2026-10-20T00:00:00.000Z"),
      doctorName: "Anne Holm",
      practice: "Lægerne i Vestergade",
      doctorPhone: "86 20 30 40",
      locationNumber: "5790001234567",
      diagnosisText: "Hælsmerter",
      icd10Code: "M72.2",
      referenceId: "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
      vederlagsfri: true,
    });
    expect(parse(valid).data).toMatchObject({
      practice: null,
      doctorPhone: null,
      locationNumber: null,
      icd10Code: null,
      referenceId: null,
      vederlagsfri: false,
    });
  });

  it("says what is wrong field by field", () => {
    expect(
      errors({
        referralDate: "31-02-2026",
        doctorName: undefined,
        diagnosisText: undefined,
        doctorPhone: "12 34",
        locationNumber: "579000123456",
        icd10Code: "hælspore",
        referenceId: "REF07-123",
      }),
    ).toEqual({
      referralDate: "invalidDate",
      doctorName: "required",
      diagnosisText: "required",
      doctorPhone: "invalidPhone",
      locationNumber: "invalidLocationNumber",
      icd10Code: "invalidIcd10",
      referenceId: "invalidUuid",
    });
    expect(errors({ ...valid, locationNumber: "57900012345678" })).toEqual({ locationNumber: "invalidLocationNumber" });
    expect(errors({ ...valid, doctorName: "x".repeat(121) })).toEqual({ doctorName: "tooLong" });
  });

  it("bounds the date: not in the future, at most 30 days after the start, at most a year before it", () => {
    expect(errors({ ...valid, referralDate: "07-12-2026" })).toEqual({ referralDate: "futureDate" });
    expect(errors({ ...valid, referralDate: "02-12-2026" })).toEqual({ referralDate: "referralAfterStart" });
    expect(errors({ ...valid, referralDate: "01-12-2026" })).toEqual({});
    // The open-episode form's own start date not valid yet: only today bounds it.
    expect(errors({ ...valid, referralDate: "02-12-2026" }, null)).toEqual({});
    expect(errors({ ...valid, referralDate: "31-10-2025" })).toEqual({ referralDate: "referralTooOld" });
    expect(errors({ ...valid, referralDate: "01-11-2025" })).toEqual({});
  });
});
