import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/db.ts";
import { makeOrg, makeSiret, makeStructureTeam, makeUser } from "../helpers/factories.ts";
import { callRoute, get, post } from "../helpers/routes.ts";
import type { Db } from "../../db/client.ts";
import { findDiagnostic, insertDiagnostic, replaceStaffFile, saveIndexStep, saveProfile, setDiagnosticStatus } from "../../db/queries/diagnostics.ts";
import { findGrantByPair, listAccessAudit, upsertGrant } from "../../db/queries/grants.ts";
import { insertPlan } from "../../db/queries/plans.ts";
import { accessGrants, invitations, memberships, organizations, reviewComments } from "../../db/schema.ts";
import { jobsFromStaffRows, parseStaffCsvText } from "../../diagnostics/staff-file/index.ts";
import type { Profile } from "../../diagnostics/types.ts";
import { REQUEST_SENT_MESSAGE } from "../../app/orgs/accompaniment.ts";
import * as structureAdvisors from "../../app/routes/structure-advisors.tsx";
import * as clientsRoute from "../../app/routes/advisor-clients.tsx";
import * as newClientRoute from "../../app/routes/advisor-new-client.tsx";
import * as commentsRoute from "../../app/routes/diagnostic-comments.tsx";
import * as domainRoute from "../../app/routes/diagnostic-domain.tsx";
import * as jobsRoute from "../../app/routes/diagnostic-jobs.tsx";
import * as indexRoute from "../../app/routes/diagnostic-index.tsx";
import * as diagnosticsListRoute from "../../app/routes/diagnostics-list.tsx";
import * as signupRoute from "../../app/routes/signup.tsx";

const NBSP = "\u00a0";

let handle: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let outbox: string;
let team: Awaited<ReturnType<typeof makeStructureTeam>>;
let advisor: Awaited<ReturnType<typeof makeUser>>;
let advisorViewer: Awaited<ReturnType<typeof makeUser>>;
let association: { id: string };

const PROFILE: Profile = {
  structureType: "ACI",
  headcountBand: "moins_50",
  permanentWomen: 3,
  permanentMen: 2,
  parcoursWomen: 8,
  parcoursMen: 12,
  hasCse: true,
  hasDelegueSyndical: false,
  existingAgreement: "aucun",
};

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  outbox = fs.mkdtempSync(path.join(os.tmpdir(), "outbox-advisors-"));
  process.env.OUTBOX_DIR = outbox;
  team = await makeStructureTeam(db);
  advisor = await makeUser(db, { name: "Sophie Delattre" });
  advisorViewer = await makeUser(db, { name: "Stagiaire de l'association" });
  association = await makeOrg(db, advisor, "accompagnement", { name: "Égalité Conseil" }, [{ id: advisorViewer.id, role: "viewer" }]);
});
afterAll(async () => {
  await handle.dispose();
  fs.rmSync(outbox, { recursive: true, force: true });
});
beforeEach(() => {
  for (const f of fs.readdirSync(outbox)) fs.rmSync(path.join(outbox, f));
});

/** Mails written to `to` since the start of the test. */
function mailsTo(to: string): string[] {
  const safe = to.replace(/[^a-z0-9@._-]/gi, "_");
  return fs
    .readdirSync(outbox)
    .filter((f) => f.includes(safe))
    .sort()
    .map((f) => fs.readFileSync(path.join(outbox, f), "utf8"));
}

async function siretOf(orgId: string) {
  const [row] = await db.select({ siret: organizations.siret }).from(organizations).where(eq(organizations.id, orgId));
  return row.siret!;
}

const advisorsPath = (orgId: string) => `/o/${orgId}/accompagnement`;
const clientsPath = (orgId: string) => `/o/${orgId}/clients`;

async function structurePage(orgId: string, cookie: string) {
  return callRoute(structureAdvisors.loader, get(advisorsPath(orgId), cookie), { orgId });
}

async function ownerPost(orgId: string, form: Record<string, string>, cookie: string) {
  return callRoute(structureAdvisors.action, post(advisorsPath(orgId), form, cookie), { orgId });
}

async function clientsPage(orgId: string, cookie: string, query = "") {
  return callRoute(clientsRoute.loader, get(clientsPath(orgId) + query, cookie), { orgId });
}

async function seesDiagnosticsOf(structureId: string, cookie: string) {
  return (await callRoute(diagnosticsListRoute.loader, get(`/o/${structureId}/diagnostics`, cookie), { orgId: structureId })).status;
}

