// The clinic's pages (caseload, patients, flags, reports, settings, admin) in the signed-in shell.
export { SignedInLayout as default } from "../_shell/signed-in-layout";
