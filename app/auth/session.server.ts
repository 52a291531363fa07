import { getDb, type DbOrTx } from "../../db/client.ts";
import * as q from "../../db/queries/sessions.ts";
import { generateSecureRandomString, newIdSecretToken, secretMatches, splitIdSecretToken } from "./tokens.server.ts";

/** Sessions last 30 days from the last use (sliding expiry, Lucia guide). */
export const SESSION_DURATION_MS = 30 * 24 * 60 * 60 * 1000;
/** The expiry moves forward when less than half of the duration is left, so a busy user is not written on every request. */
export const SESSION_RENEW_BEFORE_MS = SESSION_DURATION_MS / 2;
export const SESSION_COOKIE = "boussole_session";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}
export interface ValidSession {
  sessionId: string;
  /** The cookie token, to send it again when renewed. */
  token: string;
  expiresAt: Date;
  /** True when the expiry moved and the cookie must be sent again. */
  renewed: boolean;
  user: SessionUser;
}

/** Creates a session for `userId`; returns the cookie token and the expiry. */
export async function createSession(db: DbOrTx, userId: string, now = new Date()) {
  const id = generateSecureRandomString();
  const { token, secretHash } = newIdSecretToken(id);
  const expiresAt = new Date(now.getTime() + SESSION_DURATION_MS);
  await q.insertSession(db, { id, secretHash, userId, expiresAt });
  return { token, sessionId: id, expiresAt };
}

/** Checks a cookie token: unknown, forged or expired tokens give null; expired rows are deleted. */
export async function validateSessionToken(db: DbOrTx, token: string, now = new Date()): Promise<ValidSession | null> {
  const parts = splitIdSecretToken(token);
  if (!parts) return null;
  const row = await q.findSessionWithUser(db, parts.id);
  if (!row) return null;
  if (!secretMatches(parts.secret, row.secretHash)) return null;
  if (row.expiresAt.getTime() <= now.getTime()) {
    await q.deleteSession(db, row.id);
    return null;
  }
  let expiresAt = row.expiresAt;
  let renewed = false;
  if (expiresAt.getTime() - now.getTime() < SESSION_RENEW_BEFORE_MS) {
    expiresAt = new Date(now.getTime() + SESSION_DURATION_MS);
    await q.extendSession(db, row.id, expiresAt);
    renewed = true;
  }
  return { sessionId: row.id, token, expiresAt, renewed, user: { id: row.userId, email: row.email, name: row.name } };
}

export async function invalidateSession(db: DbOrTx, sessionId: string) {
  await q.deleteSession(db, sessionId);
}

/** "Se déconnecter de tous les appareils" and password changes. */
export async function invalidateUserSessions(db: DbOrTx, userId: string, exceptSessionId?: string) {
  await q.deleteUserSessions(db, userId, exceptSessionId);
}

function cookieSecure(): boolean {
  const setting = process.env.SESSION_SECURE;
  if (setting === "true" || setting === "1") return true;
  if (setting === "false" || setting === "0") return false;
  return process.env.NODE_ENV === "production";
}

/** Set-Cookie value for the session token: HttpOnly, SameSite=Lax, Secure in production. */
export function sessionCookie(token: string, expiresAt: Date): string {
  const attrs = [`${SESSION_COOKIE}=${token}`, "HttpOnly", "SameSite=Lax", "Path=/", `Expires=${expiresAt.toUTCString()}`];
  if (cookieSecure()) attrs.push("Secure");
  return attrs.join("; ");
}

export function blankSessionCookie(): string {
  const attrs = [`${SESSION_COOKIE}=`, "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=0"];
  if (cookieSecure()) attrs.push("Secure");
  return attrs.join("; ");
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) return rest.join("=") || null;
  }
  return null;
}

const cache = new WeakMap<Request, Promise<ValidSession | null>>();

/** The request's session, looked up once per request (the root middleware and the loaders share it). */
export function getSession(request: Request): Promise<ValidSession | null> {
  let pending = cache.get(request);
  if (!pending) {
    const token = readSessionToken(request);
    pending = token ? getDb().then((db) => validateSessionToken(db, token)) : Promise.resolve(null);
    cache.set(request, pending);
  }
  return pending;
}
