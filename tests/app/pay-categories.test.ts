/** The category editor of the « Transparence salariale 2027 » tab: who reads and saves, prefill, validation, stale saves, and the figures that follow. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/db.ts";
import { staffRow } from "../helpers/staff-row.ts";
import { makeGrantedAdvisors, makeStructureTeam, type makeUser } from "../helpers/factories.ts";
import { callRoute, get, post } from "../helpers/routes.ts";
import type { Db } from "../../db/client.ts";
import { insertDiagnostic, replaceStaffFile, saveProfile } from "../../db/queries/diagnostics.ts";
import { payCategoryMaps } from "../../db/schema.ts";
import type { StaffRow } from "../../diagnostics/staff-file/index.ts";
import { CATEGORY_EDITOR_MESSAGES, applyCategoryMapping, computeTransparency, transparencyView } from "../../diagnostics/transparency/index.ts";
import * as editorRoute from "../../app/routes/diagnostic-pay-categories.tsx";
import * as listRoute from "../../app/routes/diagnostics-list.tsx";
import * as tabRoute from "../../app/routes/diagnostic-transparency.tsx";
import * as reportRoute from "../../app/routes/diagnostic-report-pdf.tsx";

const hasPdftotext = !spawnSync("pdftotext", ["-v"]).error;

let handle: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let team: Awaited<ReturnType<typeof makeStructureTeam>>;
let reader: Awaited<ReturnType<typeof makeUser>>;
let editorAdvisor: Awaited<ReturnType<typeof makeUser>>;
let diagId: string;
let noFileId: string;

const row = (sex: "F" | "H", job: string, pay: number, extra: Partial<StaffRow> = {}) => staffRow(sex, job, { annualGrossPay: pay, ...extra });

/** Sorting (4 + 4, category « Tri » in the file), driving (3 + 3, no category), supervising (2 + 2, « Encadrement »). */
const ROWS: StaffRow[] = [
  ...[17_000, 17_100, 17_200, 17_300].map((pay) => row("F", "Agente de tri", pay, { payCategory: "Tri" })),
  ...[18_000, 18_100, 18_200, 18_300].map((pay) => row("H", "Agent de tri", pay, { payCategory: "Tri" })),
  ...[19_000, 19_100, 19_200].map((pay) => row("F", "Chauffeuse", pay)),
  ...[19_000, 19_100, 19_200].map((pay) => row("H", "Chauffeur", pay)),
  ...[26_000, 26_500].map((pay) => row("F", "Encadrante technique", pay, { population: "permanent", payCategory: "Encadrement" })),
  ...[27_000, 27_500].map((pay) => row("H", "Encadrant technique", pay, { population: "permanent", payCategory: "Encadrement" })),
];
const TRI = "Agente de tri / Agent de tri";
const DRIVING = "Chauffeuse / Chauffeur";
const SUPERVISING = "Encadrante technique / Encadrant technique";
const ALL_CRITERIA = ["competences", "efforts", "responsabilites", "conditions"];

const url = (id: string) => `/o/${team.org.id}/d/${id}/resultats/transparence/categories`;
const load = (id: string, cookie: string) => callRoute(editorRoute.loader, get(url(id), cookie), { orgId: team.org.id, diagId: id });
const save = (id: string, form: Record<string, string | string[]>, cookie: string) =>
  callRoute(editorRoute.action, post(url(id), { intent: "save", ...form }, cookie), { orgId: team.org.id, diagId: id });

/** Two categories: « Production » (sorting and driving, criteria all ticked) and « Encadrement » (criteria partly ticked). */
const TWO_CATEGORIES = {
  "categories[0].key": "c1",
  "categories[0].name": "Production",
  "categories[0].criteria": ALL_CRITERIA,
  "categories[1].key": "c2",
  "categories[1].name": " Encadrement ",
  "categories[1].criteria": ["competences"],
  "jobs[0].job": TRI,
  "jobs[0].category": "c1",
  "jobs[1].job": DRIVING,
  "jobs[1].category": "c1",
  "jobs[2].job": SUPERVISING,
  "jobs[2].category": "c2",
};

