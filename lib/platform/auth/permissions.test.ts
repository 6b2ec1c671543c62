import { describe, expect, it } from "vitest";

import type { Role } from "../../generated/prisma/enums";
import { isAppError } from "../errors";
import { assertCan, can, homePath, type Permission } from "./permissions";

const matrix: Record<Role, Record<Permission, boolean>> = {
  ADMIN: {
    "clinic-patients": true,
    "own-record": false,
    "clinic-admin": true,
    "own-caseload": false,
    "own-account": true,
  },
  CLINICIAN: {
    "clinic-patients": true,
    "own-record": false,
    "clinic-admin": false,
    "own-caseload": true,
    "own-account": true,
  },
  PATIENT: {
    "clinic-patients": false,
    "own-record": true,
    "clinic-admin": false,
    "own-caseload": false,
    "own-account": true,
  },
};

describe("permissions", () => {
  for (const [role, permissions] of Object.entries(matrix) as [Role, Record<Permission, boolean>][]) {
    for (const [permission, allowed] of Object.entries(permissions) as [Permission, boolean][]) {
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can({ role }, permission)).toBe(allowed);
        if (allowed) expect(() => assertCan({ role }, permission)).not.toThrow();
        else expect(() => assertCan({ role }, permission)).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
      });
    }
  }

  it("refuses with NOT_FOUND, so no one learns that a record exists", () => {
    let thrown: unknown;
    try {
      assertCan({ role: "PATIENT" }, "clinic-admin");
    } catch (error) {
      thrown = error;
    }
    expect(isAppError(thrown, "NOT_FOUND")).toBe(true);
  });

  it("sends patients to the portal and staff to the caseload", () => {
    expect(homePath({ role: "PATIENT" })).toBe("/portal");
    expect(homePath({ role: "CLINICIAN" })).toBe("/caseload");
    expect(homePath({ role: "ADMIN" })).toBe("/caseload");
  });
});
