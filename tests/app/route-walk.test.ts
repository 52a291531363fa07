/**
 * Walks every route of app/routes.ts as each kind of visitor, with the real identifiers of structure
 * B (and, for the members of structure A, B's identifiers mixed into A's URLs), and proves that no
 * response carries B's data and that no write goes through where it must not: the database is
 * compared row by row before and after each visitor's write attempts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb } from "../helpers/db.ts";
import { queryRows, snapshotTables } from "../helpers/db-snapshot.ts";
import { makeOrg, makeUser } from "../helpers/factories.ts";
import { staffRow } from "../helpers/staff-row.ts";
import { callRoute, get, post } from "../helpers/routes.ts";
import { flatRoutes, loadRouteModule, type FlatRoute } from "../helpers/route-config.ts";
import type { Db } from "../../db/client.ts";
import { insertDiagnostic, replaceStaffFile, saveAnswer, saveJobs, saveProfile } from "../../db/queries/diagnostics.ts";
import { savePayCategoryMap } from "../../db/queries/pay-categories.ts";
import { findPlanByDiagnostic, insertPlan } from "../../db/queries/plans.ts";
import { insertComment } from "../../db/queries/comments.ts";
import { upsertGrant } from "../../db/queries/grants.ts";
import { insertInvitation } from "../../db/queries/invitations.ts";
import { newId } from "../../db/ids.ts";
import { newIdSecretToken } from "../../app/auth/tokens.server.ts";
import { QUESTIONS } from "../../diagnostics/questionnaire.ts";
import { FIXTURE_PROFILE_STORED } from "../helpers/report-fixture.ts";

/** Recognisable strings stored only in structure B: none may appear in an answer to an outsider. */
const SECRET = {
  orgName: "Zébulon Secret Structure B",
  ownerName: "Ophélie Secrète-Propriétaire",
  ownerEmail: "ophelie.secrete@structure-b.fr",
  viewerName: "Valère Secret-Lecteur",
  jobLabel: "Métier-secret-de-B soudeuse",
  actionTitle: "Action-secrète-de-B crèche partagée",
  actionOwner: "Responsable-secret-de-B",
  comment: "Commentaire-secret-de-B sur les salaires",
  invitedEmail: "invitee.secrete@structure-b.fr",
  payCategory: "Catégorie-secrète-de-B métiers du fer",
};
const SECRET_VALUES = Object.values(SECRET);

let handle: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
type Actor = { name: string; cookie?: string };
const ids: Record<string, string> = {};
let actors: Record<string, Actor>;
let siretB = "";

