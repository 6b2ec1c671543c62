import { exportAuditEvents, ZAuditSearch } from "@/lib/platform/audit/audit-log";
import { csvHeaders, toDanishCsv } from "@/lib/platform/csv/danish-csv";
import { isoDate, today } from "@/lib/platform/dates";
import { route } from "@/lib/platform/entry-points/route.server";
import { settingChangesText } from "@/lib/present/settings/rule-setting-fields";

/** The audit log's view of the URL's query, every page, as the Danish CSV. The export is audited. */
export const GET = route(
  { name: "/admin/audit/export", access: "clinic-admin", query: ZAuditSearch },
  async ({ actor, database, readDatabase, messages, query }) => {
    const text = messages.admin.audit;
    const rows = await exportAuditEvents(await database(), actor, query, await readDatabase());
    const columns = text.columns;
    const csv = toDanishCsv(
      [
        columns.when,
        columns.who,
        columns.userRole,
        columns.action,
        columns.entity,
        columns.record,
        columns.patient,
        columns.address,
        columns.changes,
      ],
      rows.map((row) => [
        row.at.toISOString(),
        row.actorName,
        row.actorRole ? messages.roles[row.actorRole] : "",
        text.actions[row.action],
        text.entities[row.entity] ?? row.entity,
        row.entityId,
        row.subject ?? "",
        row.ip ?? "",
        row.changes ? settingChangesText(row.changes, messages, actor.locale) : "",
      ]),
    );
    return new Response(csv, { headers: csvHeaders(`audit-${isoDate(today(actor.timeZone))}.csv`) });
  },
);
