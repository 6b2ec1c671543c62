import NextAuth from "next-auth";

import { authOptions } from "@/lib/platform/auth/auth-options.server";
import { route } from "@/lib/platform/entry-points/route.server";

const nextAuth = NextAuth(authOptions);

// Sign-in, sign-out and the session, by next-auth; public by nature. proxy.ts refuses a body
// larger than a sign-in form before it gets here.
const handler = route({ name: "/api/auth/[...nextauth]", access: "public" }, ({ request, params }) =>
  nextAuth(request, { params }),
);
export { handler as GET, handler as POST };
