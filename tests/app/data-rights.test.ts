import { and, eq, sql } from "drizzle-orm";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/db.ts";
import { makeOrg, makeUser, TEST_PASSWORD } from "../helpers/factories.ts";
import { callRoute, get, post } from "../helpers/routes.ts";
import type { Db } from "../../db/client.ts";
import { insertComment } from "../../db/queries/comments.ts";
import { findDiagnostic, insertDiagnostic, replaceStaffFile, saveAnswer, saveIndexStep, saveProfile } from "../../db/queries/diagnostics.ts";
import { upsertGrant } from "../../db/queries/grants.ts";
import { savePayCategoryMap } from "../../db/queries/pay-categories.ts";
import { insertPlan } from "../../db/queries/plans.ts";
import {
  actionPlans,
  auditLog,
  diagnosticAnswers,
  diagnostics,
  invitations,
  memberships,
  organizations,
  passwordResetTokens,
  payCategoryMaps,
  planActions,
  rateLimits,
  reviewComments,
  sessions,
  signupRequests,
  staffFiles,
  users,
} from "../../db/schema.ts";
import { jobsFromStaffRows, parseStaffCsvText } from "../../diagnostics/staff-file/index.ts";
import { parisYear, retentionCommand, retentionCutoffs } from "../../app/cli/retention.ts";
import { confirmationMatches, MESSAGES } from "../../app/orgs/data-deletion.server.ts";
import { exportCell } from "../../app/orgs/data-export.server.ts";
import { AUDIT_RETENTION_YEARS, STAFF_FILE_RETENTION_YEARS } from "../../app/orgs/retention-rules.ts";
import * as accountRoute from "../../app/routes/account.tsx";
import * as dataRoute from "../../app/routes/structure-data.tsx";
import * as exportRoute from "../../app/routes/structure-data-export.tsx";

const NBSP = "\u00a0";
const BOM = "\uFEFF";
/** UTF-8 text of a file, byte-order mark kept (TextDecoder drops it by default). */
const strFromU8 = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

let handle: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let seq = 0;

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
});
afterAll(async () => {
  await handle.dispose();
});

const PROFILE = {
  structureType: "ACI",
  headcountBand: "moins_50",
  permanentWomen: 3,
  permanentMen: 2,
  parcoursWomen: 6,
  parcoursMen: 6,
  hasCse: false,
  hasDelegueSyndical: false,
  existingAgreement: "aucun",
};

const STAFF_CSV = [
  "Sexe;Emploi;Population;CSP;Tranche d'âge;Temps de travail;Mois de présence;Rémunération annuelle brute;Augmentation;Promotion",
  ...Array.from({ length: 6 }, (_, i) => `F;Agente d'entretien;Parcours;Employé;30-39;100 %;12;${18010 + i * 100};${i < 3 ? "Oui" : "Non"};Non`),
  ...Array.from({ length: 6 }, (_, i) => `H;Ouvrier espaces verts;Parcours;Employé;30-39;100 %;12;${18530 + i * 100};${i < 2 ? "Oui" : "Non"};Non`),
].join("\n");

/** Adds a diagnostic of `year` with a profile, two answers, a staff file used for the Index, a plan of two actions and an advisor comment. */
async function seedDiagnostic(orgId: string, year: number, userId: string, advisor: { userId: string; orgId: string }, comment: string) {
  const { id } = await insertDiagnostic(db, orgId, year, userId);
  await saveProfile(db, orgId, id, 0, PROFILE, userId);
  await saveAnswer(db, orgId, id, "embauche.offres_redaction_neutre", 0, "non", userId);
  await saveAnswer(db, orgId, id, "formation.plan_acces_egal", 0, "oui", userId);
  const parsed = parseStaffCsvText(STAFF_CSV, { referenceDate: `${year}-12-31` });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const current = await findDiagnostic(db, orgId, id);
  await db.transaction((tx) =>
    replaceStaffFile(tx, orgId, id, { fileName: `personnel-${year}-${seq}.csv`, rows: parsed.rows, jobs: jobsFromStaffRows(parsed.rows), expectedJobsVersion: current!.jobsVersion }, userId),
  );
  await saveIndexStep(db, orgId, id, 0, { source: "fichier", data: null, skipReason: null }, userId);
  const mapping = {
    categories: [{ key: "c1", name: `Entretien et espaces verts ${seq}-${year}`, criteria: ["competences", "efforts"] }],
    assignments: [
      { job: "Agente d'entretien", category: "c1" },
      { job: "Ouvrier espaces verts", category: "c1" },
    ],
  };
  await savePayCategoryMap(db, orgId, id, 0, mapping, userId);
  await db.transaction((tx) =>
    insertPlan(
      tx,
      orgId,
      id,
      {
        kind: "plan_action",
        periodStart: `${year + 1}-01-01`,
        periodEnd: `${year + 1}-12-31`,
        actions: [
          { domain: "embauche", title: "-30 % d'écart visé", objective: "@prescripteurs", status: "prevue" },
          { domain: "remuneration", title: "Revoir la grille", objective: "+2 points", status: "prevue" },
        ],
      },
      userId,
    ),
  );
  await insertComment(db, { structureId: orgId, diagnosticId: id, target: "embauche", authorUserId: advisor.userId, authorOrgId: advisor.orgId, body: comment });
  return id;
}

