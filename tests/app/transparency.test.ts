/** The « Transparence salariale 2027 » tab: who sees what, aggregates only, and the engine's figures. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/db.ts";
import { staffRow } from "../helpers/staff-row.ts";
import { makeGrantedAdvisors, makeStructureTeam, type makeUser } from "../helpers/factories.ts";
import { callRoute, get } from "../helpers/routes.ts";
import type { Db } from "../../db/client.ts";
import { insertDiagnostic, replaceStaffFile, saveProfile } from "../../db/queries/diagnostics.ts";
import type { StaffRow } from "../../diagnostics/staff-file/index.ts";
import { computeTransparency, transparencyView } from "../../diagnostics/transparency/index.ts";
import * as transparency from "../../app/routes/diagnostic-transparency.tsx";
import * as reportRoute from "../../app/routes/diagnostic-report-pdf.tsx";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const hasPdftotext = !spawnSync("pdftotext", ["-v"]).error;

/** The draft report of a diagnostic as `cookie` downloads it, as text (whitespace runs made single spaces). */
async function reportText(diagId: string, cookie: string): Promise<string> {
  const res = (await reportRoute.loader({
    request: get(`/o/${team.org.id}/d/${diagId}/rapport.pdf?brouillon=1`, cookie),
    params: { orgId: team.org.id, diagId },
    context: {},
  } as never)) as Response;
  expect(res.status).toBe(200);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "boussole-transparence-pdf-")), "rapport.pdf");
  fs.writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
  const out = spawnSync("pdftotext", ["-enc", "UTF-8", "-raw", file, "-"], { encoding: "utf8" });
  return out.stdout.replace(/[\s\u00a0\u202f]+/g, " ");
}

let handle: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let team: Awaited<ReturnType<typeof makeStructureTeam>>;
let reader: Awaited<ReturnType<typeof makeUser>>;
let editorAdvisor: Awaited<ReturnType<typeof makeUser>>;
let withFile: string;
let withOldFile: string;
let withoutFile: string;

const PROFILE = {
  structureType: "ACI",
  headcountBand: "moins_50",
  permanentWomen: 2,
  permanentMen: 2,
  parcoursWomen: 6,
  parcoursMen: 6,
  hasCse: false,
  hasDelegueSyndical: false,
  existingAgreement: "aucun",
} as const;

function row(sex: "F" | "H", pay: number, extra: Partial<StaffRow> = {}): StaffRow {
  return staffRow(sex, sex === "F" ? "Agente de tri" : "Agent de tri", { timeShare: 0.8, annualGrossPay: pay, ...extra });
}

/** 4 women and 4 men sorting waste (women 17 000–17 300 €, men 18 000–18 300 €), 2 and 2 supervising. */
const ROWS: StaffRow[] = [
  ...[17_000, 17_100, 17_200, 17_300].map((pay) => row("F", pay, { basePay: pay - 500, weeklyHours: 28, payCategory: "Tri" })),
  ...[18_000, 18_100, 18_200, 18_300].map((pay) => row("H", pay, { basePay: pay, weeklyHours: 28, payCategory: "Tri" })),
  ...[26_000, 26_500].map((pay) => row("F", pay, { population: "permanent", timeShare: 1, basePay: pay, weeklyHours: 35, payCategory: "Encadrement" })),
  ...[27_000, 27_500].map((pay) => row("H", pay, { population: "permanent", timeShare: 1, basePay: pay, weeklyHours: 35, payCategory: "Encadrement" })),
];

async function diagnosticWith(year: number, rows: StaffRow[] | null) {
  const { id } = await insertDiagnostic(db, team.org.id, year, team.owner.id);
  await saveProfile(db, team.org.id, id, 0, PROFILE, team.owner.id);
  if (rows) await replaceStaffFile(db, team.org.id, id, { fileName: "personnel.csv", rows: rows as never, jobs: [], expectedJobsVersion: 0 }, team.owner.id);
  return id;
}

