import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options.server";

const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
