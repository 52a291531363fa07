/**
 * HTTP security headers of every HTML response. Scripts run only with the per-request nonce
 * (React Router's inline hydration scripts carry it); styles allow inline attributes because
 * recharts sets style attributes on its SVG.
 */
export function securityHeaders(nonce: string): Record<string, string> {
  const production = process.env.NODE_ENV === "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${production ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${production ? "" : " ws: wss:"}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    ...baseSecurityHeaders(),
    "Content-Security-Policy": csp,
  };
}

/**
 * The policy of every response that is not an HTML page (PDF, CSV, static files, plain-text errors):
 * nothing may load from it and no page may frame it. HTML pages replace it with securityHeaders().
 */
export const NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Headers for every response, HTML or not (the server sets them first; HTML pages then replace the CSP). */
export function baseSecurityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": NON_HTML_CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (process.env.NODE_ENV === "production" && process.env.SESSION_SECURE !== "false")
    headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}