const rows = (query: ReturnType<typeof sql>) => queryRows(db, query);
const snapshot = () => snapshotTables(db);

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;

  // Structure B, full of recognisable data.
  const ownerB = await makeUser(db, { name: SECRET.ownerName, email: SECRET.ownerEmail });
  const viewerB = await makeUser(db, { name: SECRET.viewerName });
  const orgB = await makeOrg(db, ownerB, "structure", { name: SECRET.orgName, departement: "59" }, [{ id: viewerB.id, role: "viewer" }]);
  const diagB = await insertDiagnostic(db, orgB.id, 2025, ownerB.id);
  await saveProfile(db, orgB.id, diagB.id, 0, { ...FIXTURE_PROFILE_STORED }, ownerB.id);
  await saveJobs(db, orgB.id, diagB.id, 0, [{ label: SECRET.jobLabel, population: "parcours", women: 3, men: 7, womenFte: 2.5, menFte: 6 }], ownerB.id);
  // A staff file and its categories of equal value: aggregates of it reach members only (never a read grant).
  await replaceStaffFile(db, orgB.id, diagB.id, { fileName: "personnel.csv", rows: [staffRow("F", SECRET.jobLabel), staffRow("H", SECRET.jobLabel)], jobs: [{ label: SECRET.jobLabel, population: "parcours", women: 3, men: 7, womenFte: 2.5, menFte: 6 }], expectedJobsVersion: 1 }, ownerB.id);
  await savePayCategoryMap(db, orgB.id, diagB.id, 0, { categories: [{ key: "c1", name: SECRET.payCategory, criteria: [] }], assignments: [{ job: SECRET.jobLabel, category: "c1" }] }, ownerB.id);
  const ynp = QUESTIONS.find((q) => q.kind === "ynp")!;
  await saveAnswer(db, orgB.id, diagB.id, ynp.id, 0, "oui", ownerB.id);
  await db.transaction((tx) =>
    insertPlan(
      tx,
      orgB.id,
      diagB.id,
      {
        kind: "plan_action",
        periodStart: "2026-01-01",
        periodEnd: "2026-12-31",
        actions: [{ domain: "articulation", title: SECRET.actionTitle, objective: SECRET.actionTitle, owner: SECRET.actionOwner, deadline: "2026-06-30" }],
      },
      ownerB.id,
    ),
  );
  const planB = await findPlanByDiagnostic(db, orgB.id, diagB.id);
  const inviteId = newId();
  await insertInvitation(db, {
    id: inviteId,
    organizationId: orgB.id,
    email: SECRET.invitedEmail,
    role: "editor",
    tokenHash: newIdSecretToken(inviteId).secretHash,
    invitedBy: ownerB.id,
    expiresAt: new Date(Date.now() + 86_400_000),
  });

  // Structure A and its three roles.
  const ownerA = await makeUser(db, { name: "Propriétaire de A" });
  const editorA = await makeUser(db, { name: "Éditrice de A" });
  const viewerA = await makeUser(db, { name: "Lecteur de A" });
  const orgA = await makeOrg(db, ownerA, "structure", { name: "Structure A", departement: "59" }, [
    { id: editorA.id, role: "editor" },
    { id: viewerA.id, role: "viewer" },
  ]);
  const diagA = await insertDiagnostic(db, orgA.id, 2025, ownerA.id);
  await db.transaction((tx) => insertPlan(tx, orgA.id, diagA.id, { kind: "plan_action", periodStart: "2026-01-01", periodEnd: "2026-12-31", actions: [] }, ownerA.id));

  // Accompaniment associations, with and without a grant of B; a DDETS of another département.
  const advisorNoGrant = await makeUser(db, { name: "Conseillère sans accès" });
  const assocNoGrant = await makeOrg(db, advisorNoGrant, "accompagnement", { name: "Association sans accès" });
  const advisorRead = await makeUser(db, { name: "Conseiller en lecture" });
  const assocRead = await makeOrg(db, advisorRead, "accompagnement", { name: "Association en lecture" });
  await upsertGrant(db, { structureId: orgB.id, advisorOrgId: assocRead.id, level: "read", status: "active", decidedBy: ownerB.id });
  await insertComment(db, { structureId: orgB.id, diagnosticId: diagB.id, target: "embauche", authorUserId: advisorRead.id, authorOrgId: assocRead.id, body: SECRET.comment });
  const agent = await makeUser(db, { name: "Agente DDETS de Paris" });
  const ddets = await makeOrg(db, agent, "ddets", { name: "DDETS de Paris", departements: ["75"] });

  const orgRow = (await rows(sql`select siret from organizations where id = ${orgB.id}`))[0];
  siretB = String(orgRow.siret);
  Object.assign(ids, {
    orgB: orgB.id,
    diagB: diagB.id,
    actionB: planB!.actions[0].id,
    ownerB: ownerB.id,
    orgA: orgA.id,
    diagA: diagA.id,
    assocNoGrant: assocNoGrant.id,
    assocRead: assocRead.id,
    ddets: ddets.id,
  });
  actors = {
    anonymous: { name: "anonymous" },
    otherStructure: { name: "member of another structure", cookie: ownerA.cookie },
    viewerA: { name: "viewer (of A)", cookie: viewerA.cookie },
    editorA: { name: "editor (of A)", cookie: editorA.cookie },
    ownerA: { name: "owner (of A)", cookie: ownerA.cookie },
    advisorNoGrant: { name: "advisor without grant", cookie: advisorNoGrant.cookie },
    advisorRead: { name: "advisor with read grant", cookie: advisorRead.cookie },
    ddets: { name: "DDETS of another département", cookie: agent.cookie },
    viewerB: { name: "viewer of B", cookie: viewerB.cookie },
    ownerB: { name: "owner of B", cookie: ownerB.cookie },
  };
});
afterAll(async () => handle.dispose());

const routes = flatRoutes();
const orgRoutes = routes.filter((r) => r.path.includes(":orgId"));

/** The URL of `route` with the given identifiers. */
function urlOf(route: FlatRoute, values: Record<string, string>) {
  const params: Record<string, string> = {};
  for (const [, name] of route.path.matchAll(/:(\w+)/g)) params[name] = values[name] ?? "inconnu";
  return { params, url: route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name])) };
}

/** B's identifiers everywhere. */
const bValues = () => ({ orgId: ids.orgB, diagId: ids.diagB, actionId: ids.actionB, domainId: "embauche", format: "csv", token: "inconnu.inconnu" });
/** A's organisation, B's diagnostic and action: the classic mixed-identifier attack of a member of A. */
const mixedValues = () => ({ ...bValues(), orgId: ids.orgA });
/** A's organisation and diagnostic, B's plan action. */
const mixedActionValues = () => ({ ...bValues(), orgId: ids.orgA, diagId: ids.diagA });
/** Each actor's own organisation (the pages that list clients, structures, campaigns…). */
const ownValues = (orgId: string) => ({ ...bValues(), orgId });

function leaks(body: unknown): string[] {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return [...SECRET_VALUES, siretB, ids.diagB, ids.actionB].filter((s) => text.includes(s));
}

