"use server";
import { revalidatePath } from "next/cache";
import { after } from "next/server";

import { waitSentence } from "@/lib/platform/auth/throttled";
import { formAction } from "@/lib/platform/entry-points/action.server";
import { appUrl } from "@/lib/platform/http/app-url.server";
import { clientIp } from "@/lib/platform/http/client-ip.server";
import { errorTexts } from "@/lib/present/forms/error-text";
import { rememberLocale } from "@/lib/present/i18n/locale.server";
import { deliverEmailInBackground } from "@/lib/server/email/delivery-runner.server";
import { requestPasswordReset } from "@/lib/server/users/forgot-password";
import { ACCOUNT_FIELDS, changeOwnPassword, updateOwnProfile } from "@/lib/server/users/own-account";

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
