// The discharge letter (epikrise, SPEC §11; decision record 032): drafted from the record when
// an episode has been discharged, edited, signed, and corrected in a new version. A signed
// version is never written again: every write names the version and requires it unsigned in
// the same statement, so two tabs cannot change a letter after it was signed. Every read,
// print and write is audited, naming the letter version, never its text.
import { z } from "zod";

import { textLimit } from "../../clinical/field-limits";
import type { Prisma } from "../../generated/prisma/client";
import type { LetterRecipient, Locale } from "../../generated/prisma/enums";
import { recordAuditEvent } from "../../platform/audit/record-audit-event";
import type { Actor } from "../../platform/auth/actor";
import { assertCan } from "../../platform/auth/permissions";
import { currentDataKey } from "../../platform/cpr/current-data-key";
import type { Db } from "../../platform/db/client";
import { requireId } from "../../platform/db/require-id";
import { isUniqueViolation } from "../../platform/db/unique-violation";
import { AppError } from "../../platform/errors";
import { type FieldErrors, fieldErrorsOf, zRequiredText } from "../../present/forms/form-input";
import { draftLetter, LETTER_SECTIONS, sectionsOf } from "../../present/letters/discharge-letter";
import { CLINIC_CONTACT_SELECT } from "../clinics/clinic-profile";
import { patientWhere } from "../patients/scope";
import { assertProcessing } from "../retention/processing-stopped";
import { letterFacts } from "./letter-facts";

export const LETTER_FIELDS = {
  ...(Object.fromEntries(LETTER_SECTIONS.map((section) => [section, textLimit(4000)])) as Record<
    (typeof LETTER_SECTIONS)[number],
    { maxLength: number }
  >),
  correctionReason: textLimit(300),
};

const ZSections = z.object(
  Object.fromEntries(LETTER_SECTIONS.map((section) => [section, zRequiredText(LETTER_FIELDS[section])])) as Record<
    (typeof LETTER_SECTIONS)[number],
    ReturnType<typeof zRequiredText>
  >,
);
const ZCorrection = z.object({ correctionReason: zRequiredText(LETTER_FIELDS.correctionReason) });

/** What the print and the FHIR export show of a signed letter version (the record's export reads it too). */
export const SIGNED_LETTER_SELECT = {
  id: true,
  version: true,
  locale: true,
  recipientKind: true,
  recipientName: true,
  recipientPractice: true,
  recipientLocationNumber: true,
  recipientAddress: true,
  sections: true,
  correctionReason: true,
  createdAt: true,
  signedAt: true,
  signedBy: { select: { id: true, name: true } },
} satisfies Prisma.DischargeLetterSelect;

/** A version as the letter's page shows it: with who wrote it. */
const VERSION_SELECT = {
  ...SIGNED_LETTER_SELECT,
  author: { select: { name: true } },
} satisfies Prisma.DischargeLetterSelect;

/** The episode of a patient of the actor's clinic, with what a letter needs of it; NOT_FOUND otherwise. */
async function findEpisode(db: Db, actor: Actor, patientId: string, episodeId: string) {
  const episode = await db.episode.findFirst({
    where: {
      id: requireId(episodeId),
      patientId: requireId(patientId),
      clinicId: actor.clinicId,
      patient: patientWhere(actor),
    },
    select: {
      id: true,
      side: true,
      status: true,
      treatmentStart: true,
      dischargedAt: true,
      dischargeReason: true,
      referral: {
        select: {
          doctorName: true,
          practice: true,
          referralDate: true,
          diagnosisText: true,
          icd10Code: true,
          referenceId: true,
          vederlagsfri: true,
          locationNumber: true,
        },
      },
      patient: {
        select: {
          id: true,
          name: true,
          dateOfBirth: true,
          cprEncrypted: true,
          processingStoppedAt: true,
          gpName: true,
          gpPractice: true,
          gpLocationNumber: true,
          gpAddress: true,
          portalUser: { select: { locale: true } },
        },
      },
    },
  });
  if (!episode) throw new AppError("NOT_FOUND");
  return episode;
}
type FoundEpisode = Awaited<ReturnType<typeof findEpisode>>;