describe("the owner grants, changes and revokes an association's access", () => {
  it("grants read access, with an audit entry, and the advisor sees the structure's diagnostics", async () => {
    expect(await seesDiagnosticsOf(team.org.id, advisor.cookie)).toBe(404);
    const res = await ownerPost(team.org.id, { intent: "grant", advisorOrgId: association.id, level: "read" }, team.owner.cookie);
    expect(res.status).toBe(200);
    expect(res.data.done).toBe(`«${NBSP}Égalité Conseil${NBSP}» a maintenant accès à vos diagnostics (lecture seule).`);
    expect(await findGrantByPair(db, team.org.id, association.id)).toMatchObject({ level: "read", status: "active" });
    expect(await seesDiagnosticsOf(team.org.id, advisor.cookie)).toBe(200);

    const page = await structurePage(team.org.id, team.owner.cookie);
    expect(page.data.canManage).toBe(true);
    expect(page.data.active).toEqual([expect.objectContaining({ advisorName: "Égalité Conseil", level: "read" })]);
    expect(page.data.journal).toEqual([
      expect.objectContaining({ who: "Sophie Delattre, Égalité Conseil", what: `A consulté l'espace (première page ouverte${NBSP}: la liste des diagnostics).` }),
      expect.objectContaining({ who: "Nadia Benali", what: `A donné accès à «${NBSP}Égalité Conseil${NBSP}» (lecture seule).` }),
    ]);
  });

  it("changes the level, then revokes: effective on the advisor's next request, each step in the journal", async () => {
    const [grant] = (await structurePage(team.org.id, team.owner.cookie)).data.active;
    const changed = await ownerPost(team.org.id, { intent: "level", grantId: grant.id, level: "edit" }, team.owner.cookie);
    expect(changed.status).toBe(200);
    expect(await findGrantByPair(db, team.org.id, association.id)).toMatchObject({ level: "edit", status: "active" });
    const list = await callRoute(diagnosticsListRoute.loader, get(`/o/${team.org.id}/diagnostics`, advisor.cookie), { orgId: team.org.id });
    expect(list.data.canEdit).toBe(true);

    const revoked = await ownerPost(team.org.id, { intent: "revoke", grantId: grant.id }, team.owner.cookie);
    expect(revoked.status).toBe(200);
    expect(await findGrantByPair(db, team.org.id, association.id)).toMatchObject({ status: "revoked" });
    expect(await seesDiagnosticsOf(team.org.id, advisor.cookie)).toBe(404);

    const again = await ownerPost(team.org.id, { intent: "revoke", grantId: grant.id }, team.owner.cookie);
    expect(again.status).toBe(409);

    const actions = (await listAccessAudit(db, team.org.id)).map((e) => e.action).filter((a) => a.startsWith("grant."));
    expect(actions).toEqual(["grant.revoked", "grant.level_changed", "grant.created"]);
    const journal = (await structurePage(team.org.id, team.owner.cookie)).data.journal.map((e: { what: string }) => e.what);
    expect(journal).toContain(`A changé l'accès de «${NBSP}Égalité Conseil${NBSP}»${NBSP}: lecture et modification au lieu de lecture seule.`);
    expect(journal).toContain(`A retiré l'accès de «${NBSP}Égalité Conseil${NBSP}».`);
    expect(journal.some((w: string) => w.startsWith("A consulté l'espace"))).toBe(true);
  });

  it("refuses every change from a member who is not owner (403), shows them the list read-only without the journal", async () => {
    for (const member of [team.editor, team.viewer]) {
      const res = await ownerPost(team.org.id, { intent: "grant", advisorOrgId: association.id, level: "edit" }, member.cookie);
      expect(res.status).toBe(403);
      const page = await structurePage(team.org.id, member.cookie);
      expect(page.status).toBe(200);
      expect(page.data.canManage).toBe(false);
      expect(page.data.journal).toEqual([]);
      expect(page.data.associations).toEqual([]);
    }
    expect(await findGrantByPair(db, team.org.id, association.id)).toMatchObject({ status: "revoked" });
  });

  it("hides the page from advisors and other structures (404)", async () => {
    expect((await structurePage(team.org.id, advisor.cookie)).status).toBe(404);
    expect((await structurePage(team.org.id, team.outsider.cookie)).status).toBe(404);
    expect((await ownerPost(team.org.id, { intent: "grant", advisorOrgId: association.id, level: "edit" }, advisor.cookie)).status).toBe(404);
  });

  it("says what to fix when no association is chosen, or the id is not an association", async () => {
    const empty = await ownerPost(team.org.id, { intent: "grant", advisorOrgId: "", level: "read" }, team.owner.cookie);
    expect(empty.status).toBe(400);
    expect(empty.data.result.error.advisorOrgId).toEqual(["Choisissez une association d'accompagnement dans la liste."]);
    const notAnAssociation = await ownerPost(team.org.id, { intent: "grant", advisorOrgId: team.org.id, level: "read" }, team.owner.cookie);
    expect(notAnAssociation.status).toBe(400);
    expect(await findGrantByPair(db, team.org.id, team.org.id)).toBeNull();
  });
});

