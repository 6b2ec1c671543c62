import { redirect } from "next/navigation";

import { homePath } from "@/lib/platform/auth/permissions";
import { page } from "@/lib/platform/entry-points/page.server";

/** The start address: a signed-in user's own start page, else sign-in. */
export default page({ name: "/", access: "public" }, async ({ actor }) =>
  redirect(actor ? homePath(actor) : "/sign-in"),
);
