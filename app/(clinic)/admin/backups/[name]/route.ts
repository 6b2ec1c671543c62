import { z } from "zod";

import { downloadBackup } from "@/lib/platform/backup/backup-downloads";
import { serverBackupSettings } from "@/lib/platform/backup/backup-settings";
import { route } from "@/lib/platform/entry-points/route.server";
import { AppError } from "@/lib/platform/errors";

const ZParams = z.object({ name: z.string().max(64) });

/** One daily backup as a file (SPEC §9). The service checks the name, the role and the clinic, and audits the download. */
export const GET = route(
  { name: "/admin/backups/[name]", access: "clinic-admin" },
  async ({ actor, database, params }) => {
    const parsed = ZParams.safeParse(await params);
    if (!parsed.success) throw new AppError("NOT_FOUND");
    const file = await downloadBackup(await database(), actor, serverBackupSettings(), parsed.data.name);
    return new Response(file.body, {
      headers: {
        "content-type": "application/sql; charset=utf-8",
        "content-length": String(file.bytes),
        "content-disposition": `attachment; filename="${file.name}"`,
        "cache-control": "no-store",
      },
    });
  },
);