/** Write attempts: every intent the route modules know, with fields that would change something. */
const INTENTS = [
  "save", "save-next", "save-stay", "invite", "role", "remove", "leave", "revoke", "grant", "accept", "refuse", "level", "request",
  "add", "resolve", "reopen", "confirm", "preview", "fichier", "saisie", "ignorer", "periode", "bilan", "ajouter-vide",
  "ajouter-catalogue", "retirer", "creer", "terminer", "rouvrir", "delete-diagnostic", "delete-structure", "",
];
function writeForm(intent: string): Record<string, string> {
  return {
    intent,
    version: "0",
    email: "intrus@exemple.fr",
    role: "owner",
    level: "edit",
    userId: ids.ownerB,
    grantId: "inconnu",
    commentId: "inconnu",
    actionId: ids.actionB,
    diagnosticId: ids.diagB,
    questionId: "embauche_offres_neutres",
    value: "non",
    body: "Écrit par un intrus",
    title: "Écrit par un intrus",
    label: "Écrit par un intrus",
    name: "Écrit par un intrus",
    year: "2027",
    siret: siretB,
    confirmation: SECRET.orgName,
    target: "plan",
  };
}

async function walkReads(actor: Actor, cases: Array<{ route: FlatRoute; values: Record<string, string> }>, expectStatus: (route: FlatRoute) => number[] | null) {
  const problems: string[] = [];
  for (const { route, values } of cases) {
    const mod = await loadRouteModule(route.file);
    if (!mod.loader) continue;
    const { url, params } = urlOf(route, values);
    const res = await callRoute(mod.loader, get(url, actor.cookie), params);
    const allowed = expectStatus(route);
    if (res.status >= 500) problems.push(`GET ${url}: ${res.status}`);
    if (allowed && !allowed.includes(res.status)) problems.push(`GET ${url}: ${res.status}, expected ${allowed.join(" or ")}`);
    if (res.status === 302 && actor.cookie === undefined && !res.location?.startsWith("/connexion") && route.path.includes(":orgId"))
      problems.push(`GET ${url}: redirected to ${res.location}`);
    const leaked = leaks(res.data);
    if (leaked.length) problems.push(`GET ${url}: leaks ${leaked.join(", ")}`);
  }
  return problems;
}

async function walkWrites(
  actor: Actor,
  cases: Array<{ route: FlatRoute; values: Record<string, string> }>,
  allowed: number[],
  skip: (route: FlatRoute, intent: string) => boolean = () => false,
) {
  const problems: string[] = [];
  const before = await snapshot();
  for (const { route, values } of cases) {
    const mod = await loadRouteModule(route.file);
    if (!mod.action) continue;
    const { url, params } = urlOf(route, values);
    for (const intent of INTENTS) {
      if (skip(route, intent)) continue;
      const res = await callRoute(mod.action, post(url, writeForm(intent), actor.cookie), params);
      if (!allowed.includes(res.status)) problems.push(`POST ${url} intent=${intent}: ${res.status}, expected ${allowed.join(" or ")}`);
      if (actor.cookie === undefined && res.status === 302 && !res.location?.startsWith("/connexion")) problems.push(`POST ${url}: redirected to ${res.location}`);
      const leaked = leaks(res.data);
      if (leaked.length) problems.push(`POST ${url} intent=${intent}: leaks ${leaked.join(", ")}`);
    }
  }
  const after = await snapshot();
  for (const table of Object.keys(before)) if (before[table] !== after[table]) problems.push(`table ${table} changed`);
  return problems;
}

