"use server";
import { revalidatePath } from "next/cache";

import { formAction } from "@/lib/platform/entry-points/action.server";
import { ids } from "@/lib/platform/entry-points/ids";
import { appUrl } from "@/lib/platform/http/app-url.server";
import { errorTexts } from "@/lib/present/forms/error-text";
import type { Messages } from "@/lib/present/i18n";
import { deliverEmailInBackground } from "@/lib/server/email/delivery-runner.server";
import {
  changeStaffRole,
  inviteStaff,
  sendPasswordReset,
  setStaffActive,
  STAFF_FIELDS,
  type StaffResult,
} from "@/lib/server/users/staff-admin";

// Staff administration on /admin/users (SPEC §7 Admin). Each row's action answers in the row.

function answerOf(result: StaffResult, messages: Messages, notice: string) {
  revalidatePath("/admin/users");
  switch (result.status) {
    case "saved":
      return { notice };
    case "lastAdmin":
      return { formError: messages.admin.users.lastAdmin };
    case "invalid":
      return { errors: errorTexts(result.fieldErrors, messages, STAFF_FIELDS), formError: messages.validation.summary };
  }
}

export const inviteStaffAction = formAction(
  { name: "staff.invite", access: "clinic-admin", args: [] },
  async ({ actor, db, messages, values, answer }) => {
    const result = await inviteStaff(db, actor, values, new Date(), await appUrl());
    if (result.status !== "saved") return answer(answerOf(result, messages, ""));
    deliverEmailInBackground();
    // A fresh, empty form for the next invitation.
    return answer({
      ...answerOf(result, messages, messages.admin.users.invited(values.email?.trim().toLowerCase() ?? "")),
      values: {},
    });
  },
);

export const changeStaffRoleAction = formAction(
  { name: "staff.changeRole", access: "clinic-admin", args: [ids.user] },
  async ({ actor, db, messages, args: [userId], values, answer }) =>
    answer(answerOf(await changeStaffRole(db, actor, userId, values), messages, messages.admin.users.done)),
);

export const deactivateStaffAction = formAction(
  { name: "staff.deactivate", access: "clinic-admin", args: [ids.user] },
  async ({ actor, db, messages, args: [userId], answer }) =>
    answer(answerOf(await setStaffActive(db, actor, userId, false), messages, messages.admin.users.done)),
);

export const reactivateStaffAction = formAction(
  { name: "staff.reactivate", access: "clinic-admin", args: [ids.user] },
  async ({ actor, db, messages, args: [userId], answer }) =>
    answer(answerOf(await setStaffActive(db, actor, userId, true), messages, messages.admin.users.done)),
);

export const sendStaffPasswordResetAction = formAction(
  { name: "staff.sendPasswordReset", access: "clinic-admin", args: [ids.user] },
  async ({ actor, db, messages, args: [userId], answer }) => {
    const { email } = await sendPasswordReset(db, actor, userId, new Date(), await appUrl());
    deliverEmailInBackground();
    revalidatePath("/admin/outbox");
    return answer({ notice: messages.admin.users.resetSent(email) });
  },
);
