import { redirect } from "next/navigation";

import { homePath } from "@/lib/auth/permissions";
import { page } from "@/lib/entry/page.server";

/** The start address: a signed-in user's own start page, else sign-in. */
export default page({ name: "/", access: "public" }, async ({ actor }) =>
  redirect(actor ? homePath(actor) : "/sign-in"),
);
