import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDb } from "../helpers/db.ts";
import { makeOrg, makeSignupForm, makeUser, TEST_PASSWORD } from "../helpers/factories.ts";
import { callRoute, cookieFrom, get, post } from "../helpers/routes.ts";
import * as signup from "../../app/routes/signup.tsx";
import * as login from "../../app/routes/login.tsx";
import * as logout from "../../app/routes/logout.tsx";
import * as forgot from "../../app/routes/forgot-password.tsx";
import * as reset from "../../app/routes/reset-password.tsx";
import * as invitation from "../../app/routes/invitation.tsx";
import * as members from "../../app/routes/org-members.tsx";
import * as dashboard from "../../app/routes/dashboard.tsx";
import * as signupConfirm from "../../app/routes/signup-confirm.tsx";
import { backgroundSettled } from "../../app/auth/background.server.ts";
import { RATE_LIMITS } from "../../app/auth/rate-limit.server.ts";
import { auditLog, memberships, organizations, passwordResetTokens, signupRequests, users } from "../../db/schema.ts";
import type { Db } from "../../db/client.ts";
import { findUserByEmail } from "../../db/queries/users.ts";

let handle: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let outbox: string;
beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  outbox = fs.mkdtempSync(path.join(os.tmpdir(), "outbox-"));
  process.env.OUTBOX_DIR = outbox;
});
afterAll(async () => handle.dispose());
beforeEach(async () => {
  await backgroundSettled();
  for (const f of fs.readdirSync(outbox)) fs.rmSync(path.join(outbox, f));
});

async function count(table: typeof users | typeof organizations) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
  return row.n;
}

/** The last mail written to the outbox (once the background work is done), and the first link it contains. */
async function lastMail(): Promise<{ text: string; link: string }> {
  await backgroundSettled();
  const files = fs.readdirSync(outbox).sort();
  const text = fs.readFileSync(path.join(outbox, files[files.length - 1]), "utf8");
  const link = text.match(/https?:\/\/\S+/)![0];
  return { text, link };
}

const validSignup = () => makeSignupForm();

const NBSP = "\u00a0";

/** The mails written to the outbox for `email` (after the background work has finished). */
async function mailsTo(email: string): Promise<{ text: string; link: string }[]> {
  await backgroundSettled();
  return fs
    .readdirSync(outbox)
    .filter((f) => f.includes(email))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(outbox, f), "utf8");
      return { text, link: text.match(/https?:\/\/\S+/)![0] };
    });
}

/** The token of the last confirmation link mailed to `email`. */
async function confirmationToken(email: string): Promise<string> {
  const mails = await mailsTo(email);
  const link = mails[mails.length - 1].link;
  expect(link).toMatch(/^http:\/\/localhost\/inscription\/confirmer\/[^/]+$/);
  return decodeURIComponent(new URL(link).pathname.split("/").pop()!);
}

const confirmGet = (token: string) => callRoute(signupConfirm.loader, get(`/inscription/confirmer/${encodeURIComponent(token)}`), { token });
const confirmPost = (token: string) => callRoute(signupConfirm.action, post(`/inscription/confirmer/${encodeURIComponent(token)}`, {}), { token });

async function countRequests() {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(signupRequests);
  return row.n;
}

