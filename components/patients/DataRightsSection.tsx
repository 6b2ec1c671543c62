import { placeHoldAction, recordErasureRequestAction, releaseHoldAction } from "@/app/actions/retention";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { Messages } from "@/lib/i18n";
import { formatDate, formatMoment } from "@/lib/i18n/format";
import type { DataRights } from "@/lib/retention/data-rights";
import { HOLD_KINDS } from "@/lib/retention/record-holds";
import { RETENTION_YEARS } from "@/lib/retention/retention-period";
import { ConfirmDialog } from "../ConfirmDialog";
import { DataTable } from "../DataTable";
import { DetailsList } from "../DetailsList";
import { SelectField } from "../SelectField";

/**
 * Retention and erasure on the patient page (SPEC §9): how long the record is kept, the
 * patient's erasure requests with their outcome, and the holds an admin places while a case is open.
 */
export function DataRightsSection({ patientId, rights, actor, messages }: { patientId: string; rights: DataRights; actor: Actor; messages: Messages }) {
  const text = messages.retention;
  const locale = actor.locale;
  const admin = can(actor, "clinic-admin");
  const openHold = rights.holds.some((hold) => hold.releasedAt === null);
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
              action={recordErasureRequestAction.bind(null, patientId)}
            />
          )}
          {admin && (
            <ConfirmDialog trigger={text.place.trigger} title={text.place.title} body={text.place.body} confirm={text.place.confirm} cancel={text.cancel} action={placeHoldAction.bind(null, patientId)}>
              <SelectField id="kind" label={text.place.kind} options={HOLD_KINDS.map((kind) => ({ value: kind, label: text.holdKind[kind] }))} required />
            </ConfirmDialog>
          )}
        </div>
      </div>
      <DetailsList
        compact
        items={[
          [text.lastEntry, formatMoment(rights.lastEntryAt, locale)],
          [text.keptUntil, openHold ? `${formatDate(rights.retainUntil, locale)} · ${text.holds}: ${rights.holds.filter((hold) => !hold.releasedAt).map((hold) => text.holdKind[hold.kind]).join(", ")}` : formatDate(rights.retainUntil, locale)],
        ]}
      />
      {rights.requests.length > 0 && (
        <DataTable
          label={text.requests}
          columns={[text.requestColumns.date, text.requestColumns.channel, text.requestColumns.outcome]}
          rows={rights.requests.map((request) => ({
            key: request.id,
            cells: [formatMoment(request.requestedAt, locale), text.channel[request.channel], request.outcome === "ERASED" ? text.outcome.ERASED : text.outcome.RESTRICTED(formatDate(request.retainUntil, locale))],
          }))}
        />
      )}
      <h3>{text.holds}</h3>
      <p className="hint">{text.holdHint}</p>
      {rights.holds.length === 0 ? (
        <p>{text.noHolds}</p>
      ) : (
        <ul className="hold-list">
          {rights.holds.map((hold) => (
            <li key={hold.id}>
              <strong>{text.holdKind[hold.kind]}</strong>:{" "}
              {hold.releasedAt ? text.holdReleased(formatMoment(hold.placedAt, locale), formatMoment(hold.releasedAt, locale)) : text.holdOpen(formatMoment(hold.placedAt, locale))}
              {admin && !hold.releasedAt && (
                <ConfirmDialog
                  trigger={text.release.trigger}
                  triggerClassName="button quiet"
                  title={text.release.title}
                  body={text.release.body}
                  confirm={text.release.confirm}
                  cancel={text.cancel}
                  action={releaseHoldAction.bind(null, patientId, hold.id)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
