// What a new password must be (SPEC §8): at least 12 characters and not one of the
// passwords attackers try first. The list is zxcvbn-ts's common-password dictionary (about
// 49,000 entries from real breaches), so nothing is sent anywhere to check it.
import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

import { MIN_PASSWORD_LENGTH } from "./password-length";

export { MIN_PASSWORD_LENGTH };
const MAX_PASSWORD_LENGTH = 200;

let common: Set<string> | undefined;

/**
 * True for a password that is common, or a common one with digits or symbols added at the
 * end (e.g. "password1234!"), or one character or a short group repeated.
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"]);
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, "");
  const repeated = /^(.{1,4})\1+$/u.test(lower);
  return common.has(lower) || (stem.length >= 4 && common.has(stem)) || repeated;
}

/** A new password and its confirmation, as error codes the forms translate. */
export const ZNewPassword = z
  .object({
    password: z
      .string({ error: "required" })
      .min(1, "required")
      .min(MIN_PASSWORD_LENGTH, "passwordTooShort")
      .max(MAX_PASSWORD_LENGTH, "tooLong")
      .refine((password) => !isCommonPassword(password), "commonPassword"),
    confirmPassword: z.string({ error: "required" }).min(1, "required"),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "passwordMismatch" });
