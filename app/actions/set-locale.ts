"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/app-db.server";
import { LOCALE_COOKIE, ZLocale } from "@/lib/i18n";
import { setUserLocale } from "@/lib/users/set-user-locale";

const ONE_YEAR = 60 * 60 * 24 * 365;

/** Open to everyone: a signed-in user's choice is kept on the account, a visitor's in a cookie. */
export async function setLocale(formData: FormData) {
  const parsed = ZLocale.safeParse(formData.get("locale"));
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data, {
    maxAge: ONE_YEAR,
    sameSite: "lax",
    httpOnly: true,
    path: "/",
  });
  const actor = await getActor();
  if (actor) await setUserLocale(await getDb(), actor, parsed.data);
  revalidatePath("/", "layout");
}
