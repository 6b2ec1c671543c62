import type { Messages } from "../../present/i18n";

/**
 * What a throttled sign-in throws, followed by the sentence to show: next-auth hands the
 * message to the sign-in form, which shows the sentence. Shared by server and browser.
 */
export const THROTTLED_PREFIX = "throttled:";

/** "Too many attempts. Wait …", in the reader's language. */
export const waitSentence = (messages: Messages, retryAfterMs: number) =>
  messages.throttle.wait(Math.ceil(retryAfterMs / 1000));
