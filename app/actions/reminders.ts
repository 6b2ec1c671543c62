"use server";
import { z } from "zod";

import { callAction, formAction } from "@/lib/platform/entry-points/action.server";
import { errorTexts } from "@/lib/present/forms/error-text";
import {
  forgetPushSubscription,
  savePushSubscription,
  saveReminderTimes,
} from "@/lib/server/reminders/reminder-settings";

// The portal's reminders (SPEC §10): the patient's times, and the phone that takes them as web
// push. The services check the subscription's address against the browsers' push services.

export const saveReminderTimesAction = formAction(
  { name: "reminders.saveTimes", access: "own-record", args: [] },
  async ({ actor, db, messages, values, answer }) => {
    const result = await saveReminderTimes(db, actor, values);
    if (result.status === "invalid")
      return answer({ errors: errorTexts(result.fieldErrors, messages), formError: messages.validation.summary });
    return answer({ notice: messages.reminders.saved });
  },
);

/** A browser's PushSubscription.toJSON(); its content is checked by the service. */
const ZPushSubscriptionJson = z
  .object({
    endpoint: z.string().max(1000),
    keys: z.object({ p256dh: z.string().max(200), auth: z.string().max(100) }),
  })
  .describe("form");

export const savePushSubscriptionAction = callAction(
  { name: "reminders.savePushSubscription", access: "own-record", args: [ZPushSubscriptionJson] },
  async ({ actor, db, args: [subscription] }) => savePushSubscription(db, actor, subscription),
);

export const forgetPushSubscriptionAction = callAction(
  { name: "reminders.forgetPushSubscription", access: "own-record", args: [z.string().max(1000).describe("form")] },
  async ({ actor, db, args: [endpoint] }) => {
    await forgetPushSubscription(db, actor, endpoint);
    return true;
  },
);
