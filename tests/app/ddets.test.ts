import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNotNull } from "drizzle-orm";
import { createTestDb } from "../helpers/db.ts";
import { makeOrg, makeSiret, makeUser } from "../helpers/factories.ts";
import { callRoute, get, post } from "../helpers/routes.ts";
import { flatRoutes, loadRouteModule } from "../helpers/route-config.ts";
import type { Db } from "../../db/client.ts";
import { campaignCounts } from "../../db/queries/ddets.ts";
import { saveProfile } from "../../db/queries/diagnostics.ts";
import { campaignInvitations, diagnostics, organizations } from "../../db/schema.ts";
import { insertSeedStructures, seedSiret, type SeedStructure } from "../../db/seed-ddets.ts";
import { DIAGNOSTIC_SUMMARY_VERSION } from "../../diagnostics/ddets-summary.ts";
import type { DdetsData } from "../../app/ddets/dashboard.server.ts";
import * as dashboardRoute from "../../app/routes/ddets-dashboard.tsx";
import * as exportRoute from "../../app/routes/ddets-export.tsx";
import * as campaignsRoute from "../../app/routes/ddets-campaigns.tsx";
import * as signupRoute from "../../app/routes/signup.tsx";
import * as signupConfirmRoute from "../../app/routes/signup-confirm.tsx";
import { backgroundSettled } from "../../app/auth/background.server.ts";

let handle: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let outbox: string;
let agent59: Awaited<ReturnType<typeof makeUser>>;
let agentBoth: Awaited<ReturnType<typeof makeUser>>;
let structureOwner: Awaited<ReturnType<typeof makeUser>>;
let ddets59: { id: string };
let ddetsBoth: { id: string };
let ownStructure: { id: string };
let structureIn59: string;
let structureIn62: string;

const SECRET_NAME = "Chantier secret du Pas-de-Calais";
const FORMULA_NAME = '=HYPERLINK("http://exemple.fr";"clic")';
const EI_NAME = "Entreprise d'insertion n°";

function seedStructure(name: string, o: Partial<SeedStructure> & { n: number }): SeedStructure {
  return {
    name,
    type: o.type ?? "ACI",
    departement: o.departement ?? "59",
    commune: o.commune ?? "Lille",
    siret: seedSiret(o.n),
    registeredAt: new Date(Date.UTC(2025, 3, 1)),
    fiftyPlus: o.fiftyPlus ?? false,
    diagnostics: o.diagnostics ?? [{ year: 2025, status: "termine" }],
  };
}

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  outbox = fs.mkdtempSync(path.join(os.tmpdir(), "outbox-ddets-"));
  process.env.OUTBOX_DIR = outbox;
  agent59 = await makeUser(db, { name: "Agent du Nord" });
  agentBoth = await makeUser(db, { name: "Agent Nord – Pas-de-Calais" });
  structureOwner = await makeUser(db, { name: "Directrice d'ACI" });
  ddets59 = await makeOrg(db, agent59, "ddets", { name: "DDETS du Nord", departements: ["59"] });
  ddetsBoth = await makeOrg(db, agentBoth, "ddets", { name: "DDETS Nord et Pas-de-Calais", departements: ["59", "62"] });
  ownStructure = await makeOrg(db, structureOwner, "structure", { name: "ACI de la directrice", departement: "59" });
  // 59: 6 ACI and 4 EI with a finished 2025 diagnostic (two ACI with a plan), one EA without diagnostic; 62: one ACI.
  const structures: SeedStructure[] = [
    ...Array.from({ length: 6 }, (_, i) => seedStructure(`ACI du Nord n°${i + 1}`, { n: 100 + i, fiftyPlus: i === 0, diagnostics: [{ year: 2025, status: "termine", plan: i < 2 }] })),
    ...Array.from({ length: 4 }, (_, i) => seedStructure(`${EI_NAME}${i + 1}`, { n: 200 + i, type: "EI" })),
    seedStructure(FORMULA_NAME, { n: 300, type: "EA", diagnostics: [] }),
    seedStructure(SECRET_NAME, { n: 400, departement: "62", commune: "Arras", diagnostics: [{ year: 2025, status: "termine", plan: true }] }),
  ];
  const ids = await db.transaction((tx) => insertSeedStructures(tx, structures, 42));
  structureIn59 = ids[0];
  structureIn62 = ids[ids.length - 1];
});
afterAll(async () => {
  await handle.dispose();
  fs.rmSync(outbox, { recursive: true, force: true });
});