describe("an association asks for access by SIRET", () => {
  let asker: Awaited<ReturnType<typeof makeUser>>;
  let askingOrg: { id: string };
  beforeAll(async () => {
    asker = await makeUser(db, { name: "Claire Vasseur" });
    askingOrg = await makeOrg(db, asker, "accompagnement", { name: "CORIF (test)" });
  });
  const request = (siret: string, cookie: string, level = "read") =>
    callRoute(clientsRoute.action, post(clientsPath(askingOrg.id), { intent: "request", siret, level }, cookie), { orgId: askingOrg.id });

  it("checks the SIRET's digits and Luhn key, with a French message", async () => {
    const short = await request("1234567890123", asker.cookie);
    expect(short.status).toBe(400);
    expect(short.data.result.error.siret).toEqual([`Le SIRET compte 14 chiffres ; celui-ci en a 13.`]);
    const luhn = await request("12345678901234", asker.cookie);
    expect(luhn.status).toBe(400);
    expect(luhn.data.result.error.siret[0]).toMatch(/^Ce SIRET n'est pas valide/);
  });

  it("answers the same whether a structure matches or not; only a match mails its owners", async () => {
    const unknown = await request(makeSiret(), asker.cookie);
    expect(unknown.status).toBe(200);
    expect(unknown.data.done).toBe(REQUEST_SENT_MESSAGE);
    expect(fs.readdirSync(outbox)).toEqual([]);

    const siret = await siretOf(team.org.id);
    const known = await request(siret.replace(/(\d{3})(\d{3})(\d{3})(\d{5})/, "$1 $2 $3 $4"), asker.cookie, "edit");
    expect(known.status).toBe(200);
    expect(known.data).toEqual(unknown.data);
    const [mail] = mailsTo(team.owner.email);
    expect(mail).toContain("Claire Vasseur, de l'association d'accompagnement «\u00a0CORIF (test)\u00a0»");
    expect(mail).toContain(`/o/${team.org.id}/accompagnement`);
    expect(await findGrantByPair(db, team.org.id, askingOrg.id)).toMatchObject({ status: "requested", level: "edit" });

    // Asked twice: no second mail.
    await request(siret, asker.cookie);
    expect(mailsTo(team.owner.email)).toHaveLength(1);

    // The association's page lists both requests by SIRET, and not the structure's name.
    const page = await clientsPage(askingOrg.id, asker.cookie);
    expect(page.data.pending).toHaveLength(2);
    expect(page.data.clients).toEqual([]);
    expect(JSON.stringify(page.data)).not.toContain(team.org.id);
    expect(JSON.stringify(page.data)).not.toContain("ACI des Jardins");
  });

  it("appears on the owner's page; accepted, the structure becomes a client of the association", async () => {
    const page = await structurePage(team.org.id, team.owner.cookie);
    const [pending] = page.data.requested;
    expect(pending).toMatchObject({ advisorName: "CORIF (test)", level: "edit", requestedByName: "Claire Vasseur" });
    const accepted = await ownerPost(team.org.id, { intent: "accept", grantId: pending.id, level: "read" }, team.owner.cookie);
    expect(accepted.status).toBe(200);
    expect(await findGrantByPair(db, team.org.id, askingOrg.id)).toMatchObject({ status: "active", level: "read" });
    const actions = (await listAccessAudit(db, team.org.id)).map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(["grant.accepted", "grant.requested"]);

    const clients = await clientsPage(askingOrg.id, asker.cookie);
    expect(clients.data.clients.map((c: { name: string }) => c.name)).toEqual(["ACI des Jardins"]);
    expect(clients.data.pending).toHaveLength(1);
    expect(await seesDiagnosticsOf(team.org.id, asker.cookie)).toBe(200);
  });

  it("lets the owner refuse a request", async () => {
    const other = await makeUser(db, { name: "Paul Lemaire" });
    const fete = await makeOrg(db, other, "accompagnement", { name: "FETE (test)" });
    await callRoute(clientsRoute.action, post(clientsPath(fete.id), { intent: "request", siret: await siretOf(team.org.id), level: "read" }, other.cookie), { orgId: fete.id });
    const pending = (await structurePage(team.org.id, team.owner.cookie)).data.requested.find((g: { advisorName: string }) => g.advisorName === "FETE (test)");
    expect((await ownerPost(team.org.id, { intent: "refuse", grantId: pending.id }, team.owner.cookie)).status).toBe(200);
    expect(await findGrantByPair(db, team.org.id, fete.id)).toMatchObject({ status: "refused" });
    expect(await seesDiagnosticsOf(team.org.id, other.cookie)).toBe(404);
    expect((await listAccessAudit(db, team.org.id))[0].action).toBe("grant.refused");
  });

  it("is refused to a viewer of the association (403) and to a structure (404)", async () => {
    const res = await callRoute(clientsRoute.action, post(clientsPath(association.id), { intent: "request", siret: makeSiret(), level: "read" }, advisorViewer.cookie), {
      orgId: association.id,
    });
    expect(res.status).toBe(403);
    expect((await clientsPage(team.org.id, team.owner.cookie)).status).toBe(404);
  });
});

describe("workshop onboarding: an association creates a structure's space", () => {
  const newClientPath = (orgId: string) => `/o/${orgId}/clients/nouvelle`;
  const form = (siret: string, directorEmail: string) => ({
    structureName: "Ressourcerie du Val",
    siret,
    structureType: "EI",
    departement: "62",
    commune: "Arras",
    directorEmail,
  });
  let structureId: string;
  let invitationMail: string;
  const directorEmail = `direction.${Date.now()}@ressourcerie.fr`;

  it("creates the structure without members, invites the director as owner, gives the association an edit grant", async () => {
    const res = await callRoute(newClientRoute.action, post(newClientPath(association.id), form(makeSiret(), directorEmail.toUpperCase()), advisor.cookie), {
      orgId: association.id,
    });
    expect(res.status).toBe(302);
    structureId = new URL(res.location!, "http://x").searchParams.get("creee")!;
    expect(res.location).toBe(`/o/${association.id}/clients?creee=${structureId}`);
    expect(await db.select().from(memberships).where(eq(memberships.organizationId, structureId))).toEqual([]);
    const [invitation] = await db.select().from(invitations).where(eq(invitations.organizationId, structureId));
    expect(invitation).toMatchObject({ email: directorEmail, role: "owner", invitedBy: advisor.id, acceptedAt: null });
    expect(await findGrantByPair(db, structureId, association.id)).toMatchObject({ level: "edit", status: "active" });
    expect((await listAccessAudit(db, structureId)).map((e) => e.action).sort()).toEqual(["grant.onboarding", "organization.created"]);
    const [mail] = mailsTo(directorEmail);
    invitationMail = mail;
    expect(mail).toContain(`Vous en êtes la personne propriétaire`);
    expect(mail).toMatch(/\/invitation\/\S+/);

    // The advisor reaches the new space and can start its diagnostic.
    const list = await callRoute(diagnosticsListRoute.loader, get(`/o/${structureId}/diagnostics`, advisor.cookie), { orgId: structureId });
    expect(list.data.canEdit).toBe(true);
    const clients = await clientsPage(association.id, advisor.cookie, `?creee=${structureId}`);
    expect(clients.data.created).toMatchObject({ name: "Ressourcerie du Val", level: "edit" });
  });

  it("makes the director owner when they sign up through the link; the association keeps its edit grant", async () => {
    const token = decodeURIComponent(invitationMail.match(/\/invitation\/(\S+)/)![1]);
    const signup = await callRoute(
      signupRoute.action,
      post("/inscription", { name: "Hélène Dufour", email: directorEmail, password: "une phrase de passe solide", invitation: token }, undefined, "10.0.0.7"),
    );
    expect(signup.status).toBe(302);
    const [membership] = await db.select({ role: memberships.role }).from(memberships).where(eq(memberships.organizationId, structureId));
    expect(membership.role).toBe("owner");
    expect(await findGrantByPair(db, structureId, association.id)).toMatchObject({ level: "edit", status: "active" });
    const cookie = signup.headers.get("Set-Cookie")!.split(";")[0];
    const page = await structurePage(structureId, cookie);
    expect(page.data.canManage).toBe(true);
    expect(page.data.active).toEqual([expect.objectContaining({ advisorName: "Égalité Conseil", level: "edit" })]);
    expect(page.data.journal.map((e: { what: string }) => e.what)).toContain(
      `A donné accès à «${NBSP}Égalité Conseil${NBSP}» en créant l'espace (lecture et modification, jusqu'à ce que la personne propriétaire le change).`,
    );
  });

  it("refuses a SIRET that already has a space, a wrong SIRET, and a viewer of the association", async () => {
    const taken = await callRoute(newClientRoute.action, post(newClientPath(association.id), form(await siretOf(team.org.id), "x@exemple.fr"), advisor.cookie), {
      orgId: association.id,
    });
    expect(taken.status).toBe(409);
    expect(taken.data.result.error.siret[0]).toMatch(/^Cette structure a déjà un espace/);
    const wrong = await callRoute(newClientRoute.action, post(newClientPath(association.id), form("123", "pas-une-adresse"), advisor.cookie), { orgId: association.id });
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.data.result.error).sort()).toEqual(["directorEmail", "siret"]);
    const viewer = await callRoute(newClientRoute.action, post(newClientPath(association.id), form(makeSiret(), "y@exemple.fr"), advisorViewer.cookie), {
      orgId: association.id,
    });
    expect(viewer.status).toBe(403);
    expect((await callRoute(newClientRoute.loader, get(newClientPath(team.org.id), team.owner.cookie), { orgId: team.org.id })).status).toBe(404);
  });
});

