"use server";
import { revalidatePath } from "next/cache";

import { commandAction } from "@/lib/platform/entry-points/action.server";
import { ZLocale } from "@/lib/present/i18n";
import { rememberLocale } from "@/lib/present/i18n/locale.server";
import { setUserLocale } from "@/lib/server/users/set-user-locale";

/** Open to everyone: a signed-in user's choice is kept on the account, a visitor's in a cookie. */
export const setLocale = commandAction(
  { name: "locale.set", access: "public", args: [] },
  async ({ actor, db, messages, formData }) => {
    const parsed = ZLocale.safeParse(formData.get("locale"));
    if (!parsed.success) return { error: messages.validation.invalidChoice };
    await rememberLocale(parsed.data);
    if (actor) await setUserLocale(db, actor, parsed.data);
    revalidatePath("/", "layout");
    return { error: null };
  },
);
