import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";

// Counts the argon2 verifications and hashes, to prove that an unknown email goes through the same work as a known one.
const argon2Calls = vi.hoisted(() => ({ verify: 0, hash: 0 }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const original = await importOriginal<typeof import("@node-rs/argon2")>();
  return {
    ...original,
    verify: (...args: Parameters<typeof original.verify>) => {
      argon2Calls.verify += 1;
      return original.verify(...args);
    },
    hash: (...args: Parameters<typeof original.hash>) => {
      argon2Calls.hash += 1;
      return original.hash(...args);
    },
  };
});

// Records the mails instead of writing them, and can hold them: an answer that waited for its mail would never come.
const mailer = vi.hoisted(() => ({ sent: [] as { to: string; subject: string; text: string }[], held: null as Promise<void> | null }));
vi.mock("../../app/mail/mailer.server.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../app/mail/mailer.server.ts")>();
  return {
    ...original,
    sendMail: async (mail: { to: string; subject: string; text: string }) => {
      if (mailer.held) await mailer.held;
      mailer.sent.push(mail);
    },
  };
});

import { createTestDb } from "../helpers/db.ts";
import { makeSignupForm, makeUser, TEST_PASSWORD } from "../helpers/factories.ts";
import { callRoute, get, post } from "../helpers/routes.ts";
import * as login from "../../app/routes/login.tsx";
import * as logout from "../../app/routes/logout.tsx";
import * as account from "../../app/routes/account.tsx";
import * as forgot from "../../app/routes/forgot-password.tsx";
import * as dashboard from "../../app/routes/dashboard.tsx";
import * as signup from "../../app/routes/signup.tsx";
import { backgroundSettled } from "../../app/auth/background.server.ts";
import { createSession, readSessionToken, SESSION_COOKIE } from "../../app/auth/session.server.ts";
import { RATE_LIMITS } from "../../app/auth/rate-limit.server.ts";
import { passwordResetTokens, sessions, signupRequests, users } from "../../db/schema.ts";
import type { Db } from "../../db/client.ts";