const storedRows = () => db.select({ version: payCategoryMaps.version, mapping: payCategoryMaps.mapping }).from(payCategoryMaps).where(eq(payCategoryMaps.diagnosticId, diagId));

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  team = await makeStructureTeam(db);
  ({ reader, editorAdvisor } = await makeGrantedAdvisors(db, team));
  const profile = { structureType: "ACI", headcountBand: "moins_50", permanentWomen: 2, permanentMen: 2, parcoursWomen: 7, parcoursMen: 7, hasCse: false, hasDelegueSyndical: false, existingAgreement: "aucun" };
  ({ id: diagId } = await insertDiagnostic(db, team.org.id, 2026, team.owner.id));
  await saveProfile(db, team.org.id, diagId, 0, profile, team.owner.id);
  await replaceStaffFile(db, team.org.id, diagId, { fileName: "personnel.csv", rows: ROWS as never, jobs: [], expectedJobsVersion: 0 }, team.owner.id);
  ({ id: noFileId } = await insertDiagnostic(db, team.org.id, 2025, team.owner.id));
});
afterAll(async () => handle.dispose());

describe("category editor loader", () => {
  it("prefills from the file column, lists jobs with women and men, aggregates only", async () => {
    const res = await load(diagId, team.editor.cookie);
    expect(res.status).toBe(200);
    expect(res.data.state).toBe("calcule");
    const { editor } = res.data;
    expect(editor.version).toBe(0);
    expect(editor.prefill).toEqual({ fromFile: true, notes: [] });
    expect(editor.jobs.map((j: { label: string; women: number; men: number }) => [j.label, j.women, j.men])).toEqual([
      [TRI, 4, 4],
      [DRIVING, 3, 3],
      [SUPERVISING, 2, 2],
    ]);
    expect(editor.values).toEqual({
      categories: [
        { key: "c1", name: "Tri", criteria: [] },
        { key: "c2", name: "Encadrement", criteria: [] },
      ],
      jobs: [
        { job: TRI, category: "c1" },
        { job: DRIVING, category: "" },
        { job: SUPERVISING, category: "c2" },
      ],
    });
    expect(editor.status.unconfirmed).toEqual(["Tri", "Encadrement"]);
    expect(editor.status.categories.map((c: { name: string; publishable: boolean }) => [c.name, c.publishable])).toEqual([
      ["Tri", true],
      ["Encadrement", false],
    ]);
    const text = JSON.stringify(res.data);
    for (const key of ["annualGrossPay", "payCategory", "\"sex\"", "17000"]) expect(text).not.toContain(key);
  });

  it("gives an advisor with a read grant nothing from the staff file; an edit grant and a viewer read the jobs", async () => {
    const read = await load(diagId, reader.cookie);
    expect(read.status).toBe(200);
    expect(read.data).toMatchObject({ state: "masque", editor: null });
    expect(JSON.stringify(read.data)).not.toContain("tri");
    expect((await load(diagId, editorAdvisor.cookie)).data.state).toBe("calcule");
    const viewer = await load(diagId, team.viewer.cookie);
    expect(viewer.data).toMatchObject({ state: "calcule", canEdit: false });
  });

  it("says what to import without a staff file; 404 for another structure", async () => {
    expect((await load(noFileId, team.owner.cookie)).data).toMatchObject({ state: "sans_fichier", editor: null });
    expect((await load(diagId, team.outsider.cookie)).status).toBe(404);
  });
});