describe("review comments", () => {
  let structure: Awaited<ReturnType<typeof makeStructureTeam>>;
  let diagId: string;
  let reader: Awaited<ReturnType<typeof makeUser>>;
  let readerOrg: { id: string };
  let stranger: Awaited<ReturnType<typeof makeUser>>;
  const base = () => `/o/${structure.org.id}/d/${diagId}`;
  const params = () => ({ orgId: structure.org.id, diagId });
  const comment = (form: Record<string, string>, cookie: string) => callRoute(commentsRoute.action, post(`${base()}/commentaires`, form, cookie), params());
  const domainPage = (cookie: string) => callRoute(domainRoute.loader, get(`${base()}/domaines/embauche`, cookie), { ...params(), domainId: "embauche" });

  beforeAll(async () => {
    structure = await makeStructureTeam(db);
    ({ id: diagId } = await insertDiagnostic(db, structure.org.id, 2025, structure.owner.id));
    await saveProfile(db, structure.org.id, diagId, 0, PROFILE as unknown as Record<string, unknown>, structure.owner.id);
    reader = await makeUser(db, { name: "Inès Morel" });
    readerOrg = await makeOrg(db, reader, "accompagnement", { name: "Galilée (test)" });
    stranger = await makeUser(db, { name: "Sans accès" });
    await makeOrg(db, stranger, "accompagnement", { name: "Association sans accès" });
    await upsertGrant(db, { structureId: structure.org.id, advisorOrgId: readerOrg.id, level: "read", status: "active", decidedBy: structure.owner.id });
  });

  it("answers 404 to an advisor without a grant", async () => {
    const res = await comment({ intent: "add", target: "embauche", body: "Bonjour", redirectTo: `${base()}/domaines/embauche` }, stranger.cookie);
    expect(res.status).toBe(404);
    expect(await db.select().from(reviewComments)).toEqual([]);
  });

  it("lets an advisor with a read grant comment, then goes back to the page", async () => {
    const res = await comment(
      { intent: "add", target: "embauche", body: "  Pensez aux offres rédigées au féminin et au masculin.\r\nEt aux prescripteurs.  ", redirectTo: `${base()}/domaines/embauche?x=1` },
      reader.cookie,
    );
    expect(res.status).toBe(302);
    expect(res.location).toBe(`${base()}/domaines/embauche?x=1&commentaire=ajoute&cible=embauche#commentaires-embauche`);
    const [stored] = await db.select().from(reviewComments);
    expect(stored).toMatchObject({ target: "embauche", authorUserId: reader.id, authorOrgId: readerOrg.id, body: "Pensez aux offres rédigées au féminin et au masculin.\nEt aux prescripteurs." });

    const asAdvisor = await domainPage(reader.cookie);
    expect(asAdvisor.data.comments).toMatchObject({ canAdd: true, canResolve: false, items: [{ authorName: "Inès Morel", authorOrgName: "Galilée (test)", resolvedAt: null }] });
    const asViewer = await domainPage(structure.viewer.cookie);
    expect(asViewer.data.comments).toMatchObject({ canAdd: false, canResolve: false });
    expect(asViewer.data.comments.items).toHaveLength(1);
  });

  it("never redirects outside this diagnostic", async () => {
    for (const redirectTo of ["https://exemple.com/", "//exemple.com/x", "/\\exemple.com", `/o/${team.org.id}/diagnostics`, "javascript:alert(1)"]) {
      const res = await comment({ intent: "add", target: "plan", body: "Un plan à compléter.", redirectTo }, reader.cookie);
      expect(res.status).toBe(302);
      expect(res.location).toBe(`${base()}?commentaire=ajoute&cible=plan#commentaires-plan`);
    }
  });

  it("refuses an empty comment with a message, and a target that does not exist", async () => {
    const before = (await db.select().from(reviewComments)).length;
    const empty = await comment({ intent: "add", target: "embauche", body: "   ", redirectTo: `${base()}/domaines/embauche` }, reader.cookie);
    expect(empty.location).toBe(`${base()}/domaines/embauche?commentaire=vide&cible=embauche#commentaires-embauche`);
    const page = await callRoute(domainRoute.loader, get(`${base()}/domaines/embauche?commentaire=vide&cible=embauche`, reader.cookie), { ...params(), domainId: "embauche" });
    expect(page.data.comments.feedback).toMatchObject({ code: "vide", tone: "error", message: "Écrivez votre commentaire avant de le publier." });
    expect((await comment({ intent: "add", target: "inconnu", body: "x" }, reader.cookie)).status).toBe(400);
    expect((await db.select().from(reviewComments)).length).toBe(before);
  });

  it("lets editors and owners resolve and reopen; viewers, advisors and members adding comments get 403", async () => {
    const [stored] = await db.select().from(reviewComments).where(eq(reviewComments.target, "embauche"));
    const resolve = { intent: "resolve", target: "embauche", commentId: stored.id, redirectTo: `${base()}/domaines/embauche` };
    expect((await comment(resolve, structure.viewer.cookie)).status).toBe(403);
    expect((await comment(resolve, reader.cookie)).status).toBe(403);
    expect((await comment({ intent: "add", target: "embauche", body: "Je commente" }, structure.editor.cookie)).status).toBe(403);
    expect((await comment(resolve, team.owner.cookie)).status).toBe(404);

    const done = await comment(resolve, structure.editor.cookie);
    expect(done.location).toContain("commentaire=resolu");
    const [resolved] = await db.select().from(reviewComments).where(eq(reviewComments.id, stored.id));
    expect(resolved.resolvedBy).toBe(structure.editor.id);
    const page = await domainPage(structure.owner.cookie);
    expect(page.data.comments.canResolve).toBe(true);
    expect(page.data.comments.items[0]).toMatchObject({ resolvedByName: "Julien Caron" });

    expect((await comment(resolve, structure.owner.cookie)).location).toContain("commentaire=deja");
    const reopened = await comment({ ...resolve, intent: "reopen" }, structure.owner.cookie);
    expect(reopened.location).toContain("commentaire=rouvert");
    const [open] = await db.select().from(reviewComments).where(eq(reviewComments.id, stored.id));
    expect(open.resolvedAt).toBeNull();
  });

  it("is closed to the association once the grant is revoked", async () => {
    await upsertGrant(db, { structureId: structure.org.id, advisorOrgId: readerOrg.id, level: "read", status: "revoked", decidedBy: structure.owner.id });
    expect((await comment({ intent: "add", target: "embauche", body: "Encore moi" }, reader.cookie)).status).toBe(404);
    expect((await domainPage(reader.cookie)).status).toBe(404);
  });
});

