import type { Messages } from "@/lib/present/i18n";

/** The words every clinical record form shares (date, choose, save, cancel), read by each form from useMessages(). */
export const recordFormCommon = (messages: Messages) => ({
  date: messages.record.date,
  choose: messages.patientForm.choose,
  save: messages.record.save,
  saving: messages.record.saving,
  cancel: messages.record.cancel,
  networkError: messages.error.network,
});
