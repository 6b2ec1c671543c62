import type { Plan } from "@/lib/clinical/episode-state";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";
import { telHref } from "@/lib/server/clinics/clinic-profile";

import { WarningSigns } from "./WarningSigns";

/**
 * A plan on hold (SPEC §6, §10): no exercise and no dose, only what to do instead. A red flag
 * sends the patient to a doctor today and repeats the warning signs; a paused course waits for
 * the clinic. The panel that says "call the clinic" carries the clinic's phone, one tap away,
 * not only the foot of the page (usability re-walk of issue 45).
 */
export async function PlanOnHold({ plan, clinicPhone }: { plan: Plan; clinicPhone?: string }) {
  const messages = await getRequestMessages();
  const text = messages.portal.hold;
  const redFlag = plan.reasons.includes("RED_FLAG");
  return (
    <>
      <section
        aria-labelledby="hold-heading"
        className="panel hold-panel"
        data-hold={redFlag ? "RED_FLAG" : "EPISODE_PAUSED"}
      >
        <h2 id="hold-heading">{text.title}</h2>
        <p>{redFlag ? text.RED_FLAG : text.EPISODE_PAUSED}</p>
        <p>{text.questions}</p>
        {clinicPhone && (
          <p>
            <a href={telHref(clinicPhone)} className="button secondary large">
              {messages.clinicProfile.callClinic}: {clinicPhone}
            </a>
          </p>
        )}
        <p className="hint">{text.noReminders}</p>
      </section>
      {redFlag && <WarningSigns id="hold-warning-signs" />}
    </>
  );
}