describe("the staff file stays with the structure", () => {
  let structure: Awaited<ReturnType<typeof makeStructureTeam>>;
  let diagId: string;
  let reader: Awaited<ReturnType<typeof makeUser>>;
  let editorAdvisor: Awaited<ReturnType<typeof makeUser>>;
  const STAFF_CSV = [
    "Sexe;Emploi;Population;CSP;Tranche d'âge;Temps de travail;Mois de présence;Rémunération annuelle brute;Augmentation;Promotion",
    ...Array.from({ length: 6 }, (_, i) => `F;Agente d'entretien;Parcours;Employé;30-39;100 %;12;${18010 + i * 100};${i < 3 ? "Oui" : "Non"};Non`),
    ...Array.from({ length: 6 }, (_, i) => `H;Ouvrier espaces verts;Parcours;Employé;30-39;100 %;12;${18530 + i * 100};${i < 2 ? "Oui" : "Non"};Non`),
  ].join("\n");

  beforeAll(async () => {
    structure = await makeStructureTeam(db);
    ({ id: diagId } = await insertDiagnostic(db, structure.org.id, 2025, structure.owner.id));
    await saveProfile(db, structure.org.id, diagId, 0, { ...PROFILE, headcountBand: "50_250" } as unknown as Record<string, unknown>, structure.owner.id);
    const parsed = parseStaffCsvText(STAFF_CSV, { referenceDate: "2025-12-31" });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const current = await findDiagnostic(db, structure.org.id, diagId);
    await db.transaction((tx) =>
      replaceStaffFile(
        tx,
        structure.org.id,
        diagId,
        { fileName: "personnel-2025.csv", rows: parsed.rows, jobs: jobsFromStaffRows(parsed.rows), expectedJobsVersion: current!.jobsVersion },
        structure.owner.id,
      ),
    );
    await saveIndexStep(db, structure.org.id, diagId, 0, { source: "fichier", data: null, skipReason: null }, structure.owner.id);
    reader = await makeUser(db);
    const readerOrg = await makeOrg(db, reader, "accompagnement", { name: "Lecture (test)" });
    await upsertGrant(db, { structureId: structure.org.id, advisorOrgId: readerOrg.id, level: "read", status: "active", decidedBy: structure.owner.id });
    editorAdvisor = await makeUser(db);
    const editorOrg = await makeOrg(db, editorAdvisor, "accompagnement", { name: "Modification (test)" });
    await upsertGrant(db, { structureId: structure.org.id, advisorOrgId: editorOrg.id, level: "edit", status: "active", decidedBy: structure.owner.id });
  });

  const jobs = (cookie: string) => callRoute(jobsRoute.loader, get(`/o/${structure.org.id}/d/${diagId}/emplois`, cookie), { orgId: structure.org.id, diagId });
  const index = (cookie: string) => callRoute(indexRoute.loader, get(`/o/${structure.org.id}/d/${diagId}/index`, cookie), { orgId: structure.org.id, diagId });
  /** An individual's pay: present in the rows, never in an aggregate of these rows. */
  const ONE_PAY = "18110";

  it("gives a read-grant advisor nothing derived from the staff file", async () => {
    const jobsPage = await jobs(reader.cookie);
    expect(jobsPage.status).toBe(200);
    expect(jobsPage.data).toMatchObject({ staffFileVisible: false, staffFile: null, indexFromFile: false });
    expect(jobsPage.data.jobs.length).toBeGreaterThan(0);
    expect(JSON.stringify(jobsPage.data)).not.toContain("personnel-2025.csv");
    const indexPage = await index(reader.cookie);
    expect(indexPage.status).toBe(200);
    expect(indexPage.data).toMatchObject({ staffFileVisible: false, staffFile: null, fromFile: null, source: "fichier" });
    expect(JSON.stringify(indexPage.data)).not.toContain("personnel-2025.csv");
    expect(JSON.stringify(indexPage.data)).not.toContain(ONE_PAY);
  });

  it("gives members and edit-grant advisors the aggregates, never the rows", async () => {
    for (const cookie of [structure.viewer.cookie, editorAdvisor.cookie]) {
      const jobsPage = await jobs(cookie);
      expect(jobsPage.data.staffFile).toMatchObject({ fileName: "personnel-2025.csv", rowCount: 12 });
      const indexPage = await index(cookie);
      expect(indexPage.data.fromFile).not.toBeNull();
      for (const page of [jobsPage, indexPage]) {
        const json = JSON.stringify(page.data);
        expect(json).not.toContain('"rows"');
        expect(json).not.toContain(ONE_PAY);
      }
    }
  });
});

