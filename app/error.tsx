"use client";
import { useMessages } from "@/components/i18n/MessagesProvider";

// An error boundary renders in the browser without server data; it sits inside the root
// layout's MessagesProvider, so it reads the user's language like every client component.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const text = useMessages().error;
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
