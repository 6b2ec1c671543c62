import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session.server";
import { homePath } from "@/lib/auth/permissions";

export default async function Home() {
  const actor = await getActor();
  redirect(actor ? homePath(actor.role) : "/sign-in");
}
