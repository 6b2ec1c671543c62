"use client";
import { getMessages, parseLocale } from "@/lib/i18n";

// An error boundary renders in the browser without server data; the page's lang attribute,
// set by the root layout from the user's language, tells which catalog to use.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const messages = getMessages(
    parseLocale(typeof document === "undefined" ? undefined : document.documentElement.lang),
  );
  return (
    <main id="main" className="sign-in">
      <div className="card">
        <h1>{messages.error.title}</h1>
        <p>{messages.error.body}</p>
        <button type="button" className="button primary" onClick={reset}>
          {messages.error.retry}
        </button>
      </div>
    </main>
  );
}
