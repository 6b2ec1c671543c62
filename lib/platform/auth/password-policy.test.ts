import { describe, expect, it } from "vitest";

import { fieldErrorsOf } from "../../present/forms/form-input";
import { isCommonPassword, ZNewPassword } from "./password-policy";

describe("password policy", () => {
  it("refuses common passwords, with endings added and repeated patterns", () => {
    for (const password of [
      "qwerty123456",
      "1q2w3e4r5t6y",
      "Password1234!",
      "sunshine2026!!",
      "abcabcabcabc",
      "zzzzzzzzzzzz",
    ]) {
      expect(isCommonPassword(password), password).toBe(true);
    }
    for (const password of ["hælløft på trappetrin", "correct-Horse-battery-7", "Fysio i Aarhus 2026"]) {
      expect(isCommonPassword(password), password).toBe(false);
    }
  });

  it("reports each problem as a field error code", () => {
    const errors = (password: string, confirmPassword = password) => {
      const parsed = ZNewPassword.safeParse({ password, confirmPassword });
      return parsed.success ? {} : fieldErrorsOf(parsed.error);
    };
    expect(errors("kort")).toEqual({ password: "passwordTooShort" });
    expect(errors("qwerty123456")).toEqual({ password: "commonPassword" });
    expect(errors("hælløft på trappetrin", "hælløft på trappen")).toEqual({ confirmPassword: "passwordMismatch" });
    expect(errors("hælløft på trappetrin")).toEqual({});
  });
});