/** Whom the letter goes to, as it stands now: the patient's own doctor when recorded, else the referring doctor. */
function recipientOf(episode: FoundEpisode): {
  recipientKind: LetterRecipient;
  recipientName: string;
  recipientPractice: string;
  recipientLocationNumber: string;
  recipientAddress: string;
} {
  const { patient, referral } = episode;
  if (patient.gpName)
    return {
      recipientKind: "GP",
      recipientName: patient.gpName,
      recipientPractice: patient.gpPractice ?? "",
      recipientLocationNumber: patient.gpLocationNumber ?? "",
      recipientAddress: patient.gpAddress ?? "",
    };
  if (referral)
    return {
      recipientKind: "REFERRING_DOCTOR",
      recipientName: referral.doctorName,
      recipientPractice: referral.practice ?? "",
      recipientLocationNumber: referral.locationNumber ?? "",
      recipientAddress: "",
    };
  return {
    recipientKind: "NONE",
    recipientName: "",
    recipientPractice: "",
    recipientLocationNumber: "",
    recipientAddress: "",
  };
}

/** The letter's language: the patient's own, as their portal account has it (Danish without one). */
const letterLocale = (episode: FoundEpisode): Locale => episode.patient.portalUser?.locale ?? "da";

async function versionsOf(db: Db, episodeId: string) {
  const rows = await db.dischargeLetter.findMany({
    where: { episodeId },
    orderBy: { version: "asc" },
    select: VERSION_SELECT,
  });
  return rows.map((row) => ({ ...row, sections: sectionsOf(row.sections) }));
}
export type LetterVersion = Awaited<ReturnType<typeof versionsOf>>[number];

/** The letter page: the episode, and every version of its letter (oldest first). Audited as a read of the latest version. */
export async function getEpisodeLetter(db: Db, actor: Actor, patientId: string, episodeId: string) {
  assertCan(actor, "clinic-patients");
  const episode = await findEpisode(db, actor, patientId, episodeId);
  const versions = await versionsOf(db, episode.id);
  const latest = versions.at(-1);
  await recordAuditEvent(db, actor, {
    action: "READ",
    entity: latest ? "DischargeLetter" : "Episode",
    entityId: latest?.id ?? episode.id,
  });
  return {
    patient: { id: episode.patient.id, name: episode.patient.name },
    episode: { id: episode.id, status: episode.status, dischargedAt: episode.dischargedAt },
    versions,
  };
}

/** Drafts version 1 from the record; only for a discharged episode without a letter (else CONFLICT). */
export async function createLetterDraft(db: Db, actor: Actor, patientId: string, episodeId: string) {
  assertCan(actor, "clinic-patients");
  const episode = await findEpisode(db, actor, patientId, episodeId);
  assertProcessing(episode.patient);
  if (episode.status !== "DISCHARGED") throw new AppError("CONFLICT");
  const locale = letterLocale(episode);
  const sections = draftLetter(await letterFacts(db, episode, locale));
  try {
    await db.$transaction(async (tx) => {
      const letter = await tx.dischargeLetter.create({
        data: {
          clinicId: actor.clinicId,
          episodeId: episode.id,
          version: 1,
          locale,
          ...recipientOf(episode),
          sections,
          authorId: actor.userId,
        },
      });
      await recordAuditEvent(tx, actor, { action: "CREATE", entity: "DischargeLetter", entityId: letter.id });
    });
  } catch (error) {
    // A second click, or a colleague, drafted it first.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT");
    throw error;
  }
}

/** Updates the draft `version`; a signed version (or another version) is a CONFLICT and nothing changes. */
async function writeDraft(
  db: Db,
  actor: Actor,
  episode: FoundEpisode,
  version: number,
  data: Prisma.DischargeLetterUncheckedUpdateManyInput,
) {
  assertProcessing(episode.patient);
  await db.$transaction(async (tx) => {
    const letter = await tx.dischargeLetter.findFirst({
      where: { episodeId: episode.id, version, signedAt: null },
      select: { id: true },
    });
    // The condition again in the write: a signature that lands between the two leaves nothing to update.
    const changed = letter
      ? await tx.dischargeLetter.updateMany({ where: { id: letter.id, signedAt: null }, data })
      : { count: 0 };
    if (!letter || changed.count === 0) throw new AppError("CONFLICT");
    await recordAuditEvent(tx, actor, { action: "UPDATE", entity: "DischargeLetter", entityId: letter.id });
  });
}

export async function saveLetterDraft(
  db: Db,
  actor: Actor,
  patientId: string,
  episodeId: string,
  version: number,
  raw: Record<string, unknown>,
): Promise<{ status: "saved" } | { status: "invalid"; fieldErrors: FieldErrors }> {
  assertCan(actor, "clinic-patients");
  const episode = await findEpisode(db, actor, patientId, episodeId);
  const parsed = ZSections.safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  await writeDraft(db, actor, episode, version, { sections: parsed.data });
  return { status: "saved" };
}