async function dashboardOf(user: { cookie: string }, ddets: { id: string }, search = ""): Promise<DdetsData & { org: { name: string } }> {
  const res = await callRoute(dashboardRoute.loader, get(`/o/${ddets.id}/suivi${search}`, user.cookie), { orgId: ddets.id });
  expect(res.status).toBe(200);
  return res.data;
}

/** The export's bytes decoded as UTF-8 with the BOM kept (Response.text() would drop it). */
async function csvOf(user: { cookie: string }, ddets: { id: string }, search = "") {
  const res = (await exportRoute.loader({ request: get(`/o/${ddets.id}/suivi/export.csv${search}`, user.cookie), params: { orgId: ddets.id }, context: {} } as never)) as Response;
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes), headers: res.headers };
}

describe("scope: a DDETS sees only the structures of its départements", () => {
  it("a DDETS for 59 sees nothing of a structure in 62, in the page and in the export", async () => {
    const data = await dashboardOf(agent59, ddets59);
    const json = JSON.stringify(data);
    expect(json).not.toContain(SECRET_NAME);
    expect(json).not.toContain("Arras");
    expect(json).not.toContain("Pas-de-Calais");
    expect(data.dashboard.scope.map((s) => s.code)).toEqual(["59"]);
    // 6 ACI + 4 EI + the EA + the directrice's own ACI.
    expect(data.dashboard.keyFigures.registered).toEqual({ status: "shown", count: 12 });
    expect(data.dashboard.keyFigures.finished).toEqual({ status: "shown", count: 10 });
    expect(data.structures.total).toBe(12);
    // A filter on a département outside the scope is ignored.
    const asked62 = await dashboardOf(agent59, ddets59, "?departement=62");
    expect(asked62.dashboard.filters.departement).toBeNull();
    expect(JSON.stringify(asked62)).not.toContain(SECRET_NAME);
    const csv = await csvOf(agent59, ddets59, "?departement=62");
    expect(csv.text).not.toContain(SECRET_NAME);
    expect(csv.text).not.toContain("Pas-de-Calais");
    // Its visit summarised the finished diagnostics of 59 only.
    const [in62] = await db.select({ summary: diagnostics.summary }).from(diagnostics).where(eq(diagnostics.organizationId, structureIn62));
    expect(in62.summary).toBeNull();
  });

  it("a DDETS for 59 and 62 sees it", async () => {
    const data = await dashboardOf(agentBoth, ddetsBoth);
    expect(data.structures.rows.map((s) => s.name)).toContain(SECRET_NAME);
    expect(data.structures.rows.find((s) => s.name === SECRET_NAME)).toEqual({
      name: SECRET_NAME,
      type: "Atelier et chantier d'insertion (ACI)",
      commune: "Arras",
      departement: "62 – Pas-de-Calais",
      status: "Plan d'action établi",
    });
    expect(data.dashboard.keyFigures.registered).toEqual({ status: "shown", count: 13 });
  });

  it("refreshes a summary when its diagnostic changes", async () => {
    await dashboardOf(agent59, ddets59);
    const [row] = await db
      .select({ id: diagnostics.id, summary: diagnostics.summary, profile: diagnostics.profile, version: diagnostics.profileVersion })
      .from(diagnostics)
      .where(eq(diagnostics.organizationId, structureIn59));
    expect((row.summary as { v: number }).v).toBe(DIAGNOSTIC_SUMMARY_VERSION);
    const profile = { ...(row.profile as Record<string, unknown>), headcountBand: "moins_50", parcoursWomen: 5, parcoursMen: 5 };
    const saved = await saveProfile(db, structureIn59, row.id, row.version, profile, structureOwner.id);
    expect(saved?.ok).toBe(true);
    await dashboardOf(agent59, ddets59);
    const [after] = await db.select({ summary: diagnostics.summary, of: diagnostics.summaryOf, at: diagnostics.updatedAt }).from(diagnostics).where(eq(diagnostics.id, row.id));
    expect((after.summary as { fiftyPlus: boolean }).fiftyPlus).toBe(false);
    expect(after.of?.getTime()).toBe(after.at.getTime());
  });

  it("never sends answers, staff data, comments or plans' content", async () => {
    const json = JSON.stringify(await dashboardOf(agentBoth, ddetsBoth));
    for (const word of ["questionId", "answers", "staff", "rows\":[{\"sex", "objective", "owner", "followUpNote", "summary\":{", "parcoursWomen", "avgPay"]) {
      expect(json).not.toContain(word);
    }
  });
});

