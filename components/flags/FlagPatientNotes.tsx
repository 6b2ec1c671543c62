import { needsBloodSugarNote } from "@/lib/clinical/comorbidities";
import { SHOE_WEAR_KM, shoesWorn } from "@/lib/clinical/footwear";
import type { Locale } from "@/lib/generated/prisma/enums";
import { formatNumber } from "@/lib/present/i18n/format";
import { getRequestMessages } from "@/lib/present/i18n/locale.server";

/**
 * What the patient's own record adds to a flag's advice (SPEC §3: conditions change the advice,
 * not the rule): the blood-sugar note beside an injection review for a patient with diabetes,
 * and the shoes' recorded kilometres beside the review of a patient who is not improving.
 */
export async function FlagPatientNotes({
  code,
  patient,
  locale,
}: {
  code: string;
  patient: { comorbidities: readonly string[]; shoeAgeKm: { toString(): string } | number | null };
  locale: Locale;
}) {
  const messages = await getRequestMessages();
  const text = messages.flags;
  const shoeKm = patient.shoeAgeKm === null ? null : Number(patient.shoeAgeKm);
  return (
    <>
      {code === "INJECTION_REVIEW" && needsBloodSugarNote(patient.comorbidities) && (
        <p className="warning-box">{text.bloodSugar}</p>
      )}
      {code === "NO_IMPROVEMENT" && shoeKm !== null && (
        <p className={shoesWorn(shoeKm) ? "warning-box" : "hint"}>
          {text.shoes(formatNumber(shoeKm, locale), shoesWorn(shoeKm), `${SHOE_WEAR_KM[0]}–${SHOE_WEAR_KM[1]}`)}
        </p>
      )}
    </>
  );
}
