import { getDb } from "@/lib/db/app-db.server";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth(getDb);
  return Response.json(health, {
    status: health.db === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
