// The demo's discharged patient with a discharge letter (issue 46): the GP and the referral she
// came with, and version 1 of the letter as the product drafts it from her record, signed the day
// after discharge. Written directly, as the demo seed writes its other rows; the draft's text is
// the product's own (draftLetter over letterFacts), so the demo shows what a clinic would send.
import type { Prisma } from "../../generated/prisma/client";
import { addDays } from "../../platform/dates";
import { draftLetter } from "../../present/letters/discharge-letter";
import { letterFacts } from "../letters/letter-facts";

export const DEMO_LETTER_PATIENT = { name: "Karen Lund", email: "karen@demo.dk" } as const;

const GP = {
  name: "Læge Mette Holm",
  practice: "Lægerne på Torvet",
  locationNumber: "5790000123456",
  address: "Torvet 2, 8000 Aarhus C",
};

export async function seedDemoLetter(db: Prisma.TransactionClient, clinicId: string, clinicianId: string) {
  const patient = await db.patient.findFirstOrThrow({
    where: { clinicId, name: DEMO_LETTER_PATIENT.name },
    select: { id: true, currentEpisodeId: true },
  });
  await db.patient.update({
    where: { id: patient.id },
    data: { gpName: GP.name, gpPractice: GP.practice, gpLocationNumber: GP.locationNumber, gpAddress: GP.address },
  });
  const episode = await db.episode.findUniqueOrThrow({ where: { id: patient.currentEpisodeId! } });
  await db.referral.create({
    data: {
      clinicId,
      episodeId: episode.id,
      referenceId: "6b1e9c2a-4f3d-4e8b-9a71-2c5d8e0f1a34",
      referralDate: addDays(episode.treatmentStart, -9),
      doctorName: GP.name,
      practice: GP.practice,
      locationNumber: GP.locationNumber,
      diagnosisText: "Hælspore, smerter under hælen i 3 måneder",
      icd10Code: "M72.2",
      vederlagsfri: false,
    },
  });
  const withReferral = await db.episode.findUniqueOrThrow({ where: { id: episode.id }, include: { referral: true } });
  const signedAt = addDays(episode.dischargedAt!, 1);
  await db.dischargeLetter.create({
    data: {
      clinicId,
      episodeId: episode.id,
      version: 1,
      locale: "da",
      recipientKind: "GP",
      recipientName: GP.name,
      recipientPractice: GP.practice,
      recipientLocationNumber: GP.locationNumber,
      recipientAddress: GP.address,
      sections: draftLetter(await letterFacts(db, withReferral, "da")),
      authorId: clinicianId,
      signedById: clinicianId,
      // Written on the morning after the discharge and signed an hour later.
      createdAt: new Date(signedAt.getTime() + 9 * 3_600_000),
      signedAt: new Date(signedAt.getTime() + 10 * 3_600_000),
    },
  });
}