const load = (diagId: string, cookie: string) =>
  callRoute(transparency.loader, get(`/o/${team.org.id}/d/${diagId}/resultats/transparence`, cookie), { orgId: team.org.id, diagId });

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  team = await makeStructureTeam(db);
  ({ reader, editorAdvisor } = await makeGrantedAdvisors(db, team));
  withFile = await diagnosticWith(2026, ROWS);
  // Rows stored before the pay-transparency columns existed.
  withOldFile = await diagnosticWith(2025, ROWS.map(({ basePay: _b, weeklyHours: _w, payCategory: _c, ...old }) => old));
  withoutFile = await diagnosticWith(2024, null);
});
afterAll(async () => handle.dispose());

describe("transparency tab loader", () => {
  it("gives members the engine's view of the stored staff file, aggregates only", async () => {
    for (const user of [team.owner, team.editor, team.viewer]) {
      const res = await load(withFile, user.cookie);
      expect(res.status).toBe(200);
      expect(res.data.state).toBe("calcule");
      expect(res.data.view).toEqual(JSON.parse(JSON.stringify(transparencyView(computeTransparency(ROWS, { structureType: "ACI" })))));
    }
    const res = await load(withFile, team.owner.cookie);
    const text = JSON.stringify(res.data);
    for (const key of ["annualGrossPay", "basePay", "payCategory", "\"sex\""]) expect(text).not.toContain(key);
    // Categories with 2 women and 2 men are reported too small, their gap not shown.
    const encadrement = res.data.view.categories.find((c: { label: string }) => c.label === "Encadrement");
    expect(encadrement).toMatchObject({ publishable: false, status: "trop petite pour être publiée" });
    expect(encadrement.hourlyTotal.value).toBeNull();
    expect(encadrement.hourlyTotal.women).toBeNull();
    const tri = res.data.view.categories.find((c: { label: string }) => c.label === "Tri");
    expect(tri.flagged).toBe(true);
  });

  it("works on rows stored before the pay columns: CSP categories, hours from the time share, no split", async () => {
    const res = await load(withOldFile, team.owner.cookie);
    expect(res.data.state).toBe("calcule");
    expect(res.data.view.variableShares.display).toBe("non disponible (salaire de base et rémunération variable non fournis)");
    expect(res.data.view.categories.map((c: { label: string }) => c.label)).toEqual(["Ouvriers"]);
  });

  it("explains what to import when there is no staff file", async () => {
    const res = await load(withoutFile, team.owner.cookie);
    expect(res.data).toMatchObject({ state: "sans_fichier", view: null });
  });

  it("gives an advisor with a read grant nothing from the staff file; an edit grant sees the aggregates", async () => {
    const read = await load(withFile, reader.cookie);
    expect(read.status).toBe(200);
    expect(read.data).toMatchObject({ state: "masque", view: null });
    const edit = await load(withFile, editorAdvisor.cookie);
    expect(edit.data.state).toBe("calcule");
  });

  it("answers 404 to a user of another structure and to a visitor", async () => {
    expect((await load(withFile, team.outsider.cookie)).status).toBe(404);
    expect((await load(withFile, "")).status).not.toBe(200);
  });

  it.skipIf(!hasPdftotext)("puts the same figures in the report PDF for members, and none for a read grant", async () => {
    const view = transparencyView(computeTransparency(ROWS, { structureType: "ACI" }));
    const owner = await reportText(withFile, team.owner.cookie);
    expect(owner).toContain("Transparence salariale 2027 (directive européenne 2023/970)");
    expect(owner).toContain(view.headline.replace(/[\u00a0\u202f]/g, " "));
    const read = await reportText(withFile, reader.cookie);
    expect(read).not.toContain("Transparence salariale 2027");
    const none = await reportText(withoutFile, team.owner.cookie);
    expect(none).toContain("Indicateurs non calculés");
  });
});