/** A structure with an owner, an editor and a viewer (names and emails unique to it), an advisor with an edit grant, a DDETS agent and an outsider, and two diagnostics. */
async function seedStructure() {
  seq += 1;
  const owner = await makeUser(db, { name: `Odile Propriétaire${seq}`, email: `odile${seq}@structure.fr` });
  const editor = await makeUser(db, { name: `Éric Contributeur${seq}`, email: `eric${seq}@structure.fr` });
  const viewer = await makeUser(db, { name: `Véra Lectrice${seq}`, email: `vera${seq}@structure.fr` });
  const outsider = await makeUser(db, { name: `Autre${seq}` });
  await makeOrg(db, outsider, "structure", { name: `Voisine ${seq}` });
  const advisor = await makeUser(db, { name: `Conseillère${seq}` });
  const association = await makeOrg(db, advisor, "accompagnement", { name: `Association ${seq}` });
  const agent = await makeUser(db, { name: `Agent${seq}` });
  await makeOrg(db, agent, "ddets", { departements: ["59"] });
  const org = await makeOrg(db, owner, "structure", { name: `Jardins Zéphyr ${seq}` }, [
    { id: editor.id, role: "editor" },
    { id: viewer.id, role: "viewer" },
  ]);
  await upsertGrant(db, { structureId: org.id, advisorOrgId: association.id, level: "edit", status: "active", decidedBy: owner.id });
  const [{ siret }] = await db.select({ siret: organizations.siret }).from(organizations).where(eq(organizations.id, org.id));
  const adv = { userId: advisor.id, orgId: association.id };
  const diag2024 = await seedDiagnostic(org.id, 2024, editor.id, adv, `=HYPERLINK("http://exemple.invalid";"clic ${seq}")`);
  const diag2025 = await seedDiagnostic(org.id, 2025, owner.id, adv, `Commentaire sans risque ${seq}`);
  await db.insert(invitations).values({
    id: `inv-${seq}`,
    organizationId: org.id,
    email: `invitee${seq}@structure.fr`,
    role: "viewer",
    tokenHash: new Uint8Array(32),
    invitedBy: owner.id,
    expiresAt: new Date("2099-01-01T00:00:00Z"),
  });
  return { owner, editor, viewer, outsider, advisor, agent, org, siret: siret!, diag2024, diag2025 };
}

/** Every row of every table of the database, as JSON text: what a copy of the database would show. */
async function dump(): Promise<string> {
  const tables = await db.execute<{ table_name: string }>(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
  const names = (Array.isArray(tables) ? tables : (tables as unknown as { rows: { table_name: string }[] }).rows).map((t) => t.table_name);
  const parts: string[] = [];
  for (const name of names) {
    const rows = await db.execute<{ j: string }>(sql.raw(`select row_to_json(t)::text as j from "${name}" t`));
    const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: { j: string }[] }).rows;
    parts.push(...list.map((r) => `${name} ${r.j}`));
  }
  return parts.join("\n");
}

async function downloadExport(orgId: string, cookie: string) {
  const response = (await exportRoute.loader({ request: get(`/o/${orgId}/donnees/export.zip`, cookie), params: { orgId }, context: {} } as never)) as Response;
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/zip");
  expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="boussole-donnees-jardins-zephyr-\d+-\d{4}-\d{2}-\d{2}\.zip"$/);
  return unzipSync(new Uint8Array(await response.arrayBuffer()));
}

