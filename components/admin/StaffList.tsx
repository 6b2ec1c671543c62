import type { Locale } from "@/lib/generated/prisma/enums";
import type { Messages } from "@/lib/present/i18n";
import { formatMoment } from "@/lib/present/i18n/format";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";
import { type listStaff, STAFF_ROLES } from "@/lib/server/users/staff-admin";

import type { FormAction } from "../action-types";
import { InviteStaffForm, StaffActions } from "./StaffForms";

type Staff = Awaited<ReturnType<typeof listStaff>>;

const roleOptions = (messages: Messages) => STAFF_ROLES.map((role) => ({ value: role, label: messages.roles[role] }));

/** The clinic's staff as cards (they fit a phone), each with its actions. */
export async function StaffList({
  users,
  selfId,
  actions,
}: {
  users: Staff["users"];
  selfId: string;
  /** From the page (app/actions/staff.ts); bound here to each user. */
  actions: Record<"changeRole" | "deactivate" | "reactivate" | "sendReset", FormAction<[userId: string]>>;
}) {
  const messages = await getRequestMessages();
  const text = messages.admin.users;
  const roles = roleOptions(messages);
  return (
    <ul className="staff-list">
      {users.map((user) => (
        <li key={user.id} className="panel" data-testid="staff-member" data-active={user.active}>
          <p className="staff-name">
            {user.name}
            {user.id === selfId && <span className="muted"> ({text.you})</span>}
          </p>
          <p className="cell-sub">{user.email}</p>
          <p>
            <span className="role-badge">{messages.roles[user.role]}</span>{" "}
            <span className={user.active ? "" : "status-closed"}>{user.active ? text.active : text.inactive}</span>
          </p>
          <StaffActions
            id={user.id}
            name={user.name}
            role={user.role}
            active={user.active}
            roles={roles}
            actions={{
              changeRole: actions.changeRole.bind(null, user.id),
              deactivate: actions.deactivate.bind(null, user.id),
              reactivate: actions.reactivate.bind(null, user.id),
              sendReset: actions.sendReset.bind(null, user.id),
            }}
          />
        </li>
      ))}
    </ul>
  );
}

/** Inviting a clinician or admin, and the invitations still open. */
export async function StaffInvitations({
  invites,
  locale,
  invite,
}: {
  invites: Staff["invites"];
  locale: Locale;
  /** From the page (app/actions/staff.ts). */
  invite: FormAction;
}) {
  const messages = await getRequestMessages();
  const text = messages.admin.users;
  return (
    <>
      <InviteStaffForm
        action={invite}
        roles={roleOptions(messages)}

        defaultLanguage={locale}
      />
      <h3>{text.pendingTitle}</h3>
      {invites.length === 0 ? (
        <p>{text.noPending}</p>
      ) : (
        <ul data-testid="open-invitations">
          {invites.map((invite) => (
            <li key={invite.id}>
              {invite.name} ({invite.email}), {messages.roles[invite.role!]},{" "}
              {text.pendingUntil(formatMoment(invite.expiresAt, locale, true))}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
