import { DataTable } from "@/components/ui/DataTable";
import { backupOverview } from "@/lib/platform/backup/backup-downloads";
import { serverBackupSettings } from "@/lib/platform/backup/backup-settings";
import { page } from "@/lib/platform/entry-points/page.server";
import { formatMoment, formatNumber } from "@/lib/present/i18n/format";

/** The daily backups (SPEC §9): when each was made, and a download where the database is this clinic's alone. */
export default page({ name: "/admin/backups", access: "clinic-admin" }, async ({ actor, db, messages }) => {
  const text = messages.admin.backups;
  const overview = await backupOverview(db, actor, serverBackupSettings());
  const made = (at: Date) => formatMoment(at, actor.locale, true);
  const run = overview.lastRun;
  const status = !run
    ? text.empty
    : run.status === "FAILED"
      ? text.status.FAILED(made(run.finishedAt ?? run.startedAt), run.error ?? "?")
      : run.status === "RUNNING"
        ? text.status.RUNNING(made(run.startedAt))
        : text.status.SUCCEEDED(made(run.finishedAt ?? run.startedAt));
  return (
    <>
      <h1>{text.title}</h1>
      {/* The status in one sentence a clinic owner reads: the last backup, how it went, the next. */}
      <p
        className={run?.status === "FAILED" ? "form-error" : undefined}
        role={run?.status === "FAILED" ? "alert" : undefined}
        data-testid="backup-status"
      >
        {status} {text.next(made(overview.nextAt))}
      </p>
      <p>{text.intro(overview.keepDays)}</p>
      <p className="hint">{text.restore}</p>
      {!overview.downloadable && <p className="warning-box">{text.shared}</p>}
      {overview.backups.length > 0 && (
        <DataTable
          label={text.title}
          columns={[text.columns.made, text.columns.size, text.columns.file]}
          rows={overview.backups.map((backup) => ({
            key: backup.name,
            cells: [
              made(backup.createdAt),
              text.megabytes(formatNumber(backup.bytes / 1024 / 1024, actor.locale, 1)),
              overview.downloadable ? (
                <a
                  key="file"
                  href={`/admin/backups/${backup.name}`}
                  download
                  aria-label={text.download(made(backup.createdAt))}
                >
                  {backup.name}
                </a>
              ) : (
                backup.name
              ),
            ],
          }))}
        />
      )}
    </>
  );
});
