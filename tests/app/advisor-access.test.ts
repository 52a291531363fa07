import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/db.ts";
import { makeOrg, makeStructureTeam, makeUser } from "../helpers/factories.ts";
import { callRoute, get, post } from "../helpers/routes.ts";
import { flatRoutes, loadRouteModule } from "../helpers/route-config.ts";
import type { Db } from "../../db/client.ts";
import { findDiagnostic, insertDiagnostic } from "../../db/queries/diagnostics.ts";
import { decideGrant, listAuditWithNames, upsertGrant } from "../../db/queries/grants.ts";
import * as profileRoute from "../../app/routes/diagnostic-profile.tsx";

let handle: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let team: Awaited<ReturnType<typeof makeStructureTeam>>;
let advisor: Awaited<ReturnType<typeof makeUser>>;
let advisorViewer: Awaited<ReturnType<typeof makeUser>>;
let association: { id: string };
let diagnostic: { id: string };

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  team = await makeStructureTeam(db);
  advisor = await makeUser(db, { name: "Sophie Delattre" });
  advisorViewer = await makeUser(db, { name: "Stagiaire de l'association" });
  association = await makeOrg(db, advisor, "accompagnement", { name: "Égalité Conseil" }, [{ id: advisorViewer.id, role: "viewer" }]);
  diagnostic = await insertDiagnostic(db, team.org.id, 2025, team.owner.id);
});
afterAll(async () => handle.dispose());

/** Real identifiers of the structure's objects for each route parameter. */
function urlFor(path: string) {
  const values: Record<string, string> = { orgId: team.org.id, diagId: diagnostic.id, domainId: "embauche", format: "csv", actionId: "inconnu" };
  const params: Record<string, string> = {};
  for (const [, name] of path.matchAll(/:(\w+)/g)) params[name] = values[name] ?? "inconnu";
  return { params, url: path.replace(/:(\w+)/g, (_, name: string) => params[name]) };
}

const structureRoutes = flatRoutes().filter((r) => r.path.includes(":orgId"));

const PROFILE_FORM = {
  structureType: "ACI",
  headcountBand: "moins_50",
  permanentWomen: "4",
  permanentMen: "3",
  parcoursWomen: "6",
  parcoursMen: "11",
  hasCse: "oui",
  hasDelegueSyndical: "non",
  existingAgreement: "aucun",
};

describe("advisors reach a structure only through an active grant", () => {
  it.each(structureRoutes)("without a grant: 404 on $path", async ({ path, file }) => {
    const mod = await loadRouteModule(file);
    const { url, params } = urlFor(path);
    if (mod.loader) expect((await callRoute(mod.loader, get(url, advisor.cookie), params)).status).toBe(404);
    if (mod.action) expect((await callRoute(mod.action, post(url, { intent: "save", version: "0" }, advisor.cookie), params)).status).toBe(404);
  });

  it("with a read grant: reads the diagnostic, every write is refused, members stay private", async () => {
    await upsertGrant(db, { structureId: team.org.id, advisorOrgId: association.id, level: "read", status: "active", decidedBy: team.owner.id });
    const base = `/o/${team.org.id}/d/${diagnostic.id}`;
    const params = { orgId: team.org.id, diagId: diagnostic.id };
    const page = await callRoute(profileRoute.loader, get(`${base}/profil`, advisor.cookie), params);
    expect(page.status).toBe(200);
    expect(page.data.canEdit).toBe(false);
    const write = await callRoute(profileRoute.action, post(`${base}/profil`, { ...PROFILE_FORM, version: "0" }, advisor.cookie), params);
    expect(write.status).toBe(403);
    expect((await findDiagnostic(db, team.org.id, diagnostic.id))?.profile).toBeNull();
    const members = (await import("../../app/routes/org-members.tsx")).loader;
    expect((await callRoute(members, get(`/o/${team.org.id}/membres`, advisor.cookie), { orgId: team.org.id })).status).toBe(404);
  });

  it("with an edit grant: saves, but a viewer of the association still only reads", async () => {
    await upsertGrant(db, { structureId: team.org.id, advisorOrgId: association.id, level: "edit", status: "active", decidedBy: team.owner.id });
    const base = `/o/${team.org.id}/d/${diagnostic.id}`;
    const params = { orgId: team.org.id, diagId: diagnostic.id };
    const asViewer = await callRoute(profileRoute.action, post(`${base}/profil`, { ...PROFILE_FORM, version: "0" }, advisorViewer.cookie), params);
    expect(asViewer.status).toBe(403);
    const write = await callRoute(profileRoute.action, post(`${base}/profil`, { ...PROFILE_FORM, version: "0" }, advisor.cookie), params);
    expect(write.status).toBe(302);
    expect((await findDiagnostic(db, team.org.id, diagnostic.id))?.profile).toMatchObject({ parcoursMen: 11 });
  });

  it("writes each visit to the structure's audit log, once per half hour", async () => {
    const base = `/o/${team.org.id}/d/${diagnostic.id}`;
    const params = { orgId: team.org.id, diagId: diagnostic.id };
    const before = (await listAuditWithNames(db, team.org.id)).filter((e) => e.action === "advisor.visit").length;
    await callRoute(profileRoute.loader, get(`${base}/profil`, advisor.cookie), params);
    await callRoute(profileRoute.loader, get(`${base}/profil`, advisor.cookie), params);
    const visits = (await listAuditWithNames(db, team.org.id)).filter((e) => e.action === "advisor.visit");
    expect(visits.length).toBe(Math.max(before, 1));
    expect(visits[0].actorName).toBe("Sophie Delattre");
  });

  it("loses access on the next request once the grant is revoked", async () => {
    const [grant] = await db.query.accessGrants.findMany({ where: (g, { eq }) => eq(g.structureId, team.org.id) });
    await decideGrant(db, team.org.id, grant.id, { status: "revoked" }, team.owner.id);
    const base = `/o/${team.org.id}/d/${diagnostic.id}`;
    const res = await callRoute(profileRoute.loader, get(`${base}/profil`, advisor.cookie), { orgId: team.org.id, diagId: diagnostic.id });
    expect(res.status).toBe(404);
  });
});
