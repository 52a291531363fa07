import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb } from "../helpers/db.ts";
import { makeOrg, makeSiret, makeUser, TEST_PASSWORD } from "../helpers/factories.ts";
import { callRoute, cookieFrom, get, post } from "../helpers/routes.ts";
import * as signup from "../../app/routes/signup.tsx";
import * as login from "../../app/routes/login.tsx";
import * as logout from "../../app/routes/logout.tsx";
import * as forgot from "../../app/routes/forgot-password.tsx";
import * as reset from "../../app/routes/reset-password.tsx";
import * as invitation from "../../app/routes/invitation.tsx";
import * as members from "../../app/routes/org-members.tsx";
import * as dashboard from "../../app/routes/dashboard.tsx";
import { RATE_LIMITS } from "../../app/auth/rate-limit.server.ts";
import { memberships, organizations, passwordResetTokens, users } from "../../db/schema.ts";
import type { Db } from "../../db/client.ts";

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
beforeEach(() => {
  for (const f of fs.readdirSync(outbox)) fs.rmSync(path.join(outbox, f));
});

async function count(table: typeof users | typeof organizations) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
  return row.n;
}

/** The last mail written to the outbox, and the first link it contains. */
function lastMail(): { text: string; link: string } {
  const files = fs.readdirSync(outbox).sort();
  const text = fs.readFileSync(path.join(outbox, files[files.length - 1]), "utf8");
  const link = text.match(/https?:\/\/\S+/)![0];
  return { text, link };
}

const validSignup = () => ({
  name: "Claire Dumont",
  email: `claire.${Math.floor(Math.random() * 1e9)}@exemple.fr`,
  password: "jardins partagés du beffroi",
  structureName: "Chantier Vert",
  siret: makeSiret(),
  structureType: "ACI",
  departement: "62",
  commune: "Arras",
});

describe("sign-up", () => {
  it.each([
    { label: "SIRET of 13 digits", field: "siret", value: "7328293200007", message: "Le SIRET compte 14 chiffres ; celui-ci en a 13." },
    { label: "SIRET failing Luhn", field: "siret", value: "73282932000075", message: "Ce SIRET n'est pas valide" },
    { label: "email without domain", field: "email", value: "claire@", message: "Cette adresse électronique n'est pas valide" },
    { label: "password of 9 characters", field: "password", value: "abcdefghi", message: "au moins 10 caractères ; celui-ci en a 9" },
    { label: "common password", field: "password", value: "azertyuiop", message: "trop courant" },
    { label: "unknown département", field: "departement", value: "99", message: "Choisissez un département dans la liste." },
  ])("refuses $label with a French field error and stores nothing", async ({ field, value, message }) => {
    const before = [await count(users), await count(organizations)];
    const res = await callRoute(signup.action, post("/inscription", { ...validSignup(), [field]: value }));
    expect(res.status).toBe(400);
    expect(res.data.result.error[field].join(" ")).toContain(message);
    expect([await count(users), await count(organizations)]).toEqual(before);
  });

  it("creates the user, the structure and the ownership, and signs in", async () => {
    const input = validSignup();
    const res = await callRoute(signup.action, post("/inscription", { ...input, siret: input.siret.replace(/(\d{3})/g, "$1 ") }));
    expect(res.status).toBe(302);
    expect(res.location).toMatch(/^\/o\/[0-9a-f-]+\?bienvenue=1$/);
    const cookie = cookieFrom(res);
    const [org] = await db.select().from(organizations).where(sql`${organizations.siret} = ${input.siret}`);
    expect(org).toMatchObject({ kind: "structure", name: "Chantier Vert", structureType: "ACI", departement: "62", commune: "Arras" });
    const [m] = await db.select().from(memberships).where(sql`${memberships.organizationId} = ${org.id}`);
    expect(m.role).toBe("owner");
    const home = await callRoute(dashboard.loader, get("/espace", cookie));
    expect(home.data.orgs.map((o: { name: string }) => o.name)).toEqual(["Chantier Vert"]);
  });

  it("refuses a SIRET that already has a space, storing nothing", async () => {
    const input = validSignup();
    await callRoute(signup.action, post("/inscription", input));
    const before = await count(users);
    const res = await callRoute(signup.action, post("/inscription", { ...validSignup(), siret: input.siret }));
    expect(res.status).toBe(400);
    expect(res.data.result.error.siret[0]).toContain("déjà un espace");
    expect(await count(users)).toBe(before);
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
    expect(fs.readdirSync(outbox)).toHaveLength(1);
    expect(lastMail().text).toContain(user.email);
  });

  it("the emailed token works once, signs out other sessions, then is refused", async () => {
    const user = await makeUser(db);
    await callRoute(forgot.action, post("/mot-de-passe-oublie", { email: user.email }, undefined, "10.3.0.1"));
    const url = new URL(lastMail().link);
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
    const token = new URL(lastMail().link).searchParams.get("token")!;
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
    const token = decodeURIComponent(new URL(lastMail().link).pathname.split("/").pop()!);
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

  it("an existing user accepts an invitation by signing in", async () => {
    const owner = await makeUser(db);
    const invitee = await makeUser(db);
    const org = await makeOrg(db, owner);
    await callRoute(members.action, post(`/o/${org.id}/membres`, { intent: "invite", email: invitee.email, role: "viewer" }, owner.cookie), { orgId: org.id });
    const token = decodeURIComponent(new URL(lastMail().link).pathname.split("/").pop()!);
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
