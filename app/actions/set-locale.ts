"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { commandAction } from "@/lib/entry/action.server";
import { LOCALE_COOKIE, ZLocale } from "@/lib/i18n";
import { setUserLocale } from "@/lib/users/set-user-locale";

const ONE_YEAR = 60 * 60 * 24 * 365;

/** Open to everyone: a signed-in user's choice is kept on the account, a visitor's in a cookie. */
export const setLocale = commandAction({ name: "locale.set", access: "public", args: [] }, async ({ actor, db, messages, formData }) => {
  const parsed = ZLocale.safeParse(formData.get("locale"));
  if (!parsed.success) return { error: messages.validation.invalidChoice };
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { maxAge: ONE_YEAR, sameSite: "lax", httpOnly: true, path: "/" });
  if (actor) await setUserLocale(db, actor, parsed.data);
  revalidatePath("/", "layout");
  return { error: null };
});