/** Signs the draft `version`: from now on it is read-only. */
export async function signLetter(
  db: Db,
  actor: Actor,
  patientId: string,
  episodeId: string,
  version: number,
  now: Date,
) {
  assertCan(actor, "clinic-patients");
  const episode = await findEpisode(db, actor, patientId, episodeId);
  await writeDraft(db, actor, episode, version, { signedById: actor.userId, signedAt: now });
}

/** Starts a correction of the signed latest version: the next version, a draft with its text and the reason. */
export async function correctLetter(
  db: Db,
  actor: Actor,
  patientId: string,
  episodeId: string,
  raw: Record<string, unknown>,
): Promise<{ status: "created"; version: number } | { status: "invalid"; fieldErrors: FieldErrors }> {
  assertCan(actor, "clinic-patients");
  const episode = await findEpisode(db, actor, patientId, episodeId);
  assertProcessing(episode.patient);
  const parsed = ZCorrection.safeParse(raw);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const latest = await db.dischargeLetter.findFirst({
    where: { episodeId: episode.id },
    orderBy: { version: "desc" },
    select: { version: true, signedAt: true, sections: true, locale: true },
  });
  if (!latest?.signedAt) throw new AppError("CONFLICT");
  const version = latest.version + 1;
  try {
    await db.$transaction(async (tx) => {
      const letter = await tx.dischargeLetter.create({
        data: {
          clinicId: actor.clinicId,
          episodeId: episode.id,
          version,
          locale: latest.locale,
          // Written now, so to the doctor as recorded now.
          ...recipientOf(episode),
          sections: sectionsOf(latest.sections),
          correctionReason: parsed.data.correctionReason,
          authorId: actor.userId,
        },
      });
      await recordAuditEvent(tx, actor, { action: "CREATE", entity: "DischargeLetter", entityId: letter.id });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT");
    throw error;
  }
  return { status: "created", version };
}

const LETTERHEAD_SELECT = { id: true, ...CLINIC_CONTACT_SELECT, cvr: true, locationNumber: true } as const;
const EXPORT_ENTITY = { print: "DischargeLetterPrint", fhir: "DischargeLetterFhir" } as const;

/**
 * One version of the letter as it prints or exports: the clinic's letterhead, the recipient,
 * the patient (CPR in full, as the record print shows it) and the signer. The latest version
 * when `version` is null. Audited as an export of that version.
 */
export async function getLetterDocument(
  db: Db,
  actor: Actor,
  patientId: string,
  episodeId: string,
  version: number | null,
  format: keyof typeof EXPORT_ENTITY,
) {
  assertCan(actor, "clinic-patients");
  const episode = await findEpisode(db, actor, patientId, episodeId);
  const versions = await versionsOf(db, episode.id);
  const letter = version === null ? versions.at(-1) : versions.find((v) => v.version === version);
  if (!letter) throw new AppError("NOT_FOUND");
  // A FHIR document is what goes to another system: only a signed version is one.
  if (format === "fhir" && !letter.signedAt) throw new AppError("NOT_FOUND");
  const clinic = await db.clinic.findUniqueOrThrow({ where: { id: actor.clinicId }, select: LETTERHEAD_SELECT });
  await recordAuditEvent(db, actor, { action: "EXPORT", entity: EXPORT_ENTITY[format], entityId: letter.id });
  const { cprEncrypted, ...person } = episode.patient;
  return {
    letter,
    /** The version this one corrects, if any. */
    previousId: versions.find((v) => v.version === letter.version - 1)?.id ?? null,
    clinic,
    episode: { id: episode.id, treatmentStart: episode.treatmentStart, dischargedAt: episode.dischargedAt },
    patient: {
      id: person.id,
      name: person.name,
      dateOfBirth: person.dateOfBirth,
      cpr: cprEncrypted ? currentDataKey().decrypt(cprEncrypted) : null,
    },
  };
}
export type LetterDocument = Awaited<ReturnType<typeof getLetterDocument>>;

/** The letters of a patient's episodes for the patient page's list: each episode's latest version. Not audited: it lists no text. */
export async function listPatientLetters(db: Db, actor: Actor, patientId: string) {
  assertCan(actor, "clinic-patients");
  return db.dischargeLetter.findMany({
    where: { clinicId: actor.clinicId, episode: { patientId: requireId(patientId), patient: patientWhere(actor) } },
    orderBy: [{ episodeId: "asc" }, { version: "desc" }],
    distinct: ["episodeId"],
    select: { episodeId: true, version: true, signedAt: true, episode: { select: { treatmentStart: true } } },
  });
}