describe("category editor action", () => {
  it("refuses viewers and read-only advisors, stores nothing", async () => {
    expect((await save(diagId, { ...TWO_CATEGORIES, version: "0" }, team.viewer.cookie)).status).toBe(403);
    expect([403, 404]).toContain((await save(diagId, { ...TWO_CATEGORIES, version: "0" }, reader.cookie)).status);
    expect((await save(diagId, { ...TWO_CATEGORIES, version: "0" }, team.outsider.cookie)).status).toBe(404);
    expect(await storedRows()).toEqual([]);
  });

  it("answers bad input with French messages beside each field, stores nothing", async () => {
    const res = await save(
      diagId,
      {
        version: "0",
        "categories[0].key": "c1",
        "categories[0].name": "Production",
        "categories[1].key": "c2",
        "categories[1].name": "PRODUCTION",
        "categories[2].key": "c3",
        "categories[2].name": "",
        "jobs[0].job": TRI,
        "jobs[0].category": "c9",
        "jobs[1].job": "Soudeur",
        "jobs[1].category": "c1",
      },
      team.owner.cookie,
    );
    expect(res.status).toBe(400);
    expect(res.data.result.error).toEqual({
      "categories[1].name": [CATEGORY_EDITOR_MESSAGES.nameDuplicate("Production")],
      "categories[2].name": [CATEGORY_EDITOR_MESSAGES.nameEmpty],
      "jobs[0].category": [CATEGORY_EDITOR_MESSAGES.categoryUnknown(TRI)],
      "jobs[1].category": [CATEGORY_EDITOR_MESSAGES.jobUnknown("Soudeur")],
    });
    expect(await storedRows()).toEqual([]);
  });

  it("adds a category without JavaScript (Conform's list intent): the form comes back, nothing stored", async () => {
    const res = await callRoute(
      editorRoute.action,
      post(url(diagId), { ...TWO_CATEGORIES, version: "0", __intent__: JSON.stringify({ type: "insert", payload: { name: "categories", defaultValue: { key: "c3", name: "" } } }) }, team.owner.cookie),
      { orgId: team.org.id, diagId },
    );
    expect(res.status).toBe(200);
    expect(res.data.result.initialValue.categories).toHaveLength(3);
    expect(await storedRows()).toEqual([]);
  });

  it("removes a category without JavaScript: the form comes back without it, its jobs offered « Non classé », nothing stored", async () => {
    const res = await callRoute(
      editorRoute.action,
      post(url(diagId), { ...TWO_CATEGORIES, version: "0", __intent__: JSON.stringify({ type: "remove", payload: { name: "categories", index: 1 } }) }, team.owner.cookie),
      { orgId: team.org.id, diagId },
    );
    expect(res.status).toBe(200);
    expect(res.data.result.initialValue.categories).toEqual([{ key: "c1", name: "Production", criteria: ALL_CRITERIA }]);
    expect(await storedRows()).toEqual([]);
    // Saved as it comes back, the supervisors' job points to a category that no longer exists: refused beside the job.
    const { "categories[1].key": _k, "categories[1].name": _n, "categories[1].criteria": _c, ...withoutSecond } = TWO_CATEGORIES;
    const saved = await save(diagId, { ...withoutSecond, version: "0" }, team.owner.cookie);
    expect(saved.status).toBe(400);
    expect(saved.data.result.error).toEqual({ "jobs[2].category": [CATEGORY_EDITOR_MESSAGES.categoryUnknown(SUPERVISING)] });
  });

  it("refuses a save without a staff file in French", async () => {
    const res = await save(noFileId, { ...TWO_CATEGORIES, version: "0" }, team.owner.cookie);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.data)).toContain("importez-le d'abord");
  });

  it("saves for an editor, then the tab, the editor and the report use the saved categories", async () => {
    const res = await save(diagId, { ...TWO_CATEGORIES, version: "0" }, team.editor.cookie);
    expect(res.status).toBe(302);
    expect(res.location).toMatch(/\/resultats\/transparence\/categories\?enregistre=/);
    const stored = await storedRows();
    expect(stored).toEqual([
      {
        version: 1,
        mapping: {
          categories: [
            { key: "c1", name: "Production", criteria: ALL_CRITERIA },
            { key: "c2", name: "Encadrement", criteria: ["competences"] },
          ],
          assignments: [
            { job: TRI, category: "c1" },
            { job: DRIVING, category: "c1" },
            { job: SUPERVISING, category: "c2" },
          ],
        },
      },
    ]);

    const page = await load(diagId, team.owner.cookie);
    expect(page.data.editor).toMatchObject({ version: 1, prefill: null, savedBy: { name: team.editor.name } });
    expect(page.data.editor.status.unconfirmed).toEqual(["Encadrement"]);
    expect(page.data.editor.status.categories[0]).toMatchObject({ name: "Production", women: 7, men: 7, publishable: true, confirmed: true });

    const tab = await callRoute(tabRoute.loader, get(`/o/${team.org.id}/d/${diagId}/resultats/transparence`, team.owner.cookie), { orgId: team.org.id, diagId });
    const expected = transparencyView(computeTransparency(applyCategoryMapping(ROWS, stored[0].mapping as never, { structureType: "ACI" }), { structureType: "ACI" }), {
      categoriesFrom: "editeur",
    });
    expect(tab.data.view).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(tab.data.view.categories.map((c: { label: string }) => c.label)).toEqual(["Production", "Encadrement"]);
    expect(tab.data.view.notes).toContain("Les catégories sont celles que vous avez définies dans l'éditeur de catégories.");
  });

  it("refuses a stale save with 409, who saved and their categories, and keeps what is stored", async () => {
    const before = await storedRows();
    const res = await save(diagId, { ...TWO_CATEGORIES, "categories[0].name": "Autre nom", version: "0" }, team.owner.cookie);
    expect(res.status).toBe(409);
    expect(res.data.conflict).toMatchObject({ version: 1, updatedByName: team.editor.name, categories: ["Production", "Encadrement"] });
    expect(await storedRows()).toEqual(before);
    // Saving again on the version the conflict gave replaces theirs.
    const again = await save(diagId, { ...TWO_CATEGORIES, "categories[0].name": "Autre nom", version: "1" }, team.owner.cookie);
    expect(again.status).toBe(302);
    expect((await storedRows())[0].version).toBe(2);
  });

  it("lets one of two simultaneous saves of the same version through, and refuses the other", async () => {
    const results = await Promise.all([
      save(diagId, { ...TWO_CATEGORIES, "categories[0].name": "Première", version: "2" }, team.owner.cookie),
      save(diagId, { ...TWO_CATEGORIES, "categories[0].name": "Seconde", version: "2" }, team.editor.cookie),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    expect((await storedRows())[0].version).toBe(3);
  });

  it("carries the categories into next year's diagnostic started from this one; read against that year's staff file", async () => {
    const res = await callRoute(listRoute.action, post(`/o/${team.org.id}/diagnostics`, { year: "2027", copyPrevious: "on" }, team.owner.cookie), { orgId: team.org.id });
    expect(res.status).toBe(302);
    const nextId = res.location!.split("/d/")[1].split("/")[0];
    const [stored] = await storedRows();
    const [copied] = await db.select({ version: payCategoryMaps.version, mapping: payCategoryMaps.mapping }).from(payCategoryMaps).where(eq(payCategoryMaps.diagnosticId, nextId));
    expect(copied).toEqual({ version: 1, mapping: stored.mapping });
    // Next year's file no longer has the drivers: their assignment is dropped and named, the rest is kept.
    const nextRows = ROWS.filter((r) => !r.job.startsWith("Chauff"));
    await replaceStaffFile(db, team.org.id, nextId, { fileName: "personnel-2027.csv", rows: nextRows as never, jobs: [], expectedJobsVersion: 0 }, team.owner.id);
    const { editor } = (await load(nextId, team.owner.cookie)).data;
    expect(editor.version).toBe(1);
    expect(editor.values.jobs).toEqual([
      { job: TRI, category: "c1" },
      { job: SUPERVISING, category: "c2" },
    ]);
    expect(JSON.stringify(editor)).toContain(DRIVING);
    // Without « reprendre », a new year starts without categories.
    const fresh = await callRoute(listRoute.action, post(`/o/${team.org.id}/diagnostics`, { year: "2024" }, team.owner.cookie), { orgId: team.org.id });
    const freshId = fresh.location!.split("/d/")[1].split("/")[0];
    expect(await db.select().from(payCategoryMaps).where(eq(payCategoryMaps.diagnosticId, freshId))).toEqual([]);
  });

  it.skipIf(!hasPdftotext)("puts the saved categories in the report PDF", async () => {
    const res = (await reportRoute.loader({ request: get(`/o/${team.org.id}/d/${diagId}/rapport.pdf?brouillon=1`, team.owner.cookie), params: { orgId: team.org.id, diagId }, context: {} } as never)) as Response;
    expect(res.status).toBe(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boussole-categories-pdf-")), "rapport.pdf");
    fs.writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
    const text = spawnSync("pdftotext", ["-enc", "UTF-8", "-raw", file, "-"], { encoding: "utf8" }).stdout;
    const [{ mapping }] = await storedRows();
    const first = (mapping as { categories: { name: string }[] }).categories[0].name;
    expect(text).toContain(first);
    expect(text).not.toContain("Tri ");
  });
});
