import type { Messages } from "./da";

export const en: Messages = {
  app: {
    name: "Heel Pain Care",
    tagline: "Case management for physiotherapists treating plantar heel pain",
    skipToContent: "Skip to content",
  },
  roles: { ADMIN: "Administrator", CLINICIAN: "Physiotherapist", PATIENT: "Patient" },
  nav: {
    label: "Main menu",
    caseload: "Caseload",
    portal: "My plan",
  },
  header: {
    signedInAs: "Signed in as",
    signOut: "Sign out",
    signingOut: "Signing out …",
  },
  language: {
    label: "Language",
    da: "Dansk",
    en: "English",
    change: "Change language",
  },
  signIn: {
    title: "Sign in",
    intro: "Sign in with the email and password your clinic gave you.",
    email: "Email",
    password: "Password",
    submit: "Sign in",
    submitting: "Signing in …",
    failed: "The email or password is wrong, or the account is not active.",
    unavailable: "Signing in is not possible right now. Please try again shortly.",
    emailRequired: "Enter your email.",
    emailInvalid: "Enter a valid email, for example name@clinic.com.",
    passwordRequired: "Enter your password.",
  },
  caseload: {
    title: "Caseload",
    summary: (active: number, total: number) =>
      `You are responsible for ${total} ${total === 1 ? "patient" : "patients"}, ${active} of them in an active episode.`,
    clinicSummary: (active: number, total: number) =>
      `The clinic has ${total} ${total === 1 ? "patient" : "patients"}, ${active} of them in an active episode.`,
    empty: "There are no patients yet. Register the first patient to get started.",
  },
  portal: {
    title: "My plan",
    greeting: (name: string) => `Hello ${name}`,
    clinician: (name: string) => `Your physiotherapist is ${name}.`,
    noPlanYet:
      "Your physiotherapist has not added an exercise plan yet. Once the plan is ready, today's exercises appear here.",
    noRecord: "Your account is not linked to a course of treatment. Please contact your clinic.",
  },
  notFound: {
    title: "Page not found",
    body: "The page does not exist, or you do not have access to it.",
    home: "Go to the start page",
  },
  error: {
    title: "Something went wrong",
    body: "Something went wrong. Please try again; if it persists, contact the clinic's administrator.",
    retry: "Try again",
  },
  loading: "Loading …",
};
