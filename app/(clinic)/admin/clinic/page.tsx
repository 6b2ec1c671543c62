import { saveClinicProfileAction } from "@/app/actions/clinic-profile";
import { ClinicProfileForm } from "@/components/admin/ClinicProfileForm";
import { page } from "@/lib/platform/entry-points/page.server";
import { getClinicProfile } from "@/lib/server/clinics/clinic-profile";

/** The clinic's name, address, phone and numbers, as patients and doctors will see them. */
export default page({ name: "/admin/clinic", access: "clinic-admin" }, async ({ actor, db, messages }) => {
  const profile = await getClinicProfile(db, actor);
  return (
    <>
      <h1>{messages.clinicProfile.title}</h1>
      <p className="hint">{messages.clinicProfile.intro}</p>
      <ClinicProfileForm action={saveClinicProfileAction} initial={profile} />
    </>
  );
});