describe("a cell of 4 structures is suppressed everywhere", () => {
  it("in the page data: the 4 EI are « moins de 5 structures », the 6 ACI masked (10 − 6 = 4 otherwise)", async () => {
    const data = await dashboardOf(agent59, ddets59);
    const ei = data.dashboard.byType.rows.find((r) => r.key === "EI")!;
    const aci = data.dashboard.byType.rows.find((r) => r.key === "ACI")!;
    expect(ei.registered).toEqual({ status: "small" });
    expect(ei.finished).toEqual({ status: "small" });
    expect(aci.finished).toEqual({ status: "masked" });
    expect(data.dashboard.byType.total.finished).toEqual({ status: "shown", count: 10 });
    expect(data.dashboard.results.published).toBe(true);

    const onlyEi = await dashboardOf(agent59, ddets59, "?type=EI");
    expect(onlyEi.dashboard.keyFigures.finished).toEqual({ status: "small" });
    expect(onlyEi.dashboard.results.published).toBe(false);
    expect(onlyEi.dashboard.results.womenShare).toBeNull();
    expect(onlyEi.dashboard.results.domains).toEqual([]);
    expect(JSON.stringify(onlyEi.dashboard)).not.toMatch(/"count":[1-4]\b/);
    // The list still names each structure with its status (what a DDETS may see).
    expect(onlyEi.structures.rows.map((s) => s.name)).toEqual([1, 2, 3, 4].map((i) => `${EI_NAME}${i}`));

    const onlyAci = await dashboardOf(agent59, ddets59, "?type=ACI");
    expect(onlyAci.dashboard.results.published).toBe(false);
    expect(onlyAci.dashboard.results.finished).toEqual({ status: "masked" });
  });

  it("in the CSV", async () => {
    const { text } = await csvOf(agent59, ddets59);
    const eiLine = text.split("\r\n").find((l) => l.startsWith("Entreprise d'insertion (EI);"))!;
    expect(eiLine).toBe("Entreprise d'insertion (EI);moins de 5 structures;moins de 5 structures;moins de 5 structures;moins de 5 structures");
    const aciLine = text.split("\r\n").find((l) => l.startsWith("Atelier et chantier d'insertion (ACI);"))!;
    expect(aciLine).toContain("masqué (secret statistique)");
    const filtered = await csvOf(agent59, ddets59, "?type=EI");
    expect(filtered.text).toContain("Diagnostics 2025 terminés;moins de 5 structures");
    expect(filtered.text).toContain("Moins de 5 structures de cette sélection ont terminé leur diagnostic 2025");
  });
});

