import { getRequestMessages } from "@/lib/present/i18n/locale.server";
import { type ClinicContact as Contact, telHref } from "@/lib/server/clinics/clinic-profile";

/**
 * The clinic on one line: its name, address, phone (a link that dials it) and hours, leaving
 * out what the admin has not filled in (admin/clinic). On the handout, the invitation page and
 * in the portal, so a patient always knows whom to call.
 */
export async function ClinicContact({ clinic }: { clinic: Contact }) {
  const text = (await getRequestMessages()).clinicProfile;
  const parts = [clinic.address, clinic.openingHours].filter(Boolean);
  return (
    <p className="clinic-contact">
      <strong>{clinic.name}</strong>
      {parts.map((part) => (
        <span key={part}> · {part}</span>
      ))}
      {clinic.phone && (
        <>
          {" · "}
          <a href={telHref(clinic.phone)} aria-label={`${text.callClinic}: ${clinic.phone}`}>
            {text.phoneLine(clinic.phone)}
          </a>
        </>
      )}
    </p>
  );
}
