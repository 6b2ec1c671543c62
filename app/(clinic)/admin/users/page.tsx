import { changeStaffRoleAction, deactivateStaffAction, inviteStaffAction, reactivateStaffAction, sendStaffPasswordResetAction } from "@/app/actions/staff";
import { AppShell } from "@/components/AppShell";
import { InviteStaffForm, StaffActions } from "@/components/admin/StaffForms";
import { page } from "@/lib/entry/page.server";
import { LOCALES } from "@/lib/i18n";
import { formatMoment } from "@/lib/i18n/format";
import { listStaff, STAFF_ROLES } from "@/lib/users/staff-admin";

/** Staff administration (SPEC §7 Admin): who works in the clinic, with what role, and invitations. */
export default page({ name: "/admin/users", access: "clinic-admin" }, async ({ actor, db, messages }) => {
  const text = messages.admin.users;
  const { users, invites } = await listStaff(db, actor, new Date());
  const roles = STAFF_ROLES.map((role) => ({ value: role, label: messages.roles[role] }));
  return (
    <AppShell actor={actor} messages={messages} current="/admin/users">
      <h1>{text.title}</h1>
      <p className="hint">{text.intro}</p>

      <section aria-labelledby="staff-heading">
        <h2 id="staff-heading" className="visually-hidden">
          {text.title}
        </h2>
        <ul className="staff-list">
          {users.map((user) => (
            <li key={user.id} className="panel" data-testid="staff-member" data-active={user.active}>
              <p className="staff-name">
                {user.name}
                {user.id === actor.userId && <span className="cell-sub"> ({text.you})</span>}
              </p>
              <p className="cell-sub">{user.email}</p>
              <p>
                <span className="role-badge">{messages.roles[user.role]}</span> <span className={user.active ? "" : "status-closed"}>{user.active ? text.active : text.inactive}</span>
              </p>
              <StaffActions
                id={user.id}
                name={user.name}
                role={user.role}
                active={user.active}
                roles={roles}
                actions={{
                  changeRole: changeStaffRoleAction.bind(null, user.id),
                  deactivate: deactivateStaffAction.bind(null, user.id),
                  reactivate: reactivateStaffAction.bind(null, user.id),
                  sendReset: sendStaffPasswordResetAction.bind(null, user.id),
                }}
                text={{
                  role: text.role, saveRole: text.saveRole, deactivate: text.deactivate, deactivateTitle: text.deactivateTitle(user.name),
                  deactivateBody: text.deactivateBody, cancel: messages.patient.confirmCancel, reactivate: text.reactivate, sendReset: text.sendReset,
                }}
              />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="invite-heading" className="panel">
        <h2 id="invite-heading">{text.inviteTitle}</h2>
        <InviteStaffForm
          action={inviteStaffAction}
          roles={roles}
          languages={LOCALES.map((locale) => ({ value: locale, label: messages.language[locale] }))}
          defaultLanguage={actor.locale}
          text={{ name: text.name, email: text.email, role: text.role, language: messages.account.language, submit: text.invite, submitting: text.inviting }}
        />
        <h3>{text.pendingTitle}</h3>
        {invites.length === 0 ? (
          <p>{text.noPending}</p>
        ) : (
          <ul data-testid="open-invitations">
            {invites.map((invite) => (
              <li key={invite.id}>
                {invite.name} ({invite.email}), {messages.roles[invite.role!]}, {text.pendingUntil(formatMoment(invite.expiresAt, actor.locale, true))}
              </li>
            ))}
          </ul>
        )}
      </section>
    </AppShell>
  );
});
