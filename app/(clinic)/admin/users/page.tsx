import {
  changeStaffRoleAction,
  deactivateStaffAction,
  inviteStaffAction,
  reactivateStaffAction,
  sendStaffPasswordResetAction,
} from "@/app/actions/staff";
import { StaffInvitations, StaffList } from "@/components/admin/StaffList";
import { page } from "@/lib/platform/entry-points/page.server";
import { listStaff } from "@/lib/server/users/staff-admin";

/** Staff administration (SPEC §7 Admin): who works in the clinic, with what role, and invitations. */
export default page({ name: "/admin/users", access: "clinic-admin" }, async ({ actor, db, messages }) => {
  const text = messages.admin.users;
  const { users, invites } = await listStaff(db, actor, new Date());
  return (
    <>
      <h1>{text.title}</h1>
      <p className="hint">{text.intro}</p>
      <section aria-labelledby="staff-heading">
        <h2 id="staff-heading" className="visually-hidden">
          {text.title}
        </h2>
        <StaffList
          users={users}
          selfId={actor.userId}
          actions={{
            changeRole: changeStaffRoleAction,
            deactivate: deactivateStaffAction,
            reactivate: reactivateStaffAction,
            sendReset: sendStaffPasswordResetAction,
          }}
        />
      </section>
      <section aria-labelledby="invite-heading" className="panel">
        <h2 id="invite-heading">{text.inviteTitle}</h2>
        <StaffInvitations invites={invites} locale={actor.locale} invite={inviteStaffAction} />
      </section>
    </>
  );
});
