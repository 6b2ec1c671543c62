import type { Actor } from "@/lib/platform/auth/actor";
import { can } from "@/lib/platform/auth/permissions";
import { formatDate, formatMoment } from "@/lib/present/i18n/format";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";
import type { DataRights } from "@/lib/server/retention/data-rights";
import { HOLD_KINDS } from "@/lib/server/retention/record-holds";
import { RETENTION_YEARS } from "@/lib/server/retention/retention-period";

import type { CommandAction } from "../action-types";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { DataTable } from "../ui/DataTable";
import { SelectField } from "../ui/SelectField";

/**
 * Retention and erasure on the patient page (SPEC §9), kept to a line or two: until when the
 * record is kept and why; the erasure requests and holds, when there are any, fold out.
 */
export async function DataRightsSection({
  patientId,
  rights,
  actor,
  actions,
}: {
  patientId: string;
  rights: DataRights;
  actor: Actor;
  /** From the page (app/actions/retention.ts); bound here to the patient and each hold. */
  actions: {
    recordRequest: CommandAction<[patientId: string]>;
    placeHold: CommandAction<[patientId: string]>;
    releaseHold: CommandAction<[patientId: string, holdId: string]>;
  };
}) {
  const messages = await getRequestMessages();
  const text = messages.retention;
  const locale = actor.locale;
  const admin = can(actor, "clinic-admin");
  const openHolds = rights.holds.filter((hold) => hold.releasedAt === null);
  return (
    <section aria-labelledby="retention-heading" className="panel">
      <div className="panel-heading">
        <h2 id="retention-heading">{text.title}</h2>
        <div className="heading-actions">
          {!rights.processingStoppedAt && (
            <ConfirmDialog
              trigger={text.record.trigger}
              title={text.record.title}
              body={text.record.body(RETENTION_YEARS)}
              confirm={text.record.confirm}
              cancel={text.cancel}
              action={actions.recordRequest.bind(null, patientId)}
            />
          )}
          {admin && (
            <ConfirmDialog
              trigger={text.place.trigger}
              title={text.place.title}
              body={text.place.body}
              confirm={text.place.confirm}
              cancel={text.cancel}
              action={actions.placeHold.bind(null, patientId)}
            >
              <SelectField
                id="kind"
                label={text.place.kind}
                options={HOLD_KINDS.map((kind) => ({ value: kind, label: text.holdKind[kind] }))}
                required
              />
            </ConfirmDialog>
          )}
        </div>
      </div>
      <p>
        {text.summary(
          formatDate(rights.retainUntil, locale),
          formatMoment(rights.lastEntryAt, locale),
          RETENTION_YEARS,
        )}
        {openHolds.length > 0 &&
          ` ${text.heldFor(openHolds.map((hold) => text.holdKind[hold.kind].toLowerCase()).join(", "))}`}
      </p>
      {(rights.requests.length > 0 || rights.holds.length > 0) && (
        <details className="disclosure">
          <summary>{text.history(rights.requests.length, rights.holds.length)}</summary>
          {rights.requests.length > 0 && (
            <DataTable
              label={text.requests}
              columns={[text.requestColumns.date, text.requestColumns.channel, text.requestColumns.outcome]}
              rows={rights.requests.map((request) => ({
                key: request.id,
                cells: [
                  formatMoment(request.requestedAt, locale),
                  text.channel[request.channel],
                  request.outcome === "ERASED"
                    ? text.outcome.ERASED
                    : text.outcome.RESTRICTED(formatDate(request.retainUntil, locale)),
                ],
              }))}
            />
          )}
          {rights.holds.length > 0 && (
            <ul className="hold-list" aria-label={text.holds}>
              {rights.holds.map((hold) => (
                <li key={hold.id}>
                  <strong>{text.holdKind[hold.kind]}</strong>:{" "}
                  {hold.releasedAt
                    ? text.holdReleased(formatMoment(hold.placedAt, locale), formatMoment(hold.releasedAt, locale))
                    : text.holdOpen(formatMoment(hold.placedAt, locale))}
                  {admin && !hold.releasedAt && (
                    <ConfirmDialog
                      trigger={text.release.trigger}
                      triggerClassName="button quiet"
                      title={text.release.title}
                      body={text.release.body}
                      confirm={text.release.confirm}
                      cancel={text.cancel}
                      action={actions.releaseHold.bind(null, patientId, hold.id)}
                    />
                  )}
                </li>
              ))}
            </ul>
          )}
        </details>
      )}
    </section>
  );
}
