"use client";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";

import { THROTTLED_PREFIX } from "@/lib/platform/auth/throttled";
import { forgetOfflinePages } from "@/lib/platform/offline/offline-pages";
import type { Messages } from "@/lib/present/i18n";

import { useMessages } from "./i18n/MessagesProvider";
import { TextField } from "./ui/TextField";
import { useHydrated } from "./ui/use-hydrated";

type Text = Messages["signIn"];
type FieldErrors = { email?: string; password?: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validate(email: string, password: string, text: Text): FieldErrors {
  const errors: FieldErrors = {};
  if (!email) errors.email = text.emailRequired;
  else if (!EMAIL.test(email)) errors.email = text.emailInvalid;
  if (!password) errors.password = text.passwordRequired;
  return errors;
}

export function SignInForm() {
  const text = useMessages().signIn;
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Until the page's script runs, the button stays disabled: a submit before that would be
  // the browser's own, which would go nowhere (and, as a GET, put the password in the address).
  const ready = useHydrated();
  const router = useRouter();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const errors = validate(email, password, text);
    setFieldErrors(errors);
    setFormError(null);
    if (errors.email || errors.password) {
      document.getElementById(errors.email ? "email" : "password")?.focus();
      return;
    }
    setPending(true);
    try {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (result?.ok && !result.error) {
        // A portal page kept offline from an earlier session on this phone is not this user's.
        await forgetOfflinePages();
        // The start page sends each role to its own home; refresh drops pages cached signed out.
        router.replace("/");
        router.refresh();
        return;
      }
      // A throttled attempt was not checked at all: the server says how long to wait (lib/platform/auth/throttle.ts).
      setFormError(
        result?.error?.startsWith(THROTTLED_PREFIX) ? result.error.slice(THROTTLED_PREFIX.length) : text.failed,
      );
    } catch {
      setFormError(text.unavailable);
    }
    setPending(false);
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="stack" aria-busy={pending}>
      <div role="alert" className="form-error" hidden={!formError}>
        {formError}
      </div>
      <TextField
        id="email"
        label={text.email}
        type="email"
        autoComplete="username"
        required
        error={fieldErrors.email}
      />
      <TextField
        id="password"
        label={text.password}
        type="password"
        autoComplete="current-password"
        required
        error={fieldErrors.password}
      />
      <button type="submit" className="button primary" disabled={pending || !ready}>
        {pending ? text.submitting : text.submit}
      </button>
    </form>
  );
}
