"use server";
import { revalidatePath } from "next/cache";
import { after } from "next/server";

import { waitSentence } from "@/lib/auth/throttled";
import { deliverEmailInBackground } from "@/lib/email/delivery-runner.server";
import { formAction } from "@/lib/entry/action.server";
import { errorTexts } from "@/lib/forms/error-text";
import { appUrl } from "@/lib/http/app-url.server";
import { clientIp } from "@/lib/http/client-ip.server";
import { rememberLocale } from "@/lib/i18n/locale.server";
import { requestPasswordReset } from "@/lib/users/forgot-password";
import { ACCOUNT_FIELDS, changeOwnPassword, updateOwnProfile } from "@/lib/users/own-account";

export const saveOwnProfileAction = formAction(
  { name: "account.saveProfile", access: "own-account", args: [] },
  async ({ actor, db, messages, values, answer }) => {
    const result = await updateOwnProfile(db, actor, values);
    if (result.status === "invalid")
      return answer({
        errors: errorTexts(result.fieldErrors, messages, ACCOUNT_FIELDS),
        formError: messages.validation.summary,
      });
    // The new language at once, in this browser too (it is read from the cookie before sign-in).
    await rememberLocale(result.locale);
    revalidatePath("/", "layout");
    return answer({ notice: messages.account.profileSaved });
  },
);

export const changeOwnPasswordAction = formAction(
  { name: "account.changePassword", access: "own-account", args: [] },
  async ({ actor, db, messages, values, answer }) => {
    const result = await changeOwnPassword(db, actor, values, new Date());
    // Passwords are never sent back to the form.
    if (result.status === "invalid")
      return answer({
        values: {},
        errors: errorTexts(result.fieldErrors, messages),
        formError: messages.validation.summary,
      });
    if (result.status === "throttled")
      return answer({ values: {}, formError: waitSentence(messages, result.retryAfterMs) });
    return answer({ values: {}, notice: messages.account.passwordSaved });
  },
);

/** "Forgot your password": the same answer whether or not the address has an account. */
export const requestPasswordResetAction = formAction(
  { name: "account.requestPasswordReset", access: "public", args: [] },
  async ({ db, messages, values, answer }) => {
    const result = await requestPasswordReset(db, values, new Date(), await appUrl(), await clientIp());
    if (result.status === "invalid")
      return answer({ errors: errorTexts(result.fieldErrors, messages), formError: messages.validation.summary });
    if (result.status === "throttled") return answer({ formError: waitSentence(messages, result.retryAfterMs) });
    // The account's link is made after the answer, so the answer takes as long for every address.
    after(async () => {
      await result.send();
      deliverEmailInBackground();
    });
    return answer({ notice: messages.forgotPassword.sent });
  },
);
