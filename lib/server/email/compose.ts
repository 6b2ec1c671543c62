// The app's e-mails (SPEC §10), in the recipient's language: plain text and simple HTML with
// the same words. They name the recipient by first name and the clinic (signed with its
// address and phone), and carry a link; nothing else about a patient.
import type { Locale } from "../../generated/prisma/enums";
import { getMessages } from "../../present/i18n";
import type { ClinicContact } from "../clinics/clinic-profile";
import { INVITE_DAYS, RESET_HOURS } from "../invites/tokens";
import { RETENTION_YEARS } from "../retention/retention-period";

export type EmailKind =
  | "STAFF_INVITE"
  | "PORTAL_INVITE"
  | "PASSWORD_RESET"
  | "ERASURE_RECEIPT"
  | "REMINDER_MORNING_PAIN"
  | "REMINDER_SESSION"
  | "NOTICE_PLAN_ON_HOLD"
  | "NOTICE_CLINIC_MESSAGE";
export type EmailContent = { subject: string; text: string; html: string };
/** `link` for the kinds that carry one; `keptUntil` (a formatted date) for the erasure receipt. */
export type EmailFacts = { recipientName: string; clinic: ClinicContact; link?: string; keptUntil?: string };

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function composeEmail(kind: EmailKind, locale: Locale, facts: EmailFacts): EmailContent {
  const messages = getMessages(locale);
  const text = messages.email;
  // A reminder or a notice says what its notification says (lib/server/reminders, lib/server/notices), with a link to the portal.
  const reminder = (message: { title: string; body: string }) => ({
    subject: message.title,
    body: message.body,
    action: text.portalInvite.action,
  });
  const parts = {
    STAFF_INVITE: {
      subject: text.staffInvite.subject(facts.clinic.name),
      body: text.staffInvite.body(facts.clinic.name, INVITE_DAYS),
      action: text.staffInvite.action,
    },
    PORTAL_INVITE: {
      subject: text.portalInvite.subject(facts.clinic.name),
      body: text.portalInvite.body(facts.clinic.name, INVITE_DAYS),
      action: text.portalInvite.action,
    },
    PASSWORD_RESET: {
      subject: text.passwordReset.subject,
      body: text.passwordReset.body(RESET_HOURS),
      action: text.passwordReset.action,
    },
    ERASURE_RECEIPT: {
      subject: text.erasureReceipt.subject(facts.clinic.name),
      body: text.erasureReceipt.body(facts.keptUntil ?? "", RETENTION_YEARS),
      action: null,
    },
    REMINDER_MORNING_PAIN: reminder(messages.reminders.message.morningPain),
    REMINDER_SESSION: reminder(messages.reminders.message.session),
    NOTICE_PLAN_ON_HOLD: reminder(messages.notices.PLAN_ON_HOLD),
    NOTICE_CLINIC_MESSAGE: reminder(messages.notices.CLINIC_MESSAGE),
  }[kind];
  const link = parts.action && facts.link ? { action: parts.action, href: facts.link } : null;
  const greeting = text.greeting(firstName(facts.recipientName));
  // Signed with the clinic's address and phone (its profile, admin/clinic), where it has them:
  // a patient who would rather call than click knows where.
  const { clinic } = facts;
  const signOff = [text.signOff(clinic.name), clinic.address, clinic.phone && text.phone(clinic.phone)]
    .filter(Boolean)
    .join("\n");
  const paragraphs = (value: string) => value.split("\n").map(escapeHtml).join("<br>");
  return {
    subject: parts.subject,
    text: [greeting, parts.body, ...(link ? [`${link.action}: ${link.href}`] : []), signOff, text.automatic].join(
      "\n\n",
    ),
    html: [
      `<!doctype html><html lang="${locale}"><body style="font-family: sans-serif; line-height: 1.5; max-width: 36rem">`,
      `<p>${escapeHtml(greeting)}</p>`,
      `<p>${escapeHtml(parts.body)}</p>`,
      ...(link
        ? [
            `<p><a href="${escapeHtml(link.href)}" style="display: inline-block; padding: 0.6rem 1rem; background: #0b5cab; color: #ffffff; text-decoration: none; border-radius: 4px">${escapeHtml(link.action)}</a></p>`,
          ]
        : []),
      `<p>${paragraphs(signOff)}</p>`,
      `<p style="color: #555555; font-size: 0.875rem">${escapeHtml(text.automatic)}</p>`,
      "</body></html>",
    ].join("\n"),
  };
}