describe("the association's clients list", () => {
  let consultant: Awaited<ReturnType<typeof makeUser>>;
  let assoc: { id: string };
  const names = (res: { data: { clients: Array<{ name: string }> } }) => res.data.clients.map((c) => c.name);

  beforeAll(async () => {
    consultant = await makeUser(db, { name: "Consultante" });
    assoc = await makeOrg(db, consultant, "accompagnement", { name: "Filtres (test)" });
    const owner = await makeUser(db);
    const grant = async (org: { id: string }, level: "read" | "edit" = "read", status: "active" | "revoked" = "active") =>
      upsertGrant(db, { structureId: org.id, advisorOrgId: assoc.id, level, status, decidedBy: owner.id });

    // Atelier Bleu (59, ACI): a draft 2025 diagnostic with a profile and a plan that does not pass the legal check yet.
    const bleu = await makeOrg(db, owner, "structure", { name: "Atelier Bleu", departement: "59", structureType: "ACI" });
    const bleuDiag = await insertDiagnostic(db, bleu.id, 2025, owner.id);
    await saveProfile(db, bleu.id, bleuDiag.id, 0, PROFILE as unknown as Record<string, unknown>, owner.id);
    await db.transaction((tx) => insertPlan(tx, bleu.id, bleuDiag.id, { kind: "plan_action", periodStart: "2026-01-01", periodEnd: "2026-12-31", actions: [] }, owner.id));
    await grant(bleu, "edit");
    // Chantier Vert (62, EI): a finished 2024 diagnostic, last touched later.
    const vert = await makeOrg(db, owner, "structure", { name: "Chantier Vert", departement: "62", structureType: "EI" });
    const vertDiag = await insertDiagnostic(db, vert.id, 2024, owner.id);
    await setDiagnosticStatus(db, vert.id, vertDiag.id, "termine", owner.id);
    await grant(vert);
    // Ressourcerie (80, ACI): no diagnostic.
    await grant(await makeOrg(db, owner, "structure", { name: "Ressourcerie", departement: "80", structureType: "ACI" }));
    // Revoked: never listed.
    await grant(await makeOrg(db, owner, "structure", { name: "Ancienne cliente", departement: "59" }), "read", "revoked");
  });

  it("lists the structures with an active grant, with each diagnostic's state, progress and plan", async () => {
    const res = await clientsPage(assoc.id, consultant.cookie);
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(["Atelier Bleu", "Chantier Vert", "Ressourcerie"]);
    const bleu = res.data.clients[0];
    expect(bleu).toMatchObject({ structureType: "ACI", departement: "59", level: "edit" });
    expect(bleu.diagnostics).toEqual([
      expect.objectContaining({ year: 2025, status: "brouillon", plan: expect.objectContaining({ code: "brouillon" }) }),
    ]);
    expect(bleu.diagnostics[0].percent).toBeGreaterThan(0);
    expect(bleu.diagnostics[0].plan.label).toMatch(/^Brouillon\u00a0: \d+ points? bloquants?$/);
    expect(res.data.clients[1].diagnostics[0]).toMatchObject({ year: 2024, status: "termine", plan: { code: "aucun", label: "Pas encore de plan" } });
    expect(res.data.clients[2].diagnostics).toEqual([]);
    expect(res.data.departementOptions.map((d: { code: string }) => d.code)).toEqual(["59", "62", "80"]);
  });

  it.each([
    { label: "by département", query: "?departement=62", expected: ["Chantier Vert"] },
    { label: "by type", query: "?type=ACI", expected: ["Atelier Bleu", "Ressourcerie"] },
    { label: "by state of the latest diagnostic (en cours)", query: "?etat=brouillon", expected: ["Atelier Bleu"] },
    { label: "by state of the latest diagnostic (terminé)", query: "?etat=termine", expected: ["Chantier Vert"] },
    { label: "without a diagnostic", query: "?etat=aucun", expected: ["Ressourcerie"] },
    { label: "combined", query: "?type=ACI&departement=59&etat=", expected: ["Atelier Bleu"] },
    { label: "sorted by last activity", query: "?tri=activite", expected: ["Chantier Vert", "Atelier Bleu", "Ressourcerie"] },
    { label: "sorted by progress (least advanced first)", query: "?tri=avancement", expected: ["Chantier Vert", "Ressourcerie", "Atelier Bleu"] },
    { label: "unknown values ignored", query: "?type=XYZ&tri=hasard&etat=peut-etre", expected: ["Atelier Bleu", "Chantier Vert", "Ressourcerie"] },
  ])("filters and sorts: $label", async ({ query, expected }) => {
    const res = await clientsPage(assoc.id, consultant.cookie, query);
    expect(names(res)).toEqual(expected);
    expect(res.data.total).toBe(3);
  });

  it("is reserved to the association's members", async () => {
    expect((await clientsPage(assoc.id, advisor.cookie)).status).toBe(404);
    expect((await clientsPage(assoc.id, team.owner.cookie)).status).toBe(404);
  });

  it("keeps revoked structures out of every query", async () => {
    const rows = await db.select({ status: accessGrants.status }).from(accessGrants).where(eq(accessGrants.advisorOrgId, assoc.id));
    expect(rows.filter((r) => r.status === "revoked")).toHaveLength(1);
    const res = await clientsPage(assoc.id, consultant.cookie);
    expect(JSON.stringify(res.data)).not.toContain("Ancienne cliente");
  });
});

