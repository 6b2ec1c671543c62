"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";

import { callAction, commandAction } from "@/lib/platform/entry-points/action.server";
import { ids } from "@/lib/platform/entry-points/ids";
import { errorTexts } from "@/lib/present/forms/error-text";
import { formatDate } from "@/lib/present/i18n/format";
import { deliverEmailInBackground } from "@/lib/server/email/delivery-runner.server";
import { recordErasureRequest, requestOwnErasure } from "@/lib/server/retention/erasure-requests";
import { placeHold, releaseHold } from "@/lib/server/retention/record-holds";

const ZHoldId = z.uuid({ error: "missingReference" }).describe("holdId");

/** A request the patient made to the clinic, recorded by staff (SPEC §9). */
export const recordErasureRequestAction = commandAction(
  { name: "retention.recordRequest", access: "clinic-patients", args: [ids.patient] },
  async ({ actor, db, args: [patientId] }) => {
    await recordErasureRequest(db, actor, patientId);
    deliverEmailInBackground();
    revalidatePath(`/patients/${patientId}`);
    return { error: null };
  },
);

/** The patient's own request from the portal: what they are told (their session is over with it), or null when refused. */
export const requestOwnErasureAction = callAction(
  { name: "retention.requestOwn", access: "own-record", args: [] },
  async ({ actor, db, messages }) => {
    const receipt = await requestOwnErasure(db, actor);
    deliverEmailInBackground();
    return { message: messages.portal.erasure.receipt(formatDate(receipt.retainUntil, actor.locale), receipt.emailed) };
  },
);

export const placeHoldAction = commandAction(
  { name: "retention.placeHold", access: "clinic-admin", args: [ids.patient] },
  async ({ actor, db, messages, args: [patientId], values }) => {
    const result = await placeHold(db, actor, patientId, values);
    if (result.status === "invalid")
      return { error: Object.values(errorTexts(result.fieldErrors, messages))[0] ?? messages.validation.summary };
    revalidatePath(`/patients/${patientId}`);
    return { error: null };
  },
);

export const releaseHoldAction = commandAction(
  { name: "retention.releaseHold", access: "clinic-admin", args: [ids.patient, ZHoldId] },
  async ({ actor, db, args: [patientId, holdId] }) => {
    await releaseHold(db, actor, holdId);
    revalidatePath(`/patients/${patientId}`);
    return { error: null };
  },
);
