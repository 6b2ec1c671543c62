// The clinic's profile (issue 46, SPEC §11): its name, address, phone, opening hours, CVR and
// location number. An admin keeps it; the handout, the portal, the invitation page and e-mail
// show it, so a patient knows whom to call. Nothing here is about a patient.
import { z } from "zod";

import { textLimit } from "../../clinical/field-limits";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import type { Db } from "../../platform/db/client";
import { LOCATION_NUMBER_DIGITS, zOptionalDigits, zOptionalPhone } from "../../present/forms/contact-input";
import { type FieldErrors, fieldErrorsOf, zOptionalText, zRequiredText } from "../../present/forms/form-input";

export const CLINIC_PROFILE_FIELDS = {
  name: textLimit(120),
  address: textLimit(200),
  phone: textLimit(20),
  openingHours: textLimit(200),
  cvr: textLimit(8),
  locationNumber: textLimit(13),
};

/** What a patient needs to reach the clinic; every page that shows the clinic reads this. */
export type ClinicContact = { name: string; address: string; phone: string; openingHours: string };
export const CLINIC_CONTACT_SELECT = { name: true, address: true, phone: true, openingHours: true } as const;

const blank = (text: string | undefined) => text ?? "";
const ZClinicProfile = z.object({
  name: zRequiredText(CLINIC_PROFILE_FIELDS.name),
  address: zOptionalText(CLINIC_PROFILE_FIELDS.address).transform(blank),
  phone: zOptionalPhone(CLINIC_PROFILE_FIELDS.phone).transform(blank),
  openingHours: zOptionalText(CLINIC_PROFILE_FIELDS.openingHours).transform(blank),
  cvr: zOptionalDigits(CLINIC_PROFILE_FIELDS.cvr.maxLength, "invalidCvr").transform(blank),
  locationNumber: zOptionalDigits(LOCATION_NUMBER_DIGITS, "invalidLocationNumber").transform(blank),
});
export type ClinicProfile = z.output<typeof ZClinicProfile>;

export async function getClinicProfile(db: Db, actor: Actor): Promise<ClinicProfile> {
  assertCan(actor, "clinic-admin");
  return db.clinic.findUniqueOrThrow({
    where: { id: actor.clinicId },
    select: { ...CLINIC_CONTACT_SELECT, cvr: true, locationNumber: true },
  });
}

/** The clinic's contact as a patient or a clinician sees it (any signed-in user of the clinic). */
export function getClinicContact(db: Db, clinicId: string): Promise<ClinicContact> {
  return db.clinic.findUniqueOrThrow({ where: { id: clinicId }, select: CLINIC_CONTACT_SELECT });
}

export async function saveClinicProfile(
  db: Db,
  actor: Actor,
  raw: Record<string, unknown>,
): Promise<{ status: "saved" } | { status: "invalid"; fieldErrors: FieldErrors }> {
  assertCan(actor, "clinic-admin");
  const parsed = ZClinicProfile.safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  await db.$transaction(async (tx) => {
    await tx.clinic.update({ where: { id: actor.clinicId }, data: parsed.data });
    await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "ClinicProfile", entityId: actor.clinicId });
  });
  return { status: "saved" };
}

/** A phone number as a tel: link dials it: digits and a leading +, a Danish number with +45. */
export function telHref(phone: string): string {
  const digits = phone.replaceAll(" ", "");
  return `tel:${digits.startsWith("+") ? digits : `+45${digits}`}`;
}