describe("rules without the database", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+33 6 12", "'+33 6 12"],
    ["-5 %", "'-5 %"],
    ["@SOMME(A1)", "'@SOMME(A1)"],
    ["\tcaché", "'\tcaché"],
    ["a;b", '"a;b"'],
    ['dit "oui"', '"dit ""oui"""'],
    ["Sans risque = ok", "Sans risque = ok"],
    [-5, "-5"],
    [18010.55, "18010,55"],
    [true, "oui"],
    [false, "non"],
    [null, ""],
    [{ a: 1 }, '"{""a"":1}"'],
    [new Date("2026-01-05T10:00:00Z"), "2026-01-05T10:00:00.000Z"],
  ] as const)("exportCell(%j) is %s", (value, cell) => {
    expect(exportCell(value)).toBe(cell);
  });

  it.each([
    ["2024", "2024", true],
    [" 2024 ", "2024", true],
    ["2023", "2024", false],
    ["", "", false],
    ["jardins  d’été", "Jardins d'Été", true],
    ["Jardins d'Ete", "Jardins d'Été", false],
    ["Jardins", "Jardins d'Été", false],
  ] as const)("confirmationMatches(%j, %j) is %s", (typed, expected, ok) => {
    expect(confirmationMatches(typed, expected)).toBe(ok);
  });

  it("pins the retention constants", () => {
    expect(AUDIT_RETENTION_YEARS).toBe(3);
    expect(STAFF_FILE_RETENTION_YEARS).toBe(3);
  });

  it.each([
    ["2027-12-31T22:59:59Z", 2027, 2024],
    ["2027-12-31T23:00:00Z", 2028, 2025],
    ["2028-06-30T22:00:00Z", 2028, 2025],
  ])("at %s (Paris year %i) staff files of years before %i go", (iso, year, before) => {
    expect(parisYear(new Date(iso))).toBe(year);
    expect(retentionCutoffs(new Date(iso)).staffFileYearBefore).toBe(before);
  });

  it("puts the audit and rate-limit thresholds 3 years and 1 day back", () => {
    const c = retentionCutoffs(new Date("2028-01-01T12:00:00Z"));
    expect(c.auditBefore.toISOString()).toBe("2025-01-01T12:00:00.000Z");
    expect(c.rateLimitsBefore.toISOString()).toBe("2027-12-31T12:00:00.000Z");
  });
});

describe("export of the structure's data", () => {
  let s: Awaited<ReturnType<typeof seedStructure>>;
  let files: Record<string, Uint8Array>;
  beforeAll(async () => {
    s = await seedStructure();
    files = await downloadExport(s.org.id, s.owner.cookie);
  });

  it("holds the README, the JSON and one CSV per table", () => {
    expect(Object.keys(files).sort()).toEqual(
      [
        "README.txt",
        "donnees.json",
        "structure.csv",
        "membres.csv",
        "invitations.csv",
        "diagnostics.csv",
        "emplois.csv",
        "reponses.csv",
        "personnel.csv",
        "categories.csv",
        "plans.csv",
        "actions.csv",
        "acces.csv",
        "commentaires.csv",
        "journal.csv",
      ].sort(),
    );
    const readme = strFromU8(files["README.txt"]);
    for (const name of Object.keys(files).filter((n) => n !== "README.txt")) expect(readme).toContain(name);
    expect(readme).toContain(`Jardins Zéphyr ${seq}`);
  });

  it("writes every CSV for French Excel: BOM, « ; », header line", () => {
    for (const [name, bytes] of Object.entries(files).filter(([n]) => n.endsWith(".csv"))) {
      const text = strFromU8(bytes);
      expect(text.startsWith(BOM), name).toBe(true);
      expect(text.split("\r\n")[0].split(";").length, name).toBeGreaterThan(1);
    }
    const members = strFromU8(files["membres.csv"]).split("\r\n");
    expect(members[0]).toBe(`${BOM}userId;nom;adresse électronique;rôle;membre depuis`);
    expect(members.filter((l) => l.includes("@structure.fr"))).toHaveLength(3);
    expect(strFromU8(files["membres.csv"])).toContain(`;Éric Contributeur${seq};eric${seq}@structure.fr;editor;`);
  });

  it("neutralises cells that a spreadsheet would run as formulas", () => {
    const comments = strFromU8(files["commentaires.csv"]);
    expect(comments).toContain(`"'=HYPERLINK(""http://exemple.invalid"";""clic ${seq}"")"`);
    expect(comments).not.toMatch(/(^|;)"?=HYPERLINK/m);
    const actions = strFromU8(files["actions.csv"]);
    expect(actions).toContain("'-30 % d'écart visé");
    expect(actions).toContain("'@prescripteurs");
    expect(actions).toContain("'+2 points");
  });

  it("puts everything in the JSON: members, diagnostics with answers, staff rows, plans, grants, comments, audit", () => {
    const json = JSON.parse(strFromU8(files["donnees.json"]));
    expect(json.organization).toMatchObject({ id: s.org.id, siret: s.siret });
    expect(json.members.map((m: { email: string }) => m.email).sort()).toEqual([`eric${seq}@structure.fr`, `odile${seq}@structure.fr`, `vera${seq}@structure.fr`]);
    expect(json.diagnostics.map((d: { year: number }) => d.year)).toEqual([2024, 2025]);
    expect(json.diagnostics[0].profile).toMatchObject({ headcountBand: "moins_50" });
    expect(json.answers).toHaveLength(4);
    expect(json.staffFiles).toHaveLength(2);
    expect(json.staffFiles[0].rows).toHaveLength(12);
    expect(json.payCategories.map((m: { mapping: { categories: { name: string }[] } }) => m.mapping.categories[0].name).sort()).toEqual([
      `Entretien et espaces verts ${seq}-2024`,
      `Entretien et espaces verts ${seq}-2025`,
    ]);
    const categories = strFromU8(files["categories.csv"]).split("\r\n").filter(Boolean);
    expect(categories).toHaveLength(1 + 2);
    expect(categories[0]).toBe(`${BOM}diagnosticId;année;catégorie;critères confirmés;postes;version;modifiée le;modifiée par (userId)`);
    expect(categories.join("\n")).toContain(`;2024;Entretien et espaces verts ${seq}-2024;competences, efforts;Agente d'entretien | Ouvrier espaces verts;1;`);
    expect(json.plans).toHaveLength(2);
    expect(json.actions).toHaveLength(4);
    expect(json.grants).toEqual([expect.objectContaining({ advisorOrgName: `Association ${seq}`, level: "edit", status: "active" })]);
    expect(json.comments).toHaveLength(2);
    expect(json.invitations).toEqual([expect.objectContaining({ email: `invitee${seq}@structure.fr` })]);
    expect(JSON.stringify(json)).not.toMatch(/passwordHash|secretHash|tokenHash/);
    const personnel = strFromU8(files["personnel.csv"]).split("\r\n").filter(Boolean);
    expect(personnel).toHaveLength(1 + 24);
  });

  it("writes the export to the structure's audit log", async () => {
    const rows = await db
      .select({ actor: auditLog.actorUserId, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, s.org.id), eq(auditLog.action, "data.exported")));
    expect(rows).toEqual([{ actor: s.owner.id, details: { files: 15, diagnostics: 2 } }]);
  });
});

