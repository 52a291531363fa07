import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb } from "../helpers/db.ts";
import { makeUser } from "../helpers/factories.ts";
import { hashPassword, verifyPassword } from "../../app/auth/password.server.ts";
import {
  blankSessionCookie,
  createSession,
  invalidateSession,
  invalidateUserSessions,
  SESSION_DURATION_MS,
  SESSION_RENEW_BEFORE_MS,
  sessionCookie,
  validateSessionToken,
} from "../../app/auth/session.server.ts";
import { checkRateLimits, RATE_LIMITS } from "../../app/auth/rate-limit.server.ts";
import { sessions } from "../../db/schema.ts";
import type { Db } from "../../db/client.ts";

let handle: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
});
afterAll(async () => handle.dispose());

describe("password hashing", () => {
  it("hashes with argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(hash).not.toContain("correct horse battery");
    expect(await verifyPassword(hash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(hash, "correct horse batterY")).toBe(false);
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });
  it("salts: the same password hashes differently", async () => {
    expect(await hashPassword("même mot de passe")).not.toBe(await hashPassword("même mot de passe"));
  });
});

describe("sessions (Lucia guide model)", () => {
  it("stores only the SHA-256 of the secret, and validates the token", async () => {
    const user = await makeUser(db);
    const { token, sessionId } = await createSession(db, user.id);
    const [row] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
    const secret = token.split(".")[1];
    expect(row.secretHash).toHaveLength(32);
    expect(Buffer.from(row.secretHash).toString("utf8")).not.toContain(secret);
    const valid = await validateSessionToken(db, token);
    expect(valid?.user.id).toBe(user.id);
    expect(valid?.renewed).toBe(false);
  });

  it("refuses a forged secret, a malformed token and an unknown id", async () => {
    const user = await makeUser(db);
    const { token } = await createSession(db, user.id);
    const [id] = token.split(".");
    expect(await validateSessionToken(db, `${id}.aaaaaaaaaaaaaaaaaaaaaaaa`)).toBeNull();
    expect(await validateSessionToken(db, "pas-un-jeton")).toBeNull();
    expect(await validateSessionToken(db, "inconnu.aaaaaaaaaaaaaaaaaaaaaaaa")).toBeNull();
  });

  it.each([
    { label: "just before the renewal point: not renewed", elapsed: SESSION_DURATION_MS - SESSION_RENEW_BEFORE_MS - 1000, renewed: false },
    { label: "just after the renewal point: renewed", elapsed: SESSION_DURATION_MS - SESSION_RENEW_BEFORE_MS + 1000, renewed: true },
    { label: "a minute before expiry: renewed", elapsed: SESSION_DURATION_MS - 60_000, renewed: true },
  ])("sliding expiry — $label", async ({ elapsed, renewed }) => {
    const user = await makeUser(db);
    const start = new Date("2026-01-01T00:00:00Z");
    const { token } = await createSession(db, user.id, start);
    const now = new Date(start.getTime() + elapsed);
    const valid = await validateSessionToken(db, token, now);
    expect(valid?.renewed).toBe(renewed);
    if (renewed) expect(valid!.expiresAt.getTime()).toBe(now.getTime() + SESSION_DURATION_MS);
    else expect(valid!.expiresAt.getTime()).toBe(start.getTime() + SESSION_DURATION_MS);
  });

  it("expires after 30 days without use and deletes the row", async () => {
    const user = await makeUser(db);
    const start = new Date("2026-01-01T00:00:00Z");
    const { token, sessionId } = await createSession(db, user.id, start);
    expect(await validateSessionToken(db, token, new Date(start.getTime() + SESSION_DURATION_MS - 1))).not.toBeNull();
    const { token: token2, sessionId: id2 } = await createSession(db, user.id, start);
    expect(await validateSessionToken(db, token2, new Date(start.getTime() + SESSION_DURATION_MS))).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.id, id2))).toHaveLength(0);
    void token;
    void sessionId;
  });

  it("sign-out deletes the session; sign-out everywhere deletes them all", async () => {
    const user = await makeUser(db);
    const a = await createSession(db, user.id);
    const b = await createSession(db, user.id);
    await invalidateSession(db, a.sessionId);
    expect(await validateSessionToken(db, a.token)).toBeNull();
    expect(await validateSessionToken(db, b.token)).not.toBeNull();
    await invalidateUserSessions(db, user.id);
    expect(await validateSessionToken(db, b.token)).toBeNull();
  });
});

describe("session cookie flags", () => {
  it("is HttpOnly, SameSite=Lax, Path=/, with an expiry; Secure in production", () => {
    const previous = { env: process.env.NODE_ENV, secure: process.env.SESSION_SECURE };
    try {
      delete process.env.SESSION_SECURE;
      process.env.NODE_ENV = "production";
      const cookie = sessionCookie("abc.def", new Date("2026-12-24T00:00:00Z"));
      expect(cookie).toMatch(/^boussole_session=abc\.def; /);
      expect(cookie).toContain("HttpOnly");
      expect(cookie).toContain("SameSite=Lax");
      expect(cookie).toContain("Path=/");
      expect(cookie).toContain("Expires=Thu, 24 Dec 2026 00:00:00 GMT");
      expect(cookie).toContain("Secure");
      process.env.NODE_ENV = "development";
      expect(sessionCookie("abc.def", new Date())).not.toContain("Secure");
      process.env.SESSION_SECURE = "true";
      expect(sessionCookie("abc.def", new Date())).toContain("Secure");
      expect(blankSessionCookie()).toContain("Max-Age=0");
    } finally {
      process.env.NODE_ENV = previous.env;
      if (previous.secure === undefined) delete process.env.SESSION_SECURE;
      else process.env.SESSION_SECURE = previous.secure;
    }
  });
});

describe("rate limits (counters in PostgreSQL)", () => {
  it("allows up to the limit in a window, refuses beyond, and starts again in the next window", async () => {
    const { max, windowMs } = RATE_LIMITS.loginPerEmail;
    const t0 = new Date("2026-03-01T10:00:00Z");
    for (let i = 1; i <= max; i++) expect(await checkRateLimits([["loginPerEmail", "quota@exemple.fr"]], t0)).toBe(true);
    expect(await checkRateLimits([["loginPerEmail", "quota@exemple.fr"]], t0)).toBe(false);
    expect(await checkRateLimits([["loginPerEmail", "autre@exemple.fr"]], t0)).toBe(true);
    const later = new Date(t0.getTime() + windowMs + 1);
    expect(await checkRateLimits([["loginPerEmail", "quota@exemple.fr"]], later)).toBe(true);
  });
});