let ipCounter = 0;
/** A fresh client address per sign-up, so the per-IP limit of one test does not touch another. */
const ip = () => `10.60.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

describe("sign-up", () => {
  it.each([
    { label: "SIRET of 13 digits", field: "siret", value: "7328293200007", message: "Le SIRET compte 14 chiffres ; celui-ci en a 13." },
    { label: "SIRET failing Luhn", field: "siret", value: "73282932000075", message: "Ce SIRET n'est pas valide" },
    { label: "email without domain", field: "email", value: "claire@", message: "Cette adresse électronique n'est pas valide" },
    { label: "password of 9 characters", field: "password", value: "abcdefghi", message: "au moins 10 caractères ; celui-ci en a 9" },
    { label: "common password", field: "password", value: "azertyuiop", message: "trop courant" },
    { label: "unknown département", field: "departement", value: "99", message: "Choisissez un département dans la liste." },
  ])("refuses $label with a French field error, stores and mails nothing", async ({ field, value, message }) => {
    const before = [await count(users), await count(organizations), await countRequests()];
    const res = await callRoute(signup.action, post("/inscription", { ...validSignup(), [field]: value }, undefined, ip()));
    expect(res.status).toBe(400);
    expect(res.data.result.error[field].join(" ")).toContain(message);
    await backgroundSettled();
    expect([await count(users), await count(organizations), await countRequests()]).toEqual(before);
    expect(fs.readdirSync(outbox)).toEqual([]);
  });

  it("answers « Vérifiez votre messagerie » and mails a link; its button creates the user, the structure and the ownership, and signs in", async () => {
    const input = validSignup();
    const res = await callRoute(signup.action, post("/inscription", { ...input, siret: input.siret.replace(/(\d{3})/g, "$1 ") }, undefined, ip()));
    expect(res.status).toBe(200);
    expect(res.data.sentTo).toBe(input.email);
    expect(res.headers.get("Set-Cookie")).toBeNull();
    const [mail] = await mailsTo(input.email);
    expect(mail.text).toContain(`Objet : Boussole Égalité${NBSP}: activez votre compte`);
    expect(mail.text).toContain("valable 48");
    // Nothing exists yet but the request: no account to sign in to.
    expect(await db.select().from(users).where(eq(users.email, input.email))).toEqual([]);
    expect(await countRequests()).toBeGreaterThan(0);
    const refused = await callRoute(login.action, post("/connexion", { email: input.email, password: input.password }, undefined, ip()));
    expect(refused.data.result.error[""]).toEqual(["Adresse électronique ou mot de passe incorrect."]);

    const token = await confirmationToken(input.email);
    // GET only shows the button (mail scanners open links).
    const page = await confirmGet(token);
    expect(page.data.pending).toEqual({ email: input.email, structureName: "Chantier Vert" });
    expect(await db.select().from(users).where(eq(users.email, input.email))).toEqual([]);

    const done = await confirmPost(token);
    expect(done.status).toBe(302);
    expect(done.location).toMatch(/^\/o\/[0-9a-f-]+\?bienvenue=1$/);
    const cookie = cookieFrom(done);
    const [org] = await db.select().from(organizations).where(eq(organizations.siret, input.siret));
    expect(org).toMatchObject({ kind: "structure", name: "Chantier Vert", structureType: "ACI", departement: "62", commune: "Arras" });
    expect(done.location).toBe(`/o/${org.id}?bienvenue=1`);
    const [m] = await db.select().from(memberships).where(eq(memberships.organizationId, org.id));
    expect(m.role).toBe("owner");
    const [user] = await db.select().from(users).where(eq(users.email, input.email));
    expect(user).toMatchObject({ name: "Claire Dumont", id: m.userId });
    expect(await db.select({ action: auditLog.action, actor: auditLog.actorUserId }).from(auditLog).where(eq(auditLog.organizationId, org.id))).toEqual([
      { action: "organization.created", actor: user.id },
    ]);
    expect(await db.select().from(signupRequests).where(eq(signupRequests.email, input.email))).toEqual([]);
    const home = await callRoute(dashboard.loader, get("/espace", cookie));
    expect(home.data.orgs.map((o: { name: string }) => o.name)).toEqual(["Chantier Vert"]);
    // The password chosen at sign-up works.
    const ok = await callRoute(login.action, post("/connexion", { email: input.email, password: input.password }, undefined, ip()));
    expect(ok.status).toBe(302);

    // Single use.
    expect((await confirmGet(token)).data.pending).toBeNull();
    const again = await confirmPost(token);
    expect(again.status).toBe(410);
    expect(again.data.refused).toBe("invalid");
  });

  it("a known email gets the same answer, a « déjà un compte » mail, and nothing is stored", async () => {
    const existing = await makeUser(db);
    const fresh = validSignup();
    const known = await callRoute(signup.action, post("/inscription", { ...validSignup(), email: existing.email }, undefined, ip()));
    const unknown = await callRoute(signup.action, post("/inscription", fresh, undefined, ip()));
    expect(known.status).toBe(unknown.status);
    expect(known.headers.get("Set-Cookie")).toBe(unknown.headers.get("Set-Cookie"));
    expect(JSON.stringify(known.data).replaceAll(existing.email, "ADRESSE")).toBe(JSON.stringify(unknown.data).replaceAll(fresh.email, "ADRESSE"));
    const [mail] = await mailsTo(existing.email);
    expect(mail.text).toContain(`Objet : Boussole Égalité${NBSP}: vous avez déjà un compte`);
    expect(mail.text).toContain("http://localhost/connexion");
    expect(mail.text).toContain("http://localhost/mot-de-passe-oublie");
    expect(mail.text).not.toContain("/inscription/confirmer/");
    expect(await db.select().from(signupRequests).where(eq(signupRequests.email, existing.email))).toEqual([]);
    expect(await db.select({ id: users.id }).from(users).where(eq(users.email, existing.email))).toEqual([{ id: existing.id }]);
    // The existing password is untouched.
    const ok = await callRoute(login.action, post("/connexion", { email: existing.email, password: TEST_PASSWORD }, undefined, ip()));
    expect(ok.status).toBe(302);
  });

  it("refuses an expired link (48 hours) and a forged one, creating nothing", async () => {
    const input = validSignup();
    await callRoute(signup.action, post("/inscription", input, undefined, ip()));
    const token = await confirmationToken(input.email);
    const forged = token.replace(/\.(.)/, (_, c: string) => `.${c === "a" ? "b" : "a"}`);
    expect((await confirmGet(forged)).data.pending).toBeNull();
    expect((await confirmPost(forged)).status).toBe(410);
    expect((await confirmGet("pas-un-jeton")).data.pending).toBeNull();
    await db.update(signupRequests).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(signupRequests.email, input.email));
    expect((await confirmGet(token)).data.pending).toBeNull();
    const res = await confirmPost(token);
    expect(res.status).toBe(410);
    expect(res.data.refused).toBe("invalid");
    expect(await db.select().from(users).where(eq(users.email, input.email))).toEqual([]);
    expect(await db.select().from(organizations).where(eq(organizations.siret, input.siret))).toEqual([]);
  });

  it("two requests for one email: the first confirmed deletes the other, whose link is then refused", async () => {
    const first = validSignup();
    const second = { ...validSignup(), email: first.email };
    await callRoute(signup.action, post("/inscription", first, undefined, ip()));
    const firstToken = await confirmationToken(first.email);
    await callRoute(signup.action, post("/inscription", second, undefined, ip()));
    const secondToken = await confirmationToken(first.email);
    expect(secondToken).not.toBe(firstToken);
    expect((await confirmPost(secondToken)).status).toBe(302);
    expect(await db.select().from(signupRequests).where(eq(signupRequests.email, first.email))).toEqual([]);
    const res = await confirmPost(firstToken);
    expect(res.status).toBe(410);
    expect(await db.select().from(organizations).where(eq(organizations.siret, first.siret))).toEqual([]);
  });

  it("two confirmations of one link at once: one account, the other refused", async () => {
    const input = validSignup();
    await callRoute(signup.action, post("/inscription", input, undefined, ip()));
    const token = await confirmationToken(input.email);
    const results = await Promise.all([confirmPost(token), confirmPost(token)]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 410]);
    expect(await db.select({ id: users.id }).from(users).where(eq(users.email, input.email))).toHaveLength(1);
    expect(await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.siret, input.siret))).toHaveLength(1);
  });

  it("an email that got an account in the meantime: « déjà activé », nothing created", async () => {
    const input = validSignup();
    await callRoute(signup.action, post("/inscription", input, undefined, ip()));
    const token = await confirmationToken(input.email);
    await makeUser(db, { email: input.email });
    const res = await confirmPost(token);
    expect(res.status).toBe(409);
    expect(res.data.refused).toBe("activated");
    expect(await db.select().from(organizations).where(eq(organizations.siret, input.siret))).toEqual([]);
  });

  it("a SIRET that got a space in the meantime: refused with the reason, nothing created", async () => {
    const a = validSignup();
    const b = { ...validSignup(), siret: a.siret };
    await callRoute(signup.action, post("/inscription", a, undefined, ip()));
    await callRoute(signup.action, post("/inscription", b, undefined, ip()));
    const tokenA = await confirmationToken(a.email);
    const tokenB = await confirmationToken(b.email);
    expect((await confirmPost(tokenA)).status).toBe(302);
    const before = [await count(users), await count(organizations)];
    const res = await confirmPost(tokenB);
    expect(res.status).toBe(409);
    expect(res.data.refused).toBe("siret");
    expect([await count(users), await count(organizations)]).toEqual(before);
    expect(await db.select().from(users).where(eq(users.email, b.email))).toEqual([]);
  });

  it("refuses at once a SIRET that already has a space, whatever the email, storing and mailing nothing", async () => {
    const input = validSignup();
    await callRoute(signup.action, post("/inscription", input, undefined, ip()));
    expect((await confirmPost(await confirmationToken(input.email))).status).toBe(302);
    for (const f of fs.readdirSync(outbox)) fs.rmSync(path.join(outbox, f));
    const existing = await makeUser(db);
    const before = [await count(users), await countRequests()];
    for (const email of [validSignup().email, existing.email]) {
      const res = await callRoute(signup.action, post("/inscription", { ...validSignup(), email, siret: input.siret }, undefined, ip()));
      expect(res.status).toBe(400);
      expect(res.data.result.error.siret[0]).toContain("déjà un espace");
    }
    await backgroundSettled();
    expect([await count(users), await countRequests()]).toEqual(before);
    expect(fs.readdirSync(outbox)).toEqual([]);
  });

  it("mails one address at most 3 times an hour, known or new, with the same answer past the limit", async () => {
    const existing = await makeUser(db);
    const fresh = validSignup().email;
    for (const email of [existing.email, fresh]) {
      const answers = [];
      for (let i = 0; i <= RATE_LIMITS.signupPerEmail.max; i++)
        answers.push(await callRoute(signup.action, post("/inscription", { ...validSignup(), email }, undefined, ip())));
      expect(answers.map((a) => a.status)).toEqual(Array(RATE_LIMITS.signupPerEmail.max + 1).fill(200));
      expect(new Set(answers.map((a) => JSON.stringify(a.data))).size).toBe(1);
      expect(await mailsTo(email)).toHaveLength(RATE_LIMITS.signupPerEmail.max);
    }
    expect(await db.select().from(signupRequests).where(eq(signupRequests.email, fresh))).toHaveLength(RATE_LIMITS.signupPerEmail.max);
  });

  it("keeps the per-IP sign-up limit, with the same answer for known and new emails", async () => {
    const existing = await makeUser(db);
    const address = "10.61.0.1";
    for (let i = 0; i < RATE_LIMITS.signupPerIp.max; i++) await callRoute(signup.action, post("/inscription", validSignup(), undefined, address));
    const known = await callRoute(signup.action, post("/inscription", { ...validSignup(), email: existing.email }, undefined, address));
    const fresh = await callRoute(signup.action, post("/inscription", validSignup(), undefined, address));
    expect(known.status).toBe(429);
    expect(fresh.status).toBe(429);
    expect(known.data.result.error[""]).toEqual(fresh.data.result.error[""]);
  });
});

describe("sign-in and sign-out", () => {
  it("signs in with the right password, with the same message for a wrong password and an unknown email", async () => {
    const user = await makeUser(db);
    const ok = await callRoute(login.action, post("/connexion", { email: user.email.toUpperCase(), password: TEST_PASSWORD, redirectTo: "/compte" }));
    expect(ok.status).toBe(302);
    expect(ok.location).toBe("/compte");
    expect(ok.headers.get("Set-Cookie")).toContain("HttpOnly");
    const wrong = await callRoute(login.action, post("/connexion", { email: user.email, password: "mauvais mot de passe" }, undefined, "10.0.0.2"));
    const unknown = await callRoute(login.action, post("/connexion", { email: "personne@inconnu.fr", password: "mauvais mot de passe" }, undefined, "10.0.0.3"));
    expect(wrong.status).toBe(400);
    expect(wrong.data.result.error[""]).toEqual(["Adresse électronique ou mot de passe incorrect."]);
    expect(unknown.data.result.error[""]).toEqual(wrong.data.result.error[""]);
  });

  it("never follows an outside redirect after sign-in", async () => {
    const user = await makeUser(db);
    const res = await callRoute(login.action, post("/connexion", { email: user.email, password: TEST_PASSWORD, redirectTo: "//evil.example/" }, undefined, "10.0.0.4"));
    expect(res.location).toBe("/espace");
  });

  it("rate-limits attempts per email, even with the right password afterwards", async () => {
    const user = await makeUser(db);
    for (let i = 0; i < RATE_LIMITS.loginPerEmail.max; i++)
      await callRoute(login.action, post("/connexion", { email: user.email, password: "pas le bon mot" }, undefined, `10.1.0.${i}`));
    const blocked = await callRoute(login.action, post("/connexion", { email: user.email, password: TEST_PASSWORD }, undefined, "10.1.1.1"));
    expect(blocked.status).toBe(429);
    expect(blocked.data.result.error[""][0]).toContain("Trop de tentatives");
  });

  it("rate-limits attempts per IP across emails", async () => {
    for (let i = 0; i < RATE_LIMITS.loginPerIp.max; i++)
      await callRoute(login.action, post("/connexion", { email: `x${i}@exemple.fr`, password: "pas le bon mot" }, undefined, "10.9.9.9"));
    const blocked = await callRoute(login.action, post("/connexion", { email: "y@exemple.fr", password: "pas le bon mot" }, undefined, "10.9.9.9"));
    expect(blocked.status).toBe(429);
  });

  it("sign-out deletes the session: the cookie no longer opens the space", async () => {
    const user = await makeUser(db);
    expect((await callRoute(dashboard.loader, get("/espace", user.cookie))).status).toBe(200);
    const out = await callRoute(logout.action, post("/deconnexion", {}, user.cookie));
    expect(out.headers.get("Set-Cookie")).toContain("Max-Age=0");
    const after = await callRoute(dashboard.loader, get("/espace", user.cookie));
    expect(after.status).toBe(302);
    expect(after.location).toContain("/connexion");
  });
});

describe("password reset", () => {
  it("answers the same whether the account exists or not, and mails only existing accounts", async () => {
    const user = await makeUser(db);
    const a = await callRoute(forgot.action, post("/mot-de-passe-oublie", { email: user.email }, undefined, "10.2.0.1"));
    const b = await callRoute(forgot.action, post("/mot-de-passe-oublie", { email: "absent@exemple.fr" }, undefined, "10.2.0.2"));
    expect(a.status).toBe(b.status);
    expect(a.data.sent).toBe(true);
    expect(b.data.sent).toBe(true);
    await backgroundSettled();
    expect(fs.readdirSync(outbox)).toHaveLength(1);
    expect((await lastMail()).text).toContain(user.email);
  });

  it("the emailed token works once, signs out other sessions, then is refused", async () => {
    const user = await makeUser(db);
    await callRoute(forgot.action, post("/mot-de-passe-oublie", { email: user.email }, undefined, "10.3.0.1"));
    const url = new URL((await lastMail()).link);
    const token = url.searchParams.get("token")!;
    expect((await callRoute(reset.loader, get(`/reinitialiser?token=${encodeURIComponent(token)}`))).data.valid).toBe(true);
    const done = await callRoute(reset.action, post("/reinitialiser", { token, password: "nouvelle phrase secrète", confirm: "nouvelle phrase secrète" }));
    expect(done.status).toBe(302);
    // The old session is gone, the new password works.
    expect((await callRoute(dashboard.loader, get("/espace", user.cookie))).status).toBe(302);
    const ok = await callRoute(login.action, post("/connexion", { email: user.email, password: "nouvelle phrase secrète" }, undefined, "10.3.0.2"));
    expect(ok.status).toBe(302);
    const again = await callRoute(reset.action, post("/reinitialiser", { token, password: "encore une autre phrase", confirm: "encore une autre phrase" }));
    expect(again.status).toBe(400);
    expect(again.data.result.error[""][0]).toContain("n'est plus valable");
  });

  it("refuses an expired token (one hour)", async () => {
    const user = await makeUser(db);
    await callRoute(forgot.action, post("/mot-de-passe-oublie", { email: user.email }, undefined, "10.4.0.1"));
    const token = new URL((await lastMail()).link).searchParams.get("token")!;
    await db.update(passwordResetTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(sql`${passwordResetTokens.userId} = ${user.id}`);
    expect((await callRoute(reset.loader, get(`/reinitialiser?token=${encodeURIComponent(token)}`))).data.valid).toBe(false);
    const res = await callRoute(reset.action, post("/reinitialiser", { token, password: "nouvelle phrase secrète", confirm: "nouvelle phrase secrète" }));
    expect(res.status).toBe(400);
  });
});

describe("invitations and members", () => {
  it("an owner invites by email; the person signs up through the link and joins with the role", async () => {
    const owner = await makeUser(db);
    const org = await makeOrg(db, owner);
    const res = await callRoute(members.action, post(`/o/${org.id}/membres`, { intent: "invite", email: "nouvelle.cip@exemple.fr", role: "editor" }, owner.cookie), { orgId: org.id });
    expect(res.data.done).toContain("nouvelle.cip@exemple.fr");
    const token = decodeURIComponent(new URL((await lastMail()).link).pathname.split("/").pop()!);
    const page = await callRoute(invitation.loader, get(`/invitation/${token}`), { token });
    expect(page.data).toMatchObject({ valid: true, role: "editor", email: "nouvelle.cip@exemple.fr" });
    const created = await callRoute(
      signup.action,
      post("/inscription", { name: "Nouvelle CIP", email: "nouvelle.cip@exemple.fr", password: "phrase de passe de la cip", invitation: token }),
    );
    expect(created.status).toBe(302);
    expect(created.location).toBe(`/o/${org.id}`);
    const list = await callRoute(members.loader, get(`/o/${org.id}/membres`, owner.cookie), { orgId: org.id });
    expect(list.data.members.map((m: { email: string; role: string }) => [m.email, m.role])).toContainEqual(["nouvelle.cip@exemple.fr", "editor"]);
    // Single use.
    expect((await callRoute(invitation.loader, get(`/invitation/${token}`), { token })).data.valid).toBe(false);
  });

  it("signing up through an invitation creates the account of the invited address only, and tells nothing of other addresses", async () => {
    const owner = await makeUser(db);
    const existing = await makeUser(db);
    const org = await makeOrg(db, owner);
    await callRoute(members.action, post(`/o/${org.id}/membres`, { intent: "invite", email: "invitee.seule@exemple.fr", role: "editor" }, owner.cookie), { orgId: org.id });
    const token = decodeURIComponent(new URL((await lastMail()).link).pathname.split("/").pop()!);
    const signUpAs = (email: string) =>
      callRoute(signup.action, post("/inscription", { name: "Quelqu'un", email, password: "phrase de passe assez longue", invitation: token }));
    // Another address, with or without an account: the same refusal, naming only the invited address.
    const withAccount = await signUpAs(existing.email);
    const withoutAccount = await signUpAs("personne.inconnue@exemple.fr");
    for (const res of [withAccount, withoutAccount]) {
      expect(res.status).toBe(400);
      expect(res.data.result.error.email).toEqual(["Cette invitation a été envoyée à invitee.seule@exemple.fr\u00a0: le compte se crée avec cette adresse."]);
    }
    expect(await findUserByEmail(db, "personne.inconnue@exemple.fr")).toBeNull();
    // The invitation still works for its own address (case and spaces as typed do not matter).
    const created = await signUpAs("  Invitee.Seule@exemple.fr ");
    expect(created.location).toBe(`/o/${org.id}`);
    expect(await findUserByEmail(db, "invitee.seule@exemple.fr")).not.toBeNull();
  });

  it("an existing user accepts an invitation by signing in", async () => {
    const owner = await makeUser(db);
    const invitee = await makeUser(db);
    const org = await makeOrg(db, owner);
    await callRoute(members.action, post(`/o/${org.id}/membres`, { intent: "invite", email: invitee.email, role: "viewer" }, owner.cookie), { orgId: org.id });
    const token = decodeURIComponent(new URL((await lastMail()).link).pathname.split("/").pop()!);
    const accepted = await callRoute(invitation.action, post(`/invitation/${token}`, {}, invitee.cookie), { token });
    expect(accepted.location).toBe(`/o/${org.id}`);
    const space = await callRoute(members.loader, get(`/o/${org.id}/membres`, invitee.cookie), { orgId: org.id });
    expect(space.status).toBe(200);
    expect(space.data.canManage).toBe(false);
  });

  it("only owners manage members; the last owner cannot leave or be demoted", async () => {
    const owner = await makeUser(db);
    const editor = await makeUser(db);
    const org = await makeOrg(db, owner, "structure", {}, [{ id: editor.id, role: "editor" }]);
    const refused = await callRoute(members.action, post(`/o/${org.id}/membres`, { intent: "invite", email: "x@exemple.fr", role: "owner" }, editor.cookie), { orgId: org.id });
    expect(refused.status).toBe(403);
    const leave = await callRoute(members.action, post(`/o/${org.id}/membres`, { intent: "leave" }, owner.cookie), { orgId: org.id });
    expect(leave.status).toBe(409);
    expect(leave.data.message).toContain("au moins une personne propriétaire");
    const demote = await callRoute(members.action, post(`/o/${org.id}/membres`, { intent: "role", userId: owner.id, role: "viewer" }, owner.cookie), { orgId: org.id });
    expect(demote.status).toBe(409);
    await callRoute(members.action, post(`/o/${org.id}/membres`, { intent: "role", userId: editor.id, role: "owner" }, owner.cookie), { orgId: org.id });
    const leaveNow = await callRoute(members.action, post(`/o/${org.id}/membres`, { intent: "leave" }, owner.cookie), { orgId: org.id });
    expect(leaveNow.location).toBe("/espace");
  });
});
