import { getRequestMessages } from "@/lib/i18n/locale.server";

export default async function Loading() {
  const messages = await getRequestMessages();
  return (
    <main id="main" aria-busy="true">
      <p role="status" className="loading">
        {messages.loading}
      </p>
    </main>
  );
}
