// Danish is the default language and the shape every other catalog must match.
export const da = {
  app: {
    name: "Hælspore Forløb",
    tagline: "Forløbsstyring for fysioterapeuter, der behandler smerter under hælen",
    skipToContent: "Spring til indhold",
  },
  roles: { ADMIN: "Administrator", CLINICIAN: "Fysioterapeut", PATIENT: "Patient" },
  nav: {
    label: "Hovedmenu",
    caseload: "Patientoversigt",
    portal: "Min plan",
  },
  header: {
    signedInAs: "Logget ind som",
    signOut: "Log ud",
    signingOut: "Logger ud …",
  },
  language: {
    label: "Sprog",
    da: "Dansk",
    en: "English",
    change: "Skift sprog",
  },
  signIn: {
    title: "Log ind",
    intro: "Log ind med den e-mail og adgangskode, din klinik har givet dig.",
    email: "E-mail",
    password: "Adgangskode",
    submit: "Log ind",
    submitting: "Logger ind …",
    failed: "E-mail eller adgangskode er forkert, eller kontoen er ikke aktiv.",
    unavailable: "Log ind kunne ikke gennemføres lige nu. Prøv igen om lidt.",
    emailRequired: "Skriv din e-mail.",
    emailInvalid: "Skriv en gyldig e-mail, fx navn@klinik.dk.",
    passwordRequired: "Skriv din adgangskode.",
  },
  caseload: {
    title: "Patientoversigt",
    summary: (active: number, total: number) =>
      `Du er ansvarlig for ${total} ${total === 1 ? "patient" : "patienter"}, heraf ${active} i aktivt forløb.`,
    clinicSummary: (active: number, total: number) =>
      `Klinikken har ${total} ${total === 1 ? "patient" : "patienter"}, heraf ${active} i aktivt forløb.`,
    empty: "Der er endnu ingen patienter. Opret den første patient for at komme i gang.",
  },
  portal: {
    title: "Min plan",
    greeting: (name: string) => `Hej ${name}`,
    clinician: (name: string) => `Din fysioterapeut er ${name}.`,
    noPlanYet:
      "Din fysioterapeut har endnu ikke lagt en træningsplan ind. Når planen er klar, kan du se dagens øvelser her.",
    noRecord: "Din konto er ikke knyttet til et patientforløb. Kontakt din klinik.",
  },
  notFound: {
    title: "Siden findes ikke",
    body: "Siden findes ikke, eller du har ikke adgang til den.",
    home: "Gå til forsiden",
  },
  error: {
    title: "Der skete en fejl",
    body: "Noget gik galt. Prøv igen; fortsætter fejlen, så kontakt klinikkens administrator.",
    retry: "Prøv igen",
  },
  loading: "Henter …",
};

export type Messages = typeof da;
