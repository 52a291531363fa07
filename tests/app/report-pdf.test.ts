import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/db.ts";
import { makeOrg, makeUser } from "../helpers/factories.ts";
import { callRoute, get } from "../helpers/routes.ts";
import {
  FIXTURE_JOBS,
  FIXTURE_PROFILE_STORED,
  FIXTURE_STRUCTURE,
  fixtureAnswers,
  fixtureIndexInput,
  fixturePlan,
  fixtureStaffRows,
} from "../helpers/report-fixture.ts";
import type { Db } from "../../db/client.ts";
import { insertDiagnostic, replaceStaffFile, saveAnswer, saveIndexStep, saveJobs, saveProfile } from "../../db/queries/diagnostics.ts";
import { insertPlan } from "../../db/queries/plans.ts";
import { checkPlan, type Plan } from "../../diagnostics/plan/index.ts";
import { reportFileName, slugify } from "../../diagnostics/report.ts";
import type { ReadyResults, Results } from "../../diagnostics/results.ts";
import { tenderSheetFileName } from "../../diagnostics/tender-sheet.ts";
import * as resultsRoute from "../../app/routes/diagnostic-results.tsx";
import * as reportRoute from "../../app/routes/diagnostic-report-pdf.tsx";
import * as tenderRoute from "../../app/routes/diagnostic-tender-pdf.tsx";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

/** pdftotext (poppler-utils) extracts the text; without it the text checks are skipped, with a notice. */
const hasPdftotext = !spawnSync("pdftotext", ["-v"]).error;
if (!hasPdftotext) console.warn("⚠ pdftotext absent (apt-get install poppler-utils) : les vérifications du texte des PDF sont ignorées.");

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "boussole-pdf-"));

/** The text of a PDF in content order, whitespace runs made single spaces (no-break spaces kept). */
function pdfText(bytes: Uint8Array, name: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  const out = spawnSync("pdftotext", ["-enc", "UTF-8", "-raw", file, "-"], { encoding: "utf8" });
  if (out.status !== 0) throw new Error(`pdftotext: ${out.stderr}`);
  return normalize(out.stdout);
}

function normalize(text: string): string {
  return text.replace(/[ \t\r\n\f]+/g, " ").trim();
}

let handle: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let owner: Awaited<ReturnType<typeof makeUser>>;
let viewer: Awaited<ReturnType<typeof makeUser>>;
let outsider: Awaited<ReturnType<typeof makeUser>>;
let org: { id: string };

let finalId: string;
let incompleteId: string;
let noPlanId: string;

/** A plan stored as the plan editor stores it: the action fields without their id. */
function stored(plan: Plan) {
  return { kind: plan.kind, periodStart: plan.periodStart, periodEnd: plan.periodEnd, actions: plan.actions.map(({ id: _id, ...data }) => data) };
}

async function diagnostic(year: number, opts: { staff?: boolean; plan?: Plan; jobs?: Record<string, unknown>[] } = {}) {
  const { id } = await insertDiagnostic(db, org.id, year, owner.id);
  await saveProfile(db, org.id, id, 0, { ...FIXTURE_PROFILE_STORED }, owner.id);
  const jobs = opts.jobs ?? FIXTURE_JOBS.map((j) => ({ ...j }));
  if (opts.staff) {
    const saved = await db.transaction((tx) =>
      replaceStaffFile(tx, org.id, id, { fileName: "personnel.csv", rows: fixtureStaffRows() as never, jobs, expectedJobsVersion: 0 }, owner.id),
    );
    expect(saved?.ok).toBe(true);
  } else await saveJobs(db, org.id, id, 0, jobs, owner.id);
  for (const [questionId, value] of Object.entries(fixtureAnswers())) await saveAnswer(db, org.id, id, questionId, 0, value as never, owner.id);
  await saveIndexStep(db, org.id, id, 0, { source: "saisie", data: fixtureIndexInput() as never, skipReason: null }, owner.id);
  if (opts.plan) await db.transaction((tx) => insertPlan(tx, org.id, id, stored(opts.plan!), owner.id));
  return id;
}

const params = (diagId: string) => ({ orgId: org.id, diagId });
const reportPath = (diagId: string, draft = false) => `/o/${org.id}/d/${diagId}/rapport.pdf${draft ? "?brouillon=1" : ""}`;
const tenderPath = (diagId: string) => `/o/${org.id}/d/${diagId}/fiche-marche-public.pdf`;

