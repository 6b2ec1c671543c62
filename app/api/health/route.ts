import { replicaHealth } from "@/lib/platform/db/app-db.server";
import { route } from "@/lib/platform/entry-points/route.server";
import { checkHealth } from "@/lib/platform/health";

export const dynamic = "force-dynamic";

/** Whether the server, its database and the database's replica answer; public, and says nothing else. */
export const GET = route({ name: "/api/health", access: "public" }, async ({ database }) => {
  const health = await checkHealth(database, replicaHealth);
  return Response.json(health, { status: health.db === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
});
