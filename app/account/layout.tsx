// Every user's own account page in the signed-in shell, with their role's menu.
export { SignedInLayout as default } from "../_shell/signed-in-layout";
