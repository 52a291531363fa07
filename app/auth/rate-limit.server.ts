import { getDb } from "../../db/client.ts";
import { clearRateLimit, hitRateLimit } from "../../db/queries/rate-limits.ts";

/** Attempts allowed per window. Counters live in PostgreSQL so that every app instance shares them. */
export const RATE_LIMITS = {
  loginPerEmail: { max: 5, windowMs: 15 * 60 * 1000 },
  loginPerIp: { max: 30, windowMs: 15 * 60 * 1000 },
  resetPerEmail: { max: 3, windowMs: 60 * 60 * 1000 },
  resetPerIp: { max: 10, windowMs: 60 * 60 * 1000 },
  signupPerIp: { max: 10, windowMs: 60 * 60 * 1000 },
  /** Sign-up mails to one address (a confirmation link or « déjà un compte »): over it, the same answer, no mail. */
  signupPerEmail: { max: 3, windowMs: 60 * 60 * 1000 },
} as const;
export type RateLimitName = keyof typeof RATE_LIMITS;

/** The client address the server wrote in `x-client-ip` (incoming values are overwritten by the server). */
export function clientIp(request: Request): string {
  return request.headers.get("x-client-ip") ?? "inconnue";
}

/**
 * Counts an attempt on every key; true when all are within their limits. Every key is counted even when
 * the first is over, so that an attacker cannot probe which limit applies.
 */
export async function checkRateLimits(checks: Array<[RateLimitName, string]>, now = new Date()): Promise<boolean> {
  const db = await getDb();
  let allowed = true;
  for (const [name, subject] of checks) {
    const { max, windowMs } = RATE_LIMITS[name];
    const count = await hitRateLimit(db, `${name}:${subject}`, windowMs, now);
    if (count > max) allowed = false;
  }
  return allowed;
}

export async function resetRateLimit(name: RateLimitName, subject: string) {
  await clearRateLimit(await getDb(), `${name}:${subject}`);
}

export const RATE_LIMITED_MESSAGE =
  "Trop de tentatives en peu de temps. Pour protéger les comptes, patientez quelques minutes avant de réessayer.";
