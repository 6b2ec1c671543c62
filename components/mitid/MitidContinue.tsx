"use client";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useEffect, useRef, useState } from "react";

import { forgetOfflinePages } from "@/lib/platform/offline/offline-pages";

import { useMessages } from "../i18n/MessagesProvider";
import { RadioGroup } from "../ui/RadioGroup";
import { useHydrated } from "../ui/use-hydrated";

type Account = { userId: string; clinicName: string };

/**
 * The last step of a MitID sign-in: with one account the portal opens at once; with several
 * (the patient is a patient of two clinics) the patient chooses the clinic first. The session is
 * started by next-auth from the sealed list the server kept (lib/platform/auth/auth-options.server.ts).
 */
export function MitidContinue({ accounts }: { accounts: Account[] }) {
  const text = useMessages().mitid;
  const router = useRouter();
  const ready = useHydrated();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [choiceError, setChoiceError] = useState<string | undefined>();
  const started = useRef(false);
  const only = accounts.length === 1 ? accounts[0]!.userId : null;

  async function continueAs(userId: string) {
    setPending(true);
    setError(null);
    try {
      const result = await signIn("mitid", { userId, redirect: false });
      if (result?.ok && !result.error) {
        // A portal page kept offline from an earlier session on this phone is not this patient's.
        await forgetOfflinePages();
        router.replace("/");
        router.refresh();
        return;
      }
    } catch {
      // Said below, as for a refused sign-in: the list is spent either way, so the patient starts again.
    }
    setError(text.failedSignIn);
    setPending(false);
  }

  // One account: nothing to choose.
  useEffect(() => {
    if (only && !started.current) {
      started.current = true;
      void continueAs(only);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the page has loaded
  }, []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = new FormData(event.currentTarget).get("account");
    if (typeof chosen !== "string") {
      setChoiceError(text.chooseRequired);
      return;
    }
    setChoiceError(undefined);
    void continueAs(chosen);
  }

  if (error)
    return (
      <div className="stack">
        <p role="alert" className="form-error">
          {error}
        </p>
        <a className="button primary" href="/api/mitid/start">
          {text.tryAgain}
        </a>
      </div>
    );
  if (only)
    return (
      <p role="status" aria-busy="true">
        {text.continuing}
      </p>
    );
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-busy={pending}>
      <p>{text.chooseIntro}</p>
      <RadioGroup
        name="account"
        legend={text.chooseLegend}
        options={accounts.map((account) => ({ value: account.userId, label: account.clinicName }))}
        error={choiceError}
      />
      <button type="submit" className="button primary" disabled={pending || !ready}>
        {pending ? text.continuing : text.choose}
      </button>
    </form>
  );
}