let handle: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let ipCounter = 0;
/** A fresh client address per request, so the rate limits of one test do not touch another. */
const ip = () => `10.77.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
});
afterAll(async () => handle.dispose());
beforeEach(async () => {
  await backgroundSettled();
  argon2Calls.verify = 0;
  argon2Calls.hash = 0;
  mailer.sent = [];
  mailer.held = null;
});

async function sessionIdsOf(userId: string): Promise<string[]> {
  return (await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId))).map((r) => r.id).sort();
}

/** The session token a Set-Cookie header carries. */
function tokenOf(setCookie: string | null): string | null {
  if (!setCookie) return null;
  return readSessionToken(new Request("http://localhost/", { headers: { Cookie: setCookie.split(";")[0] } }));
}

async function opensSpace(cookie: string): Promise<boolean> {
  return (await callRoute(dashboard.loader, get("/espace", cookie))).status === 200;
}

/** Another device of the same user: a second session. */
async function secondDevice(userId: string) {
  const s = await createSession(db, userId);
  return { cookie: `${SESSION_COOKIE}=${s.token}`, sessionId: s.sessionId };
}

describe("session fixation", () => {
  it("sign-in ignores a planted session cookie and issues a new session id", async () => {
    const user = await makeUser(db);
    const planted = "attaquant0000000000000000.secretchoisiparlattaquant";
    const before = await sessionIdsOf(user.id);
    const res = await callRoute(
      login.action,
      post("/connexion", { email: user.email, password: TEST_PASSWORD }, `${SESSION_COOKIE}=${planted}`, ip()),
    );
    expect(res.status).toBe(302);
    const token = tokenOf(res.headers.get("Set-Cookie"));
    expect(token).not.toBeNull();
    expect(token).not.toBe(planted);
    const after = await sessionIdsOf(user.id);
    const created = after.filter((id) => !before.includes(id));
    expect(created).toHaveLength(1);
    expect(token!.startsWith(`${created[0]}.`)).toBe(true);
    expect(await opensSpace(`${SESSION_COOKIE}=${planted}`)).toBe(false);
  });

  it("two sign-ins give two different sessions (the id is never reused)", async () => {
    const user = await makeUser(db);
    const a = await callRoute(login.action, post("/connexion", { email: user.email, password: TEST_PASSWORD }, undefined, ip()));
    const b = await callRoute(login.action, post("/connexion", { email: user.email, password: TEST_PASSWORD }, undefined, ip()));
    expect(tokenOf(a.headers.get("Set-Cookie"))).not.toBe(tokenOf(b.headers.get("Set-Cookie")));
  });
});

describe("sign-out everywhere", () => {
  it("« Se déconnecter de tous les appareils » deletes every session of the user and only theirs", async () => {
    const user = await makeUser(db);
    const other = await secondDevice(user.id);
    const someoneElse = await makeUser(db);
    expect(await opensSpace(user.cookie)).toBe(true);
    expect(await opensSpace(other.cookie)).toBe(true);
    const res = await callRoute(logout.action, post("/deconnexion", { everywhere: "1" }, user.cookie));
    expect(res.status).toBe(302);
    expect(res.headers.get("Set-Cookie")).toContain("Max-Age=0");
    expect(await sessionIdsOf(user.id)).toEqual([]);
    expect(await opensSpace(user.cookie)).toBe(false);
    expect(await opensSpace(other.cookie)).toBe(false);
    expect(await opensSpace(someoneElse.cookie)).toBe(true);
  });

  it("a plain sign-out ends only the current device", async () => {
    const user = await makeUser(db);
    const other = await secondDevice(user.id);
    await callRoute(logout.action, post("/deconnexion", {}, user.cookie));
    expect(await opensSpace(user.cookie)).toBe(false);
    expect(await opensSpace(other.cookie)).toBe(true);
  });

  it("signing out is a POST: a GET on /deconnexion changes nothing", async () => {
    const user = await makeUser(db);
    const res = await callRoute(logout.loader as never, get("/deconnexion", user.cookie));
    expect(res.status).toBe(302);
    expect(await opensSpace(user.cookie)).toBe(true);
  });
});

describe("password change", () => {
  it("revokes every other session and keeps the current one", async () => {
    const user = await makeUser(db);
    const other = await secondDevice(user.id);
    const third = await secondDevice(user.id);
    const res = await callRoute(
      account.action,
      post("/compte", { intent: "password", current: TEST_PASSWORD, password: "une toute nouvelle phrase", confirm: "une toute nouvelle phrase" }, user.cookie),
    );
    expect(res.status).toBe(200);
    expect(res.data.done).toBe(true);
    expect(await sessionIdsOf(user.id)).toEqual([user.sessionId]);
    expect(await opensSpace(user.cookie)).toBe(true);
    expect(await opensSpace(other.cookie)).toBe(false);
    expect(await opensSpace(third.cookie)).toBe(false);
    const old = await callRoute(login.action, post("/connexion", { email: user.email, password: TEST_PASSWORD }, undefined, ip()));
    expect(old.status).toBe(400);
    const fresh = await callRoute(login.action, post("/connexion", { email: user.email, password: "une toute nouvelle phrase" }, undefined, ip()));
    expect(fresh.status).toBe(302);
  });

  it("a wrong current password changes nothing and ends no session", async () => {
    const user = await makeUser(db);
    const other = await secondDevice(user.id);
    const res = await callRoute(
      account.action,
      post("/compte", { intent: "password", current: "pas le bon mot de passe", password: "une toute nouvelle phrase", confirm: "une toute nouvelle phrase" }, user.cookie),
    );
    expect(res.status).toBe(400);
    expect(res.data.result.error.current).toEqual(["Le mot de passe actuel est incorrect."]);
    expect(await opensSpace(other.cookie)).toBe(true);
    const stillOld = await callRoute(login.action, post("/connexion", { email: user.email, password: TEST_PASSWORD }, undefined, ip()));
    expect(stillOld.status).toBe(302);
  });
});

describe("no account enumeration", () => {
  it("sign-in: an unknown email and a wrong password get the same status and message, each after one argon2 verification", async () => {
    const user = await makeUser(db);
    argon2Calls.verify = 0;
    const wrong = await callRoute(login.action, post("/connexion", { email: user.email, password: "mauvais mot de passe" }, undefined, ip()));
    expect(argon2Calls.verify).toBe(1);
    argon2Calls.verify = 0;
    const unknown = await callRoute(login.action, post("/connexion", { email: `inconnu-${ipCounter}@exemple.fr`, password: "mauvais mot de passe" }, undefined, ip()));
    expect(argon2Calls.verify).toBe(1);
    expect(unknown.status).toBe(wrong.status);
    // The body differs only by the echoed email address.
    expect(unknown.data.result.error).toEqual(wrong.data.result.error);
    expect(Object.keys(unknown.data)).toEqual(Object.keys(wrong.data));
    expect(unknown.headers.get("Set-Cookie")).toBeNull();
    expect(wrong.headers.get("Set-Cookie")).toBeNull();
  });

  it("sign-in: rate limiting counts unknown emails like known ones", async () => {
    const user = await makeUser(db);
    const address = ip();
    const results = [];
    for (const email of [user.email, "absent@exemple.fr"]) {
      for (let i = 0; i < RATE_LIMITS.loginPerEmail.max; i++) await callRoute(login.action, post("/connexion", { email, password: "mauvais" }, undefined, ip()));
      results.push(await callRoute(login.action, post("/connexion", { email, password: "mauvais" }, undefined, address)));
    }
    expect(results[0].status).toBe(results[1].status);
    expect(results[0].data.result.error).toEqual(results[1].data.result.error);
  });

  it("password reset: the same status and body for an existing and an unknown email", async () => {
    const user = await makeUser(db);
    const known = await callRoute(forgot.action, post("/mot-de-passe-oublie", { email: user.email }, undefined, ip()));
    const unknown = await callRoute(forgot.action, post("/mot-de-passe-oublie", { email: "personne-absente@exemple.fr" }, undefined, ip()));
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(known.status);
    expect(unknown.data).toEqual(known.data);
  });

  it("password reset: the answer never waits for the token or the mail, known email or not", async () => {
    const user = await makeUser(db);
    let release!: () => void;
    mailer.held = new Promise((resolve) => (release = resolve));
    const known = await callRoute(forgot.action, post("/mot-de-passe-oublie", { email: user.email }, undefined, ip()));
    expect(known.data.sent).toBe(true);
    expect(mailer.sent).toEqual([]);
    release();
    await backgroundSettled();
    expect(mailer.sent.map((m) => m.to)).toEqual([user.email]);
    expect(await db.select({ id: passwordResetTokens.id }).from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id))).toHaveLength(1);
  });

  const signupForm = (email: string) => makeSignupForm({ email });


  it("sign-up: a known and a new email get the same status and body after one argon2 hash each, and the answer never waits for the mail", async () => {
    const user = await makeUser(db);
    const fresh = `nouvelle-${ipCounter}@exemple.fr`;
    let release!: () => void;
    mailer.held = new Promise((resolve) => (release = resolve));
    argon2Calls.hash = 0;
    const known = await callRoute(signup.action, post("/inscription", signupForm(user.email), undefined, ip()));
    expect(argon2Calls.hash).toBe(1);
    argon2Calls.hash = 0;
    const unknown = await callRoute(signup.action, post("/inscription", signupForm(fresh), undefined, ip()));
    expect(argon2Calls.hash).toBe(1);
    expect(mailer.sent).toEqual([]);
    expect(unknown.status).toBe(200);
    expect(known.status).toBe(unknown.status);
    const masked = (r: typeof known, email: string) => JSON.stringify(r.data).replaceAll(email, "ADRESSE");
    expect(masked(known, user.email)).toBe(masked(unknown, fresh));
    expect(known.headers.get("Set-Cookie")).toBeNull();
    expect(unknown.headers.get("Set-Cookie")).toBeNull();
    release();
    await backgroundSettled();
    // Then: a confirmation link for the new email only, a « déjà un compte » mail for the known one, no account created.
    expect(mailer.sent.find((m) => m.to === fresh)?.text).toContain("/inscription/confirmer/");
    expect(mailer.sent.find((m) => m.to === user.email)?.subject).toContain("vous avez déjà un compte");
    expect((await db.select({ email: signupRequests.email }).from(signupRequests).where(eq(signupRequests.email, user.email)))).toEqual([]);
    expect(await db.select({ id: users.id }).from(users).where(eq(users.email, fresh))).toEqual([]);
  });
});