describe("who reaches the data page, the export and the deletions", () => {
  let s: Awaited<ReturnType<typeof seedStructure>>;
  beforeAll(async () => {
    s = await seedStructure();
  });

  it("shows the owner the page with the diagnostics", async () => {
    const res = await callRoute(dataRoute.loader, get(`/o/${s.org.id}/donnees`, s.owner.cookie), { orgId: s.org.id });
    expect(res.status).toBe(200);
    expect(res.data.diagnostics.map((d: { year: number }) => d.year)).toEqual([2024, 2025]);
  });

  it.each([
    ["editor", 403],
    ["viewer", 403],
    ["advisor", 404],
    ["agent", 404],
    ["outsider", 404],
  ] as const)("answers %s with %i on the page, the export and both deletions, and deletes nothing", async (who, status) => {
    const cookie = s[who].cookie;
    const params = { orgId: s.org.id };
    expect((await callRoute(dataRoute.loader, get(`/o/${s.org.id}/donnees`, cookie), params)).status).toBe(status);
    expect((await callRoute(exportRoute.loader, get(`/o/${s.org.id}/donnees/export.zip`, cookie), params)).status).toBe(status);
    const delDiag = post(`/o/${s.org.id}/donnees`, { intent: "delete-diagnostic", diagnosticId: s.diag2024, confirmation: "2024" }, cookie);
    expect((await callRoute(dataRoute.action, delDiag, params)).status).toBe(status);
    const delOrg = post(`/o/${s.org.id}/donnees`, { intent: "delete-structure", confirmation: `Jardins Zéphyr ${seq}` }, cookie);
    expect((await callRoute(dataRoute.action, delOrg, params)).status).toBe(status);
    expect(await db.select({ id: diagnostics.id }).from(diagnostics).where(eq(diagnostics.organizationId, s.org.id))).toHaveLength(2);
  });

  it("sends a signed-out visitor to the sign-in page", async () => {
    const res = await callRoute(exportRoute.loader, get(`/o/${s.org.id}/donnees/export.zip`), { orgId: s.org.id });
    expect(res.status).toBe(302);
    expect(res.location).toMatch(/^\/connexion\?redirectTo=/);
  });
});

