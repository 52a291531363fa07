const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * True when a state-changing request comes from another site: `Sec-Fetch-Site` (sent by every current
 * browser) must be same-origin or none; otherwise `Origin`, when present, must match `Host`.
 * Requests without either header (command-line clients) are not browser CSRF and pass.
 */
export function isCrossOriginWrite(method: string, headers: { get(name: string): string | null }): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const site = headers.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = headers.get("origin");
  if (!origin) return false;
  const host = headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
