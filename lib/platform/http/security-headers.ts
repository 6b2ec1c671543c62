// The security headers of every response (SPEC §8), made in one place: proxy.ts sets them on
// pages, routes and static files alike. Scripts run only with this request's nonce, which
// Next.js reads from the policy and puts on its own script tags.

/**
 * The Content-Security-Policy of a page. `dev`: Next.js's development server (`npm run dev`),
 * whose React evaluates code for its error overlay and reloads through a WebSocket; never in
 * production.
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': a script the nonce let in may load the app's other chunks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Style sheets are files; React writes style attributes (chart sizes and colours), which
    // only 'unsafe-inline' on attributes allows. No <style> element runs without the nonce.
    // The development server injects <style> elements of its own (its overlay, hot-reloaded CSS).
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    // The portal's service worker and manifest (lib/platform/offline/). Without its own directive a
    // worker falls back to script-src, whose 'strict-dynamic' ignores 'self'.
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** HSTS for a year, only when the app is reached over HTTPS (NEXTAUTH_URL). */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

export function securityHeaders({
  nonce,
  https,
  dev = false,
}: {
  nonce: string;
  https: boolean;
  dev?: boolean;
}): Record<string, string> & { "Content-Security-Policy": string } {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce, dev),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    ...(https && { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY }),
  };
}
