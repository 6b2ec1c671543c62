import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/app-db.server";
import { authenticate } from "./authenticate";

const EIGHT_HOURS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  // A JWT session: the credentials provider cannot use database sessions. Each request still
  // re-reads the user (see session.server.ts), so deactivation takes effect at once.
  session: { strategy: "jwt", maxAge: EIGHT_HOURS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        const user = await authenticate(await getDb(), credentials);
        return user && { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      // Only the id leaves the server in the session; role and clinic are read per request.
      return { expires: session.expires, user: { id: token.sub } } as typeof session;
    },
  },
};

