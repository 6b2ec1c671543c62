"use client";
import { signOut } from "next-auth/react";
import { useState } from "react";

export function SignOutButton({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="button secondary"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/sign-in" });
      }}
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