describe("the access journal counts every download by an advisor", () => {
  it("writes one entry per PDF downloaded, unlike page visits (once per half hour)", async () => {
    const { requireOrgAccess } = await import("../../app/auth/permissions.server.ts");
    const { describeAccessAudit } = await import("../../app/orgs/accompaniment.ts");
    const structure = await makeStructureTeam(db);
    const { id: diagId } = await insertDiagnostic(db, structure.org.id, 2025, structure.owner.id);
    const consultant = await makeUser(db, { name: "Lucie Martin" });
    const org = await makeOrg(db, consultant, "accompagnement", { name: "Exports (test)" });
    await upsertGrant(db, { structureId: structure.org.id, advisorOrgId: org.id, level: "read", status: "active", decidedBy: structure.owner.id });
    const visit = (path: string) => requireOrgAccess(get(path, consultant.cookie), structure.org.id, "view", ["structure"], { advisors: true });
    await visit(`/o/${structure.org.id}/d/${diagId}/profil`);
    await visit(`/o/${structure.org.id}/d/${diagId}/resultats`);
    await visit(`/o/${structure.org.id}/d/${diagId}/rapport.pdf`);
    await visit(`/o/${structure.org.id}/d/${diagId}/rapport.pdf`);
    const entries = await listAccessAudit(db, structure.org.id);
    expect(entries.filter((e) => e.action === "advisor.visit")).toHaveLength(1);
    const exports = entries.filter((e) => e.action === "advisor.export");
    expect(exports).toHaveLength(2);
    expect(describeAccessAudit(exports[0], new Map())).toBe("A téléchargé le rapport du diagnostic (PDF).");
  });
});
