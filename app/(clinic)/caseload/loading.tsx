import { getRequestMessages } from "@/lib/present/i18n/locale.server";

// Shown inside the signed-in shell's <main> (app/_shell/signed-in-layout.tsx) while the caseload loads.
export default async function Loading() {
  const messages = await getRequestMessages();
  return (
    <div className="wide-page" aria-busy="true">
      <p role="status" className="loading">
        {messages.loading}
      </p>
    </div>
  );
}
