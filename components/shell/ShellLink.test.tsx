import { describe, expect, it } from "vitest";

import { currentPlace, type ShellPlace } from "./ShellLink";

const CLINIC: ShellPlace[] = [
  { href: "/caseload", also: ["/patients"] },
  { href: "/flags" },
  { href: "/settings" },
  { href: "/admin/outbox" },
  { href: "/account" },
];
const PORTAL: ShellPlace[] = [
  { href: "/portal" },
  { href: "/portal/messages" },
  { href: "/portal/learn" },
  { href: "/account", also: ["/portal/erasure"] },
];

describe("currentPlace", () => {
  it("is the place whose address is the page's, or the longest one it continues", () => {
    expect(currentPlace("/caseload", CLINIC)).toBe("/caseload");
    expect(currentPlace("/flags/0f6c1f3e-8f43-4c2c-9d55-6d1f0d8a4b21", CLINIC)).toBe("/flags");
    expect(currentPlace("/settings/templates", CLINIC)).toBe("/settings");
    expect(currentPlace("/admin/outbox/0f6c1f3e", CLINIC)).toBe("/admin/outbox");
    expect(currentPlace("/portal/learn", PORTAL)).toBe("/portal/learn");
    expect(currentPlace("/portal/messages", PORTAL)).toBe("/portal/messages");
    expect(currentPlace("/portal/handout", PORTAL)).toBe("/portal");
    expect(currentPlace("/account", PORTAL)).toBe("/account");
    // Erasure is asked for from the patient's account, not from the plan.
    expect(currentPlace("/portal/erasure", PORTAL)).toBe("/account");
    expect(currentPlace("/portal", PORTAL)).toBe("/portal");
  });

  it("counts a place's other addresses as the place: a patient's pages are the caseload's", () => {
    expect(currentPlace("/patients/new", CLINIC)).toBe("/caseload");
    expect(currentPlace("/patients/0f6c1f3e/records/outcome/new", CLINIC)).toBe("/caseload");
  });

  it("matches whole segments only, and nothing outside the places", () => {
    expect(currentPlace("/flagsx", CLINIC)).toBeNull();
    expect(currentPlace("/portalx", PORTAL)).toBeNull();
    expect(currentPlace("/reports", CLINIC)).toBeNull();
  });
});