describe("deleting a diagnostic", () => {
  let s: Awaited<ReturnType<typeof seedStructure>>;
  beforeAll(async () => {
    s = await seedStructure();
  });
  const counts = async (diagId: string) => ({
    diagnostics: (await db.select({ id: diagnostics.id }).from(diagnostics).where(eq(diagnostics.id, diagId))).length,
    answers: (await db.select({ q: diagnosticAnswers.questionId }).from(diagnosticAnswers).where(eq(diagnosticAnswers.diagnosticId, diagId))).length,
    staff: (await db.select({ d: staffFiles.diagnosticId }).from(staffFiles).where(eq(staffFiles.diagnosticId, diagId))).length,
    plans: (await db.select({ id: actionPlans.id }).from(actionPlans).where(eq(actionPlans.diagnosticId, diagId))).length,
    actions: (
      await db.select({ id: planActions.id }).from(planActions).innerJoin(actionPlans, eq(actionPlans.id, planActions.planId)).where(eq(actionPlans.diagnosticId, diagId))
    ).length,
    comments: (await db.select({ id: reviewComments.id }).from(reviewComments).where(eq(reviewComments.diagnosticId, diagId))).length,
    payCategories: (await db.select({ d: payCategoryMaps.diagnosticId }).from(payCategoryMaps).where(eq(payCategoryMaps.diagnosticId, diagId))).length,
  });

  it.each([["2025"], ["202"], [""], ["deux mille vingt-quatre"]])("refuses the confirmation « %s » for 2024 with a French message and deletes nothing", async (typed) => {
    const res = await callRoute(dataRoute.action, post(`/o/${s.org.id}/donnees?supprimer=${s.diag2024}`, { intent: "delete-diagnostic", diagnosticId: s.diag2024, confirmation: typed }, s.owner.cookie), { orgId: s.org.id });
    expect(res.status).toBe(400);
    const errors = JSON.stringify(res.data.result.error);
    expect(errors).toMatch(typed === "" ? /Saisissez l'année du diagnostic/ : new RegExp(MESSAGES.yearMismatch(2024)));
    expect(await counts(s.diag2024)).toEqual({ diagnostics: 1, answers: 2, staff: 1, plans: 1, actions: 2, comments: 1, payCategories: 1 });
  });

  it("refuses a diagnostic of another structure as gone", async () => {
    const other = await seedStructure();
    const res = await callRoute(dataRoute.action, post(`/o/${s.org.id}/donnees`, { intent: "delete-diagnostic", diagnosticId: other.diag2024, confirmation: "2024" }, s.owner.cookie), { orgId: s.org.id });
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.data.result.error)).toContain(MESSAGES.diagnosticGone);
    expect((await counts(other.diag2024)).diagnostics).toBe(1);
  });

  it("deletes it with its answers, staff file, plan, actions and comments, keeps the other year, and leaves an audit entry without personal data", async () => {
    const res = await callRoute(dataRoute.action, post(`/o/${s.org.id}/donnees`, { intent: "delete-diagnostic", diagnosticId: s.diag2024, confirmation: " 2024 " }, s.owner.cookie), { orgId: s.org.id });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/o/${s.org.id}/donnees?supprime=2024`);
    expect(await counts(s.diag2024)).toEqual({ diagnostics: 0, answers: 0, staff: 0, plans: 0, actions: 0, comments: 0, payCategories: 0 });
    expect(await counts(s.diag2025)).toEqual({ diagnostics: 1, answers: 2, staff: 1, plans: 1, actions: 2, comments: 1, payCategories: 1 });
    const [entry] = await db
      .select({ actor: auditLog.actorUserId, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, s.org.id), eq(auditLog.action, "diagnostic.deleted")));
    expect(entry).toEqual({ actor: s.owner.id, details: { year: 2024, answers: 2, staffRows: 12, plans: 1, actions: 2, comments: 1 } });
    const page = await callRoute(dataRoute.loader, get(`/o/${s.org.id}/donnees?supprime=2024`, s.owner.cookie), { orgId: s.org.id });
    expect(page.data.deletedYear).toBe(2024);
    expect(page.data.diagnostics.map((d: { year: number }) => d.year)).toEqual([2025]);
  });
});

describe("deleting the whole structure", () => {
  let s: Awaited<ReturnType<typeof seedStructure>>;
  beforeAll(async () => {
    s = await seedStructure();
  });

  it("refuses another name with the French message and deletes nothing", async () => {
    const res = await callRoute(dataRoute.action, post(`/o/${s.org.id}/donnees`, { intent: "delete-structure", confirmation: "Jardins" }, s.owner.cookie), { orgId: s.org.id });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.data.result.error)).toContain(`Pour confirmer, saisissez le nom exact de la structure${NBSP}: «${NBSP}Jardins Zéphyr ${seq}${NBSP}».`);
    expect(await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, s.org.id))).toHaveLength(1);
  });

  it("deletes everything of it in one go, keeps the members' accounts and an audit entry without personal data", async () => {
    const name = `Jardins Zéphyr ${seq}`;
    const association = await makeOrg(db, s.advisor, "accompagnement", { name: `Autre association ${seq}` });
    await db.insert(auditLog).values([
      { id: `adv-client-${seq}`, organizationId: association.id, actorUserId: s.advisor.id, action: "client.created", details: { structureId: s.org.id, structureName: `Jardins Zéphyr ${seq}` } },
      { id: `adv-request-${seq}`, organizationId: association.id, actorUserId: s.advisor.id, action: "access_request.sent", details: { siret: s.siret, level: "read" } },
    ]);
    const before = await dump();
    for (const needle of [name, s.siret, `invitee${seq}@structure.fr`, `clic ${seq}`, `personnel-2024-${seq}.csv`, `Entretien et espaces verts ${seq}-2024`]) expect(before).toContain(needle);
    const res = await callRoute(dataRoute.action, post(`/o/${s.org.id}/donnees`, { intent: "delete-structure", confirmation: `  jardins zéphyr ${seq} ` }, s.owner.cookie), { orgId: s.org.id });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/espace");

    const after = await dump();
    for (const needle of [name, s.siret, `invitee${seq}@structure.fr`, `clic ${seq}`, `Commentaire sans risque ${seq}`, `personnel-2024-${seq}.csv`, `Entretien et espaces verts ${seq}-2025`, s.diag2024, s.diag2025])
      expect(after, needle).not.toContain(needle);
    expect(await db.select({ id: memberships.userId }).from(memberships).where(eq(memberships.organizationId, s.org.id))).toEqual([]);
    const advisorJournal = await db.select({ id: auditLog.id, details: auditLog.details }).from(auditLog).where(eq(auditLog.organizationId, association.id));
    expect(advisorJournal.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: `adv-client-${seq}`, details: { structureId: s.org.id } },
      { id: `adv-request-${seq}`, details: { level: "read" } },
    ]);
    expect(await db.select({ id: users.id }).from(users).where(sql`${users.id} in (${s.owner.id}, ${s.editor.id}, ${s.viewer.id})`)).toHaveLength(3);

    const entries = await db.select({ action: auditLog.action, actor: auditLog.actorUserId, details: auditLog.details }).from(auditLog).where(eq(auditLog.organizationId, s.org.id));
    expect(entries).toEqual([
      {
        action: "organization.deleted",
        actor: s.owner.id,
        details: { reason: "owner", members: 3, diagnostics: 2, answers: 4, staffRows: 24, plans: 2, grants: 1, comments: 2 },
      },
    ]);
    // The owner's next request to it is a 404: it no longer exists.
    expect((await callRoute(dataRoute.loader, get(`/o/${s.org.id}/donnees`, s.owner.cookie), { orgId: s.org.id })).status).toBe(404);
  });
});

describe("deleting one's account", () => {
  const del = (cookie: string, form: Record<string, string>) => callRoute(accountRoute.action, post("/compte", { intent: "delete-account", ...form }, cookie));

  it("refuses a wrong password and keeps the account", async () => {
    const s = await seedStructure();
    const res = await del(s.viewer.cookie, { deletePassword: "pas le bon mot de passe" });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.data.result.error)).toContain(MESSAGES.wrongPassword);
    expect(await db.select({ id: users.id }).from(users).where(eq(users.id, s.viewer.id))).toHaveLength(1);
  });

  it("refuses the only owner of a structure with other members, saying what to do, and the page says it beforehand", async () => {
    const s = await seedStructure();
    const page = await callRoute(accountRoute.loader, get("/compte", s.owner.cookie));
    expect(page.data.deletion.blocking).toEqual([{ id: s.org.id, name: `Jardins Zéphyr ${seq}` }]);
    const res = await del(s.owner.cookie, { deletePassword: TEST_PASSWORD });
    expect(res.status).toBe(400);
    const message = JSON.stringify(res.data.result.error);
    expect(message).toContain("Vous êtes la seule personne propriétaire de");
    expect(message).toContain("Nommez d'abord une autre personne propriétaire");
    expect(await db.select({ id: users.id }).from(users).where(eq(users.id, s.owner.id))).toHaveLength(1);
  });

  it("lets an owner go when another owner stays", async () => {
    const s = await seedStructure();
    await db.update(memberships).set({ role: "owner" }).where(and(eq(memberships.organizationId, s.org.id), eq(memberships.userId, s.editor.id)));
    const res = await del(s.owner.cookie, { deletePassword: TEST_PASSWORD });
    expect(res.status).toBe(302);
    expect(await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, s.org.id))).toHaveLength(1);
  });

  it("deletes an editor's account: sessions and memberships gone, « last edited by » null, audit entries anonymous, name and email nowhere", async () => {
    const s = await seedStructure();
    await db.insert(auditLog).values({ id: `audit-role-${seq}`, organizationId: s.org.id, actorUserId: s.owner.id, action: "member.role_changed", details: { userId: s.editor.id, role: "editor" } });
    await db.insert(auditLog).values({ id: `audit-by-${seq}`, organizationId: s.org.id, actorUserId: s.editor.id, action: "invitation.sent", details: { role: "viewer" } });
    const res = await del(s.editor.cookie, { deletePassword: TEST_PASSWORD });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/confidentialite?compte-supprime=1");
    expect(res.headers.get("Set-Cookie")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);

    expect(await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, s.editor.id))).toEqual([]);
    expect(await db.select({ id: memberships.userId }).from(memberships).where(eq(memberships.userId, s.editor.id))).toEqual([]);
    const [diag] = await db.select({ updatedBy: diagnostics.updatedBy }).from(diagnostics).where(eq(diagnostics.id, s.diag2024));
    expect(diag.updatedBy).toBeNull();
    const audit = await db.select({ id: auditLog.id, actor: auditLog.actorUserId, details: auditLog.details }).from(auditLog).where(sql`${auditLog.id} in (${`audit-role-${seq}`}, ${`audit-by-${seq}`})`);
    expect(audit.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: `audit-by-${seq}`, actor: null, details: { role: "viewer" } },
      { id: `audit-role-${seq}`, actor: s.owner.id, details: { role: "editor" } },
    ]);
    const after = await dump();
    for (const needle of [s.editor.id, `Éric Contributeur${seq}`, `eric${seq}@structure.fr`]) expect(after, needle).not.toContain(needle);
    // The structure and its data stay; its journal says an account left, without saying whose.
    expect(await db.select({ id: diagnostics.id }).from(diagnostics).where(eq(diagnostics.organizationId, s.org.id))).toHaveLength(2);
    const [left] = await db.select({ actor: auditLog.actorUserId, details: auditLog.details }).from(auditLog).where(and(eq(auditLog.organizationId, s.org.id), eq(auditLog.action, "member.account_deleted")));
    expect(left).toEqual({ actor: null, details: {} });
  });

  it("asks to confirm, then deletes with the account a structure of which the user is the only member", async () => {
    const solo = await makeUser(db, { name: "Solène Seule", email: "solene.seule@structure.fr" });
    const org = await makeOrg(db, solo, "structure", { name: "Atelier Solitaire" });
    const page = await callRoute(accountRoute.loader, get("/compte", solo.cookie));
    expect(page.data.deletion).toEqual({ blocking: [], deletedWithAccount: [{ id: org.id, name: "Atelier Solitaire" }], left: [] });

    const refused = await del(solo.cookie, { deletePassword: TEST_PASSWORD });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.data.result.error)).toContain(MESSAGES.confirmStructures);
    expect(await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, org.id))).toHaveLength(1);

    const res = await del(solo.cookie, { deletePassword: TEST_PASSWORD, confirmStructures: "on" });
    expect(res.status).toBe(302);
    expect(await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, org.id))).toEqual([]);
    const after = await dump();
    for (const needle of ["Solène Seule", "solene.seule@structure.fr", "Atelier Solitaire", solo.id]) expect(after, needle).not.toContain(needle);
    const [entry] = await db.select({ actor: auditLog.actorUserId, details: auditLog.details }).from(auditLog).where(eq(auditLog.organizationId, org.id));
    expect(entry).toEqual({ actor: null, details: expect.objectContaining({ reason: "account_deleted", members: 1 }) });
  });

  it("keeps the password form of « Mon compte » working beside it", async () => {
    const user = await makeUser(db);
    const res = await callRoute(accountRoute.action, post("/compte", { intent: "password", current: "mauvais mot de passe", password: "une autre phrase solide", confirm: "une autre phrase solide" }, user.cookie));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.data.result.error)).toContain("Le mot de passe actuel est incorrect.");
  });
});

// Last: the retention runs use instants years ahead, which expire every session of this file.
describe("retention command", () => {
  const run = async (...args: string[]) => {
    let out = "";
    let err = "";
    const code = await retentionCommand(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), readFile: async () => new Uint8Array() });
    return { code, out, err };
  };
  const line = (out: string, label: string) => out.split("\n").find((l) => l.includes(label)) ?? "";
  const exists = async (table: typeof sessions | typeof passwordResetTokens | typeof invitations | typeof signupRequests | typeof auditLog, id: string) =>
    (await db.select({ id: table.id }).from(table).where(eq(table.id, id))).length === 1;

  // 1 January 2028, noon UTC: audit entries before 1 January 2025 noon go; staff files of 2024 go from 1 January 2028 (Paris).
  const NOW = "2028-01-01T12:00:00Z";
  const DAY_BEFORE = "2027-12-31T12:00:00Z";
  let s: Awaited<ReturnType<typeof seedStructure>>;
  let user: Awaited<ReturnType<typeof makeUser>>;

  beforeAll(async () => {
    s = await seedStructure();
    user = await makeUser(db);
    const at = (iso: string, days: number) => new Date(new Date(iso).getTime() + days * 86_400_000);
    await db.insert(sessions).values([
      { id: "ret-session-old", secretHash: new Uint8Array(32), userId: user.id, expiresAt: at(NOW, -1) },
      { id: "ret-session-new", secretHash: new Uint8Array(32), userId: user.id, expiresAt: at(NOW, 1) },
    ]);
    await db.insert(passwordResetTokens).values([
      { id: "ret-reset-old", userId: user.id, tokenHash: new Uint8Array(32), expiresAt: at(NOW, -1) },
      { id: "ret-reset-new", userId: user.id, tokenHash: new Uint8Array(32), expiresAt: at(NOW, 1) },
    ]);
    await db.insert(invitations).values([
      { id: "ret-inv-old", organizationId: s.org.id, email: "a@exemple.fr", role: "viewer", tokenHash: new Uint8Array(32), invitedBy: null, expiresAt: at(NOW, -1) },
      { id: "ret-inv-new", organizationId: s.org.id, email: "b@exemple.fr", role: "viewer", tokenHash: new Uint8Array(32), invitedBy: null, expiresAt: at(NOW, 1) },
    ]);
    const request = (id: string, expiresAt: Date) => ({
      id,
      email: `${id}@exemple.fr`,
      name: "Demande en attente",
      passwordHash: "$argon2id$factice",
      structureName: "Structure en attente",
      siret: "73282932000074",
      structureType: "ACI",
      departement: "62",
      commune: "Arras",
      tokenHash: new Uint8Array(32),
      expiresAt,
    });
    await db.insert(signupRequests).values([request("ret-signup-old", at(NOW, -1)), request("ret-signup-new", at(NOW, 1))]);
    await db.insert(rateLimits).values([
      { key: "ret:old", windowStart: at(NOW, -1.01), count: 3 },
      { key: "ret:new", windowStart: at(NOW, -0.99), count: 3 },
    ]);
    await db.insert(auditLog).values([
      { id: "ret-audit-old", organizationId: s.org.id, actorUserId: null, action: "test", createdAt: new Date("2024-12-31T12:00:00Z") },
      { id: "ret-audit-new", organizationId: s.org.id, actorUserId: null, action: "test", createdAt: new Date("2025-01-02T12:00:00Z") },
    ]);
  });

  it("refuses a date it cannot read, in French", async () => {
    const res = await run("--now", "demain");
    expect(res.code).toBe(2);
    expect(res.err).toBe(`Date non valide pour --now${NBSP}: demain. Exemple${NBSP}: --now 2027-01-01T00:00:00Z.\n`);
  });

  it("counts without deleting on --dry-run", async () => {
    const res = await run("--dry-run", "--now", NOW);
    expect(res.code).toBe(0);
    expect(res.out).toContain("simulation");
    expect(line(res.out, "fichiers du personnel")).toMatch(/: [1-9]\d* à supprimer$/);
    expect(line(res.out, "demandes d'inscription non confirmées")).toMatch(/: [1-9]\d* à supprimer$/);
    expect(await exists(signupRequests, "ret-signup-old")).toBe(true);
    expect(await exists(sessions, "ret-session-old")).toBe(true);
    expect(await exists(auditLog, "ret-audit-old")).toBe(true);
    expect(await db.select({ d: staffFiles.diagnosticId }).from(staffFiles).where(eq(staffFiles.diagnosticId, s.diag2024))).toHaveLength(1);
  });

  it("on the day before the staff-file threshold keeps the 2024 staff file", async () => {
    const res = await run("--now", DAY_BEFORE);
    expect(res.code).toBe(0);
    expect(await db.select({ d: staffFiles.diagnosticId }).from(staffFiles).where(eq(staffFiles.diagnosticId, s.diag2024))).toHaveLength(1);
  });

  it("deletes what is past each threshold and keeps what is a day short of it, keeping the Index as aggregates", async () => {
    const res = await run("--now", NOW);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/^Conservation des données, au 1.janvier.2028/);
    for (const [id, table, kept] of [
      ["ret-session-old", sessions, false],
      ["ret-session-new", sessions, true],
      ["ret-reset-old", passwordResetTokens, false],
      ["ret-reset-new", passwordResetTokens, true],
      ["ret-inv-old", invitations, false],
      ["ret-inv-new", invitations, true],
      ["ret-signup-old", signupRequests, false],
      ["ret-signup-new", signupRequests, true],
      ["ret-audit-old", auditLog, false],
      ["ret-audit-new", auditLog, true],
    ] as const)
      expect(await exists(table, id), id).toBe(kept);
    const limits = await db.select({ key: rateLimits.key }).from(rateLimits).where(sql`${rateLimits.key} like 'ret:%'`);
    expect(limits).toEqual([{ key: "ret:new" }]);
    expect(await db.select({ d: staffFiles.diagnosticId }).from(staffFiles).where(eq(staffFiles.diagnosticId, s.diag2024))).toEqual([]);
    expect(await db.select({ d: staffFiles.diagnosticId }).from(staffFiles).where(eq(staffFiles.diagnosticId, s.diag2025))).toHaveLength(1);
    const [d2024] = await db.select({ source: diagnostics.indexSource, data: diagnostics.indexData }).from(diagnostics).where(eq(diagnostics.id, s.diag2024));
    expect(d2024.source).toBe("saisie");
    expect(d2024.data).toMatchObject({ sizeBand: expect.any(String), workforce: expect.any(Array) });
    expect(line(res.out, "Index conservés")).toMatch(/: [1-9]\d*$/);
    expect(line(res.out, "sessions de connexion expirées")).toMatch(new RegExp(`${NBSP}: [1-9]\\d* supprimé\\(s\\)$`));
  });

  it("is idempotent: a second run deletes nothing more", async () => {
    const res = await run("--now", NOW);
    expect(res.code).toBe(0);
    const counts = res.out.split("\n").slice(1).filter(Boolean);
    expect(counts).toHaveLength(7);
    for (const l of counts) expect(l).toMatch(new RegExp(`${NBSP}: 0 supprimé\\(s\\)$`));
  });
});
