/**
 * Errors that mean "the database cannot be reached right now" rather than "this query is wrong":
 * the server refused or dropped the connection, is shutting down or starting, or has no slot left.
 * postgres.js reconnects by itself on the next query, so these are temporary by nature.
 */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  // postgres.js connection errors
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/** SQLSTATE codes: class 08 (connection exception), 57P01–57P03 (shutdown / cannot connect now), 53300 (too many connections). */
const SQLSTATE_CODES = new Set(["57P01", "57P02", "57P03", "53300"]);

function codeOf(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** True when `error`, or one of its causes (drizzle wraps driver errors), says the database is unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const code = codeOf(current);
    if (code && (NETWORK_CODES.has(code) || SQLSTATE_CODES.has(code) || code.startsWith("08"))) return true;
    if (current instanceof AggregateError && current.errors.some((e) => isDatabaseUnavailable(e))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
