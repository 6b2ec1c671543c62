import Link from "next/link";

import { getRequestMessages } from "@/lib/present/i18n/locale.server";

export default async function NotFound() {
  const messages = await getRequestMessages();
  return (
    <main id="main" className="sign-in">
      <div className="card">
        <h1>{messages.notFound.title}</h1>
        <p>{messages.notFound.body}</p>
        <Link href="/">{messages.notFound.home}</Link>
      </div>
    </main>
  );
}