describe("route walk over app/routes.ts", () => {
  it("covers every organisation route, with loaders and actions", async () => {
    expect(orgRoutes.length).toBeGreaterThanOrEqual(20);
    expect(routes.some((r) => r.path.includes(":actionId"))).toBe(true);
  });

  it("the snapshot sees a write (so an unchanged snapshot means something)", async () => {
    const before = await snapshot();
    await db.execute(sql`update organizations set commune = commune || '!' where id = ${ids.orgA}`);
    const after = await snapshot();
    await db.execute(sql`update organizations set commune = rtrim(commune, '!') where id = ${ids.orgA}`);
    expect(after.organizations).not.toBe(before.organizations);
    expect(await snapshot()).toEqual(before);
  });

  it("B's owner sees the recognisable strings (so their absence elsewhere means something)", async () => {
    const seen = new Set<string>();
    for (const route of orgRoutes) {
      const mod = await loadRouteModule(route.file);
      if (!mod.loader) continue;
      const { url, params } = urlOf(route, bValues());
      for (const s of leaks((await callRoute(mod.loader, get(url, actors.ownerB.cookie), params)).data)) seen.add(s);
    }
    for (const s of [SECRET.orgName, SECRET.jobLabel, SECRET.actionTitle, SECRET.comment, SECRET.invitedEmail, SECRET.payCategory]) expect(seen).toContain(s);
  });

  it("anonymous: every private page of B redirects to the sign-in page, public pages show nothing of B, no write", async () => {
    const cases = routes.map((route) => ({ route, values: bValues() }));
    // 404 for the POST-only endpoints (their loader answers 404 to everyone).
    expect(await walkReads(actors.anonymous, cases, (r) => (r.path.includes(":orgId") ? [302, 404] : null))).toEqual([]);
    expect(await walkWrites(actors.anonymous, orgRoutes.map((route) => ({ route, values: bValues() })), [302])).toEqual([]);
  });

  for (const key of ["otherStructure", "advisorNoGrant", "ddets"] as const) {
    it(`${key}: 404 on every page of B, nothing of B anywhere (own pages included), no write`, async () => {
      const actor = actors[key];
      const onB = orgRoutes.map((route) => ({ route, values: bValues() }));
      expect(await walkReads(actor, onB, () => [404])).toEqual([]);
      const own = key === "otherStructure" ? ids.orgA : key === "advisorNoGrant" ? ids.assocNoGrant : ids.ddets;
      const everywhere = routes.map((route) => ({ route, values: ownValues(own) }));
      expect(await walkReads(actor, everywhere, () => null)).toEqual([]);
      expect(await walkWrites(actor, onB, [404])).toEqual([]);
    });
  }

  for (const key of ["viewerA", "editorA", "ownerA"] as const) {
    it(`${key}: B's diagnostic and action ids inside A's URLs give 404 or 403 and nothing of B, no write`, async () => {
      const actor = actors[key];
      const withIds = orgRoutes.filter((r) => r.path.includes(":diagId"));
      const cases = [
        ...withIds.map((route) => ({ route, values: mixedValues() })),
        ...withIds.filter((r) => r.path.includes(":actionId")).map((route) => ({ route, values: mixedActionValues() })),
      ];
      expect(await walkReads(actor, cases, () => [403, 404])).toEqual([]);
      expect(await walkReads(actor, orgRoutes.map((route) => ({ route, values: bValues() })), () => [404])).toEqual([]);
      expect(await walkWrites(actor, [...cases, ...orgRoutes.map((route) => ({ route, values: bValues() }))], [403, 404])).toEqual([]);
    });
  }

  it("advisor with a read grant: reads B's diagnostics, never its members, grants or settings, and every write is refused", async () => {
    const actor = actors.advisorRead;
    const onB = orgRoutes.map((route) => ({ route, values: bValues() }));
    /** Pages of members only: a grant never opens them. */
    const membersOnly = (r: FlatRoute) => /\/(membres|accompagnement|clients|suivi|campagnes)/.test(r.path);
    const problems: string[] = [];
    for (const { route, values } of onB) {
      const mod = await loadRouteModule(route.file);
      if (!mod.loader) continue;
      const { url, params } = urlOf(route, values);
      const res = await callRoute(mod.loader, get(url, actor.cookie), params);
      if (res.status >= 500) problems.push(`GET ${url}: ${res.status}`);
      if (membersOnly(route) && res.status !== 404) problems.push(`GET ${url}: ${res.status}, expected 404`);
      if (membersOnly(route) && leaks(res.data).length) problems.push(`GET ${url}: leaks ${leaks(res.data).join(", ")}`);
      // Members' and invitees' email addresses stay private on every page the grant opens.
      const text = typeof res.data === "string" ? res.data : JSON.stringify(res.data);
      for (const s of [SECRET.ownerEmail, SECRET.invitedEmail]) if (text.includes(s)) problems.push(`GET ${url}: shows ${s}`);
      // Nothing derived from the staff file (the categories of equal value name its jobs and groups) under a read grant.
      if (text.includes(SECRET.payCategory)) problems.push(`GET ${url}: shows ${SECRET.payCategory}`);
    }
    expect(problems).toEqual([]);
    // Comments are the one write a read grant allows (a review); everything else is refused.
    expect(await walkWrites(actor, onB, [400, 403, 404], (route) => route.path.endsWith("/commentaires"))).toEqual([]);
  });

  it("viewer of B: reads, and every write is refused (leaving the structure aside)", async () => {
    const actor = actors.viewerB;
    const onB = orgRoutes.map((route) => ({ route, values: bValues() }));
    const problems = await walkReads(actor, onB, () => null);
    // B's own data is legitimately shown to its viewer; only server errors count here.
    expect(problems.filter((p) => !p.includes(": leaks "))).toEqual([]);
    // Unknown intents answer 400; the database comparison is the proof that nothing was written.
    expect(await walkWrites(actor, onB, [400, 403, 404], (_route, intent) => intent === "leave")).toEqual([]);
  });
});
