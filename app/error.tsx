"use client";
import { errorPageText } from "@/lib/i18n/error-page";

// An error boundary renders in the browser without server data; the page's lang attribute,
// set by the root layout from the user's language, tells which words to use. Not a catalog:
// this component is on every page (lib/i18n/error-page.ts).
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const text = errorPageText(typeof document === "undefined" ? undefined : document.documentElement.lang);
  return (
    <main id="main" className="sign-in">
      <div className="card">
        <h1>{text.title}</h1>
        <p>{text.body}</p>
        <button type="button" className="button primary" onClick={reset}>
          {text.retry}
        </button>
      </div>
    </main>
  );
}