describe("the CSV export", () => {
  it("is an attachment in UTF-8 with a BOM, « ; » and CRLF, formulas neutralised", async () => {
    const { text, headers, bytes } = await csvOf(agent59, ddets59);
    expect(headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(headers.get("Content-Disposition")).toMatch(/^attachment; filename="suivi-structures-2025-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(text).toContain("Structures inscrites;12");
    expect(text).toContain(`"'=HYPERLINK(""http://exemple.fr"";""clic"")";Entreprise adaptée (EA);Lille;59 – Nord;Inscrite, pas de diagnostic`);
    // No cell starts with a formula character.
    for (const line of text.slice(1).split("\r\n")) expect(line).not.toMatch(/(^|;)"?[=+\-@]/);
  });
});

describe("DDETS agents never reach a structure", () => {
  const orgRoutes = flatRoutes().filter((r) => r.path.includes(":orgId"));
  let diagId: string;
  beforeAll(async () => {
    const [d] = await db.select({ id: diagnostics.id }).from(diagnostics).where(eq(diagnostics.organizationId, structureIn59));
    diagId = d.id;
  });

  it("covers the organisation routes of the route config", () => {
    expect(orgRoutes.length).toBeGreaterThan(10);
  });

  it.each(orgRoutes)("404 on $path of a structure of its own département", async ({ path: routePath, file }) => {
    const mod = await loadRouteModule(file);
    const values: Record<string, string> = { orgId: structureIn59, diagId, domainId: "embauche", format: "csv", actionId: "inconnu" };
    const params: Record<string, string> = {};
    for (const [, name] of routePath.matchAll(/:(\w+)/g)) params[name] = values[name] ?? "inconnu";
    const url = routePath.replace(/:(\w+)/g, (_, name: string) => params[name]);
    for (const agent of [agent59, agentBoth]) {
      if (mod.loader) expect((await callRoute(mod.loader, get(url, agent.cookie), params)).status).toBe(404);
      if (mod.action) {
        for (const intent of ["save", "invite", "finish", "comment"]) {
          expect((await callRoute(mod.action, post(url, { intent, version: "0", emails: "a@b.fr" }, agent.cookie), params)).status).toBe(404);
        }
      }
    }
  });

  it("and a structure's member never reaches the DDETS pages", async () => {
    for (const mod of [dashboardRoute, exportRoute, campaignsRoute]) {
      const res = await callRoute(mod.loader, get(`/o/${ddets59.id}/suivi`, structureOwner.cookie), { orgId: ddets59.id });
      expect(res.status).toBe(404);
    }
    const own = await callRoute(dashboardRoute.loader, get(`/o/${ownStructure.id}/suivi`, structureOwner.cookie), { orgId: ownStructure.id });
    expect(own.status).toBe(404);
    const post404 = await callRoute(campaignsRoute.action, post(`/o/${ddets59.id}/campagnes`, { emails: "a@b.fr" }, structureOwner.cookie), { orgId: ddets59.id });
    expect(post404.status).toBe(404);
  });
});

describe("campaigns", () => {
  function mailTo(email: string): string {
    const file = fs.readdirSync(outbox).filter((f) => f.includes(email.replace(/[^a-z0-9@._-]/gi, "_"))).sort().pop();
    if (!file) throw new Error(`no mail to ${email}`);
    return fs.readFileSync(path.join(outbox, file), "utf8");
  }

  /** Signs up through the form, then through the confirmation link mailed to `email`: the answer of the link's button. */
  async function signUpAndConfirm(form: Record<string, string>, ip: string) {
    const sent = await callRoute(signupRoute.action, post("/inscription", form, undefined, ip), {});
    expect(sent.data.sentTo).toBe(form.email);
    await backgroundSettled();
    const token = decodeURIComponent(mailTo(form.email).match(/\/inscription\/confirmer\/(\S+)/)![1]);
    return callRoute(signupConfirmRoute.action, post(`/inscription/confirmer/${encodeURIComponent(token)}`, {}), { token });
  }

  const signupForm = (email: string, departement: string, campagne?: string) => ({
    name: "Nouvelle directrice",
    email,
    password: "une phrase de passe solide",
    structureName: `Structure de ${email}`,
    siret: makeSiret(),
    structureType: "ACI",
    departement,
    commune: "Lille",
    ...(campagne ? { campagne } : {}),
  });

  it("refuses an invalid list with every bad address named, and sends nothing", async () => {
    const res = await callRoute(campaignsRoute.action, post(`/o/${ddets59.id}/campagnes`, { emails: "contact@aci.fr\npas-une-adresse" }, agent59.cookie), { orgId: ddets59.id });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.data)).toContain("pas-une-adresse");
    expect(fs.readdirSync(outbox)).toEqual([]);
  });

  it("invites a pasted list once per address, links sign-ups (once confirmed) through the link or the email", async () => {
    const res = await callRoute(
      campaignsRoute.action,
      post(`/o/${ddets59.id}/campagnes`, { emails: "Contact@Structure-A.fr; b@structure-b.fr\ncontact@structure-a.fr, c@structure-c.fr" }, agent59.cookie),
      { orgId: ddets59.id },
    );
    expect(res.status).toBe(200);
    expect(res.data.done.invited.sort()).toEqual(["b@structure-b.fr", "c@structure-c.fr", "contact@structure-a.fr"]);
    const again = await callRoute(campaignsRoute.action, post(`/o/${ddets59.id}/campagnes`, { emails: "b@structure-b.fr" }, agent59.cookie), { orgId: ddets59.id });
    expect(again.data.done).toEqual({ invited: [], alreadyInvited: ["b@structure-b.fr"] });

    const mail = mailTo("contact@structure-a.fr");
    expect(mail).toContain("DDETS du Nord vous invite");
    const link = mail.match(/https?:\/\/\S+\/inscription\?campagne=(\S+)/)!;
    const campaignId = decodeURIComponent(link[1]);

    // The sign-up page names the DDETS.
    const page = await callRoute(signupRoute.loader, get(`/inscription?campagne=${encodeURIComponent(campaignId)}`), {});
    expect(page.data.campaign).toEqual({ id: campaignId, ddetsName: "DDETS du Nord" });

    // Through the link, with another address.
    const viaLink = await signUpAndConfirm(signupForm("direction@structure-a.fr", "59", campaignId), "10.0.0.1");
    expect(viaLink.status).toBe(302);
    const [a] = await db.select({ structureId: campaignInvitations.structureId }).from(campaignInvitations).where(eq(campaignInvitations.id, campaignId));
    const [orgA] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, "Structure de direction@structure-a.fr"));
    expect(a.structureId).toBe(orgA.id);

    // With the invited address, without the link.
    const viaEmail = await signUpAndConfirm(signupForm("b@structure-b.fr", "59"), "10.0.0.2");
    expect(viaEmail.status).toBe(302);
    // In the Pas-de-Calais: linked, but never counted by a DDETS for 59.
    const outside = await signUpAndConfirm(signupForm("c@structure-c.fr", "62"), "10.0.0.3");
    expect(outside.status).toBe(302);

    const linked = await db
      .select({ email: campaignInvitations.email })
      .from(campaignInvitations)
      .where(and(eq(campaignInvitations.ddetsOrgId, ddets59.id), isNotNull(campaignInvitations.structureId)));
    expect(linked.map((l) => l.email).sort()).toEqual(["b@structure-b.fr", "c@structure-c.fr", "contact@structure-a.fr"]);
    expect(await campaignCounts(db, ddets59.id)).toEqual({ invited: 3, registered: 2, started: 0, finished: 0 });

    // Shown with the same rule: 2 registered → « moins de 5 structures »; 0 started is a published 0.
    const campaignPage = await callRoute(campaignsRoute.loader, get(`/o/${ddets59.id}/campagnes`, agent59.cookie), { orgId: ddets59.id });
    expect(campaignPage.data.counts).toEqual({ invited: 3, registered: { status: "small" }, started: { status: "shown", count: 0 }, finished: { status: "shown", count: 0 } });
    const data = await dashboardOf(agent59, ddets59);
    expect(data.campaign.registered).toEqual({ status: "small" });
  });

  it("a viewer of the DDETS may read the campaign but not invite", async () => {
    const viewer = await makeUser(db);
    const { upsertMembership } = await import("../../db/queries/organizations.ts");
    await upsertMembership(db, ddets59.id, viewer.id, "viewer");
    const page = await callRoute(campaignsRoute.loader, get(`/o/${ddets59.id}/campagnes`, viewer.cookie), { orgId: ddets59.id });
    expect(page.data.canInvite).toBe(false);
    const res = await callRoute(campaignsRoute.action, post(`/o/${ddets59.id}/campagnes`, { emails: "x@y.fr" }, viewer.cookie), { orgId: ddets59.id });
    expect(res.status).toBe(403);
  });
});