/** Calls a resource route's loader and returns its Response (thrown or returned). */
async function download(loader: (args: never) => Promise<Response>, url: string, diagId: string, cookie = owner.cookie): Promise<Response> {
  try {
    return await loader({ request: get(url, cookie), params: params(diagId), context: {} } as never);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function pdf(res: Response): Promise<Uint8Array> {
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toBe("application/pdf");
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
  return bytes;
}

async function resultsOf(diagId: string): Promise<ReadyResults> {
  const res = await callRoute<{ results: Results }>(resultsRoute.loader, get(`/o/${org.id}/d/${diagId}/resultats`, owner.cookie), params(diagId));
  if (res.data.results.status !== "ready") throw new Error("expected ready results");
  return res.data.results;
}

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  owner = await makeUser(db, { name: "Nadia Benali" });
  viewer = await makeUser(db, { name: "Martine Lefebvre" });
  outsider = await makeUser(db, { name: "Autre structure" });
  org = await makeOrg(db, owner, "structure", { name: FIXTURE_STRUCTURE.name, departement: "59" }, [{ id: viewer.id, role: "viewer" }]);
  await makeOrg(db, outsider, "structure", { name: "Une autre ACI" });

  const incomplete = fixturePlan();
  incomplete.actions[0] = { ...incomplete.actions[0], owner: "" };
  incomplete.actions[4] = { ...incomplete.actions[4], indicator: { ...incomplete.actions[4].indicator, target: null } };
  await diagnostic(2025, { jobs: FIXTURE_JOBS.map((j) => ({ ...j, women: Math.max(0, j.women - 1) })) });
  finalId = await diagnostic(2026, { staff: true, plan: fixturePlan() });
  incompleteId = await diagnostic(2027, { plan: incomplete });
  noPlanId = await diagnostic(2028);
}, 120_000);
afterAll(async () => {
  await handle.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("the diagnostic report", () => {
  it("downloads the final PDF with its file name", async () => {
    const res = await download(reportRoute.loader, reportPath(finalId), finalId);
    await pdf(res);
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="${reportFileName(FIXTURE_STRUCTURE.name, 2026, false)}"`);
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="diagnostic-egalite-${slugify(FIXTURE_STRUCTURE.name)}-2026.pdf"`);
    expect(res.headers.get("Cache-Control")).toContain("no-store");
  });

  it.skipIf(!hasPdftotext)("shows the results page's figures and headings, French characters intact", async () => {
    const text = pdfText(await pdf(await download(reportRoute.loader, reportPath(finalId), finalId)), "final.pdf");
    const results = await resultsOf(finalId);
    expect(text).toContain("Diagnostic égalité professionnelle 2026");
    expect(text).toContain(normalize(FIXTURE_STRUCTURE.name));
    expect(text).toContain(normalize(results.headline));
    for (const figure of results.keyFigures) {
      expect(text).toContain(normalize(figure.label));
      expect(text).toContain(normalize(figure.display));
      if (figure.detail) expect(text).toContain(normalize(figure.detail));
      expect(text).toContain(normalize(figure.meaning));
    }
    for (const group of results.mixity.groups) {
      for (const row of group.rows) expect(text).toContain(`${normalize(row.countsDisplay)} ${row.womenDisplay}`);
    }
    expect(text).toContain(normalize(results.index.display));
    for (const heading of [
      "Les chiffres clés",
      "Ce que disent vos chiffres",
      "La mixité de chaque métier",
      "Les neuf domaines",
      "Index de l'égalité professionnelle",
      "Le plan d'action",
      "Qui peut vous accompagner",
      "L'évolution depuis 2025",
      "Ce que dit la loi",
      "Glossaire",
    ]) {
      expect(text).toContain(heading);
    }
    // « é è ê à ç œ « » ’ € ≥ » and no-break spaces, from the structure's name, the plan and the engine's sentences.
    for (const s of ["é", "è", "ê", "à", "ç", "œ", "Œ", "«", "»", "’", "€", "≥", NBSP, NNBSP]) expect(text).toContain(s);
    expect(text).toContain(`≥ 30${NBSP}% de femmes parmi les candidatures`);
    expect(text).toContain(`1${NNBSP}200${NBSP}€`);
    expect(text).toContain("main-d’œuvre");
    expect(text).not.toContain("BROUILLON");
    const pages = Number(/Page 1 sur (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(3);
    for (let n = 1; n <= pages; n++) expect(text).toContain(`Page ${n} sur ${pages}`);
  });

  it.skipIf(!hasPdftotext)("draws the pay-transparency charts, each before its table, as tagged figures", async () => {
    const bytes = await pdf(await download(reportRoute.loader, reportPath(finalId), finalId));
    const text = pdfText(bytes, "final-charts.pdf");
    const section = text.slice(text.indexOf("Transparence salariale 2027 (directive européenne 2023/970)"));
    const order = [
      "Part des femmes et des hommes par quart de salaire horaire",
      "Femmes Hommes",
      "Femmes et hommes dans chaque quart de salaire horaire",
      `Écart moyen de salaire horaire par catégorie, face au seuil de 5${NBSP}%`,
      `Rémunération totale seuil de 5${NBSP}%`,
      `au détriment des femmes${NBSP}→`,
      "Écart moyen de rémunération par catégorie d'emplois",
    ].map((s) => section.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Two mixity charts (permanent staff, people in pathways) and the two pay-transparency charts.
    expect(Buffer.from(bytes).toString("latin1").match(/\/S \/Figure\b/g)?.length).toBe(4);
  });

  it.skipIf(!hasPdftotext)("marks every page of the draft « BROUILLON », even with blocking points", async () => {
    const res = await download(reportRoute.loader, reportPath(incompleteId, true), incompleteId);
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="${reportFileName(FIXTURE_STRUCTURE.name, 2027, true)}"`);
    const text = pdfText(await pdf(res), "draft.pdf");
    const pages = Number(/Page 1 sur (\d+)/.exec(text)?.[1]);
    expect(text.match(/BROUILLON/g)?.length).toBe(pages);
    expect(text).toContain(`À compléter${NBSP}: 2${NBSP}points bloquants`);
    expect(text).toContain(normalize(`L'action «${NBSP}Demander des candidatures mixtes aux prescripteurs${NBSP}» n'a pas de responsable.`));
  });

  it("refuses the final export while the plan has blocking points (409), with links to the plan and the draft", async () => {
    const res = await download(reportRoute.loader, reportPath(incompleteId), incompleteId);
    expect(res.status).toBe(409);
    expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    const html = await res.text();
    const plan = fixturePlan();
    plan.actions[0] = { ...plan.actions[0], owner: "" };
    plan.actions[4] = { ...plan.actions[4], indicator: { ...plan.actions[4].indicator, target: null } };
    const errors = checkPlan(plan, { ...FIXTURE_PROFILE_STORED, departement: "59" }).errors;
    expect(errors).toHaveLength(2);
    for (const e of errors) expect(html).toContain(e.message.replace(/'/g, "&#39;"));
    expect(html).toContain(`href="/o/${org.id}/d/${incompleteId}/plan"`);
    expect(html).toContain(`href="/o/${org.id}/d/${incompleteId}/rapport.pdf?brouillon=1"`);
    expect(html).toContain('<html lang="fr">');
  });

  it("refuses the final export without plan (409), and gives the draft", async () => {
    const refused = await download(reportRoute.loader, reportPath(noPlanId), noPlanId);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Aucun plan d&#39;action n&#39;est encore saisi");
    await pdf(await download(reportRoute.loader, reportPath(noPlanId, true), noPlanId));
  });

  it("lets a viewer download it", async () => {
    await pdf(await download(reportRoute.loader, reportPath(finalId), finalId, viewer.cookie));
  });

  it("answers 404 to a member of another structure, and says nothing about it", async () => {
    for (const [loader, url] of [
      [reportRoute.loader, reportPath(finalId)],
      [reportRoute.loader, reportPath(finalId, true)],
      [tenderRoute.loader, tenderPath(finalId)],
    ] as const) {
      const res = await download(loader, url, finalId, outsider.cookie);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("Jardins");
    }
  });

  it("sends a signed-out visitor to the sign-in page", async () => {
    const res = await download(reportRoute.loader, reportPath(finalId), finalId, "");
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toContain("/connexion");
  });
});

describe("the tender sheet", () => {
  it.skipIf(!hasPdftotext)("shows the women's share per job in persons and hours, the trend, commitments and status", async () => {
    const res = await download(tenderRoute.loader, tenderPath(finalId), finalId);
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="${tenderSheetFileName(FIXTURE_STRUCTURE.name, 2026)}"`);
    const text = pdfText(await pdf(res), "tender.pdf");
    for (const heading of [
      "Fiche égalité pour répondre à un marché public",
      "En bref",
      "Les salariés en parcours d'insertion, par métier",
      "L'évolution sur les dernières années",
      "Engagements chiffrés et datés",
      "Actions sur les freins périphériques",
      "Index et plan d'action",
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain("Part de femmes dans les heures de travail");
    expect(text).toContain("Heures des femmes");
    expect(text).toContain("151,67");
    for (const job of FIXTURE_JOBS.filter((j) => j.population === "parcours")) expect(text).toContain(job.label.split(" ")[0]);
    expect(text).toMatch(/2026 18 \(9 et 9\) 50\u00a0%/);
    expect(text).toMatch(/2025 14 \(5 et 9\)/);
    expect(text).toContain(`≥ 30${NBSP}% de femmes`);
    expect(text).not.toContain("BROUILLON");
  });

  it.skipIf(!hasPdftotext)("works without a plan and says so", async () => {
    const text = pdfText(await pdf(await download(tenderRoute.loader, tenderPath(noPlanId), noPlanId)), "tender-no-plan.pdf");
    expect(text).toContain("Pas de plan d'action saisi dans Boussole Égalité pour cette année");
    // No staff file that year: the ETP of the jobs table, said so.
    expect(text).toContain("Part de femmes dans les équivalents temps plein");
  });
});
