import "server-only";

import { cookies } from "next/headers";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { getMessages, LOCALE_COOKIE, parseLocale } from "../../present/i18n";
import { getDb } from "../db/app-db.server";
import { clientIp } from "../http/client-ip.server";
import { ACCOUNTS_COOKIE, readAccountsCookie } from "./mitid/mitid-cookies.server";
import { endSession, SESSION_HOURS, startSession } from "./sessions";
import { signInWithPassword } from "./sign-in";
import { THROTTLED_PREFIX, waitSentence } from "./throttled";

export const authOptions: NextAuthOptions = {
  // A JWT cookie (the credentials provider cannot use next-auth's database sessions) that names
  // a UserSession row; session.server.ts reads the actor only through a live row (sessions.ts).
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        const result = await signInWithPassword(await getDb(), credentials, await clientIp(), new Date());
        // The sentence in the visitor's language (the cookie the sign-in page's language switch sets).
        if (result.status === "throttled")
          throw new Error(
            `${THROTTLED_PREFIX}${waitSentence(getMessages(parseLocale((await cookies()).get(LOCALE_COOKIE)?.value)), result.retryAfterMs)}`,
          );
        return result.status === "ok" ? { id: result.user.id, email: result.user.email, name: result.user.name } : null;
      },
    }),
    // The last step of a MitID sign-in (SPEC §12): the account the patient chose among those
    // their CPR number matched, as the sealed cookie of /api/mitid/callback lists them. The
    // cookie is spent here, whatever the answer.
    CredentialsProvider({
      id: "mitid",
      credentials: { userId: { type: "text" } },
      async authorize(credentials) {
        const store = await cookies();
        const accounts = await readAccountsCookie(store.get(ACCOUNTS_COOKIE)?.value);
        store.delete(ACCOUNTS_COOKIE);
        const chosen = accounts?.find((account) => account.userId === credentials?.userId);
        if (!chosen) return null;
        const user = await (
          await getDb()
        ).user.findFirst({
          where: { id: chosen.userId, role: "PATIENT", active: true },
          select: { id: true, email: true, name: true },
        });
        return user;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = await startSession(await getDb(), user.id, new Date());
      }
      return token;
    },
    session({ session, token }) {
      // Only the ids leave the server in the session; role and clinic are read per request.
      return { expires: session.expires, user: { id: token.sub, sid: token.sid } } as typeof session;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSession(await getDb(), token.sid);
    },
  },
};
