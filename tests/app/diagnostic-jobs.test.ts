import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/db.ts";
import { makeStructureTeam, makeUser } from "../helpers/factories.ts";
import { callRoute, get, post } from "../helpers/routes.ts";
import type { Db } from "../../db/client.ts";
import { findDiagnostic, findStaffRows, insertDiagnostic, saveJobs, saveProfile } from "../../db/queries/diagnostics.ts";
import { STAFF_FILE_MAX_BYTES, jobsFromStaffRows, parseStaffCsvText, type StaffRow } from "../../diagnostics/staff-file/index.ts";
import type { Profile } from "../../diagnostics/types.ts";
import { encodeStaffRows } from "../../app/diagnostic/staff-import.server.ts";
import { mismatchSentence } from "../../app/ui/diagnostic-steps.tsx";
import { populationWording } from "../../diagnostics/mixity.ts";
import * as jobsRoute from "../../app/routes/diagnostic-jobs.tsx";
import * as templateRoute from "../../app/routes/diagnostic-jobs-template.tsx";

const NBSP = "\u00a0";

let handle: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let owner: Awaited<ReturnType<typeof makeUser>>;
let editor: Awaited<ReturnType<typeof makeUser>>;
let viewer: Awaited<ReturnType<typeof makeUser>>;
let outsider: Awaited<ReturnType<typeof makeUser>>;
let org: { id: string };

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
  ({ owner, editor, viewer, outsider, org } = await makeStructureTeam(db));
});
afterAll(async () => handle.dispose());

let year = 2000;
/** A fresh diagnostic with the profile above (each test gets its own, so versions start at 0). */
async function newDiagnostic() {
  year += 1;
  const { id } = await insertDiagnostic(db, org.id, year, owner.id);
  await saveProfile(db, org.id, id, 0, PROFILE as unknown as Record<string, unknown>, owner.id);
  return id;
}

const pathOf = (diagId: string) => `/o/${org.id}/d/${diagId}/emplois`;
const params = (diagId: string) => ({ orgId: org.id, diagId });

type Row = { label?: string; population?: string; women?: string; men?: string; womenFte?: string; menFte?: string };

/** The fields the jobs table sends. */
function tableForm(rows: Row[], version: number, intent = "save-stay"): Record<string, string> {
  const form: Record<string, string> = { intent, version: String(version) };
  rows.forEach((r, i) => {
    for (const [k, v] of Object.entries({ label: "", population: "", women: "", men: "", womenFte: "", menFte: "", ...r })) form[`jobs[${i}].${k}`] = v;
  });
  return form;
}

const GOOD_ROWS: Row[] = [
  { label: "Agent·e d'entretien", population: "parcours", women: "8", men: "4", womenFte: "6,5", menFte: "3" },
  { label: "Ouvrier espaces verts", population: "parcours", women: "0", men: "8" },
  { label: "Encadrant technique", population: "permanent", women: "1", men: "2", womenFte: "1", menFte: "1,8" },
  { label: "CIP", population: "permanent", women: "2", men: "0" },
];

/** A multipart request carrying a file, as the browser sends the import form. */
function upload(path: string, file: { name: string; content: string | Uint8Array; type?: string } | null, fields: Record<string, string>, cookie: string): Request {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  if (file) body.append("file", new File([file.content as BlobPart], file.name, { type: file.type ?? "text/csv" }));
  return new Request(`http://localhost${path}`, { method: "POST", body, headers: { Cookie: cookie, "x-client-ip": "127.0.0.1" } });
}

const STAFF_CSV = [
  "Sexe;Emploi;Population;CSP;Tranche d'âge;Temps de travail;Mois de présence;Rémunération annuelle brute;Augmentation;Promotion",
  "F;Agente d'entretien;Parcours;Employé;30-39;80 %;12;15 120,00;Non;Non",
  "F;Agente d'entretien;Parcours;Employé;<30;100 %;12;18 100,00;Oui;Non",
  "H;Ouvrier espaces verts;Parcours;Ouvrier;<30;26 h;7;9 850,50;Non;Non",
  "H;Ouvrier espaces verts;Parcours;Ouvrier;30-39;100 %;12;18 900;Oui;Non",
  "H;Ouvrier espaces verts;Parcours;Ouvrier;50+;100 %;3;4 200;Non;Non",
  "F;Encadrante technique;Permanent;Technicien;40-49;100 %;12;27 600;Oui;Oui",
  "H;Encadrant technique;Permanent;Technicien;30-39;100 %;12;26 900;Oui;Non",
].join("\n");

const BAD_CSV = [
  "Sexe;Emploi;Population;CSP;Tranche d'âge;Temps de travail;Rémunération annuelle brute",
  "X;Agente d'entretien;Parcours;Employé;30-39;80 %;15 120,00",
  "F;;Parcours;Employé;<30;100 %;18 100,00",
  "F;Agente;Parcours;Employé;<30;150 %;abc",
].join("\n");

function validRows(csv: string): StaffRow[] {
  const parsed = parseStaffCsvText(csv, { referenceDate: "2025-12-31" });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.rows;
}

describe("jobs step: access", () => {
  it("answers 404 to a member of another structure, on the page, every action and the templates", async () => {
    const diagId = await newDiagnostic();
    const page = await callRoute(jobsRoute.loader, get(pathOf(diagId), outsider.cookie), params(diagId));
    expect(page.status).toBe(404);
    for (const intent of ["save-stay", "preview", "confirm"]) {
      const res = await callRoute(jobsRoute.action, post(pathOf(diagId), tableForm(GOOD_ROWS, 0, intent), outsider.cookie), params(diagId));
      expect(res.status).toBe(404);
    }
    const template = await callRoute(templateRoute.loader, get(`${pathOf(diagId)}/modele/csv`, outsider.cookie), { ...params(diagId), format: "csv" });
    expect(template.status).toBe(404);
    expect((await findDiagnostic(db, org.id, diagId))!.jobsVersion).toBe(0);
  });

  it("shows the table read-only to a viewer and refuses every action with 403", async () => {
    const diagId = await newDiagnostic();
    const page = await callRoute(jobsRoute.loader, get(pathOf(diagId), viewer.cookie), params(diagId));
    expect(page.status).toBe(200);
    expect(page.data.canEdit).toBe(false);
    const save = await callRoute(jobsRoute.action, post(pathOf(diagId), tableForm(GOOD_ROWS, 0), viewer.cookie), params(diagId));
    expect(save.status).toBe(403);
    const preview = await callRoute(jobsRoute.action, upload(pathOf(diagId), { name: "p.csv", content: STAFF_CSV }, { intent: "preview", version: "0" }, viewer.cookie), params(diagId));
    expect(preview.status).toBe(403);
    const confirm = await callRoute(
      jobsRoute.action,
      post(pathOf(diagId), { intent: "confirm", payload: encodeStaffRows(validRows(STAFF_CSV)), fileName: "p.csv", version: "0" }, viewer.cookie),
      params(diagId),
    );
    expect(confirm.status).toBe(403);
    const d = await findDiagnostic(db, org.id, diagId);
    expect(d!.jobsVersion).toBe(0);
    expect(d!.staffFile).toBeNull();
  });
});

describe("jobs step: the table", () => {
  it("saves the whole table, reading decimal commas and dropping empty rows", async () => {
    const diagId = await newDiagnostic();
    const res = await callRoute(jobsRoute.action, post(pathOf(diagId), tableForm([...GOOD_ROWS, {}], 0), editor.cookie), params(diagId));
    expect(res.status).toBe(302);
    expect(res.location).toMatch(new RegExp(`^${pathOf(diagId)}\\?enregistre=.+#tableau$`));
    const d = await findDiagnostic(db, org.id, diagId);
    expect(d!.jobsVersion).toBe(1);
    expect(d!.updatedByName).toBe("Julien Caron");
    expect(d!.jobs).toEqual([
      { label: "Agent·e d'entretien", population: "parcours", women: 8, men: 4, womenFte: 6.5, menFte: 3 },
      { label: "Ouvrier espaces verts", population: "parcours", women: 0, men: 8 },
      { label: "Encadrant technique", population: "permanent", women: 1, men: 2, womenFte: 1, menFte: 1.8 },
      { label: "CIP", population: "permanent", women: 2, men: 0 },
    ]);
  });

  it("goes on to the first domain with « Enregistrer et continuer »", async () => {
    const diagId = await newDiagnostic();
    const res = await callRoute(jobsRoute.action, post(pathOf(diagId), tableForm(GOOD_ROWS, 0, "save-next"), owner.cookie), params(diagId));
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/o/${org.id}/d/${diagId}/domaines/embauche`);
  });

  it.each([
    { label: "a decimal headcount", row: { women: "2,5" }, field: "jobs[0].women", message: `Ligne 1${NBSP}: le nombre de femmes est un nombre entier.` },
    { label: "letters as headcount", row: { men: "dix" }, field: "jobs[0].men", message: `Ligne 1${NBSP}: le nombre d'hommes est un nombre entier.` },
    { label: "an empty headcount", row: { men: "" }, field: "jobs[0].men", message: `Ligne 1${NBSP}: indiquez le nombre d'hommes (0 s'il n'y en a pas).` },
    { label: "a negative headcount", row: { women: "-1" }, field: "jobs[0].women", message: `Ligne 1${NBSP}: le nombre de femmes ne peut pas être négatif.` },
    { label: "no job title", row: { label: " " }, field: "jobs[0].label", message: `Ligne 1${NBSP}: indiquez l'intitulé du métier.` },
    { label: "no population", row: { population: "" }, field: "jobs[0].population", message: `Ligne 1${NBSP}: choisissez la population.` },
    { label: "unreadable FTE", row: { womenFte: "six" }, field: "jobs[0].womenFte", message: `Ligne 1${NBSP}: les ETP des femmes s'écrivent en chiffres, par exemple 4,5.` },
    {
      label: "more FTE than people",
      row: { menFte: "4,5" },
      field: "jobs[0].menFte",
      message: `Ligne 1${NBSP}: 4,5 ETP pour 4 hommes${NBSP}; les ETP ne peuvent pas dépasser le nombre de personnes.`,
    },
  ])("refuses $label with a French message beside the cell and stores nothing", async ({ row, field, message }) => {
    const diagId = await newDiagnostic();
    const rows = [{ ...GOOD_ROWS[0], ...row }, ...GOOD_ROWS.slice(1)];
    const res = await callRoute(jobsRoute.action, post(pathOf(diagId), tableForm(rows, 0), owner.cookie), params(diagId));
    expect(res.status).toBe(400);
    expect(res.data.result.error[field]).toEqual([message]);
    const d = await findDiagnostic(db, org.id, diagId);
    expect(d!.jobsVersion).toBe(0);
    expect(d!.jobs).toEqual([]);
  });

  it("numbers the lines as displayed and reports every faulty cell at once", async () => {
    const diagId = await newDiagnostic();
    const rows = [GOOD_ROWS[0], GOOD_ROWS[1], { ...GOOD_ROWS[2], women: "1,5", menFte: "x" }];
    const res = await callRoute(jobsRoute.action, post(pathOf(diagId), tableForm(rows, 0), owner.cookie), params(diagId));
    expect(res.status).toBe(400);
    expect(res.data.result.error).toEqual({
      "jobs[2].women": [`Ligne 3${NBSP}: le nombre de femmes est un nombre entier.`],
      "jobs[2].menFte": [`Ligne 3${NBSP}: les ETP des hommes s'écrivent en chiffres, par exemple 4,5.`],
    });
  });

  it("refuses an empty table", async () => {
    const diagId = await newDiagnostic();
    const res = await callRoute(jobsRoute.action, post(pathOf(diagId), tableForm([{}, {}], 0), owner.cookie), params(diagId));
    expect(res.status).toBe(400);
    expect(res.data.result.error[""]).toEqual([`Le tableau est vide${NBSP}: indiquez au moins un métier.`]);
  });

  it("adds an empty row without JavaScript, keeping what was typed and storing nothing", async () => {
    const diagId = await newDiagnostic();
    const form = { ...tableForm([{ label: "Maraîchage", women: "2,5" }], 0), __intent__: JSON.stringify({ type: "insert", payload: { name: "jobs" } }) };
    const res = await callRoute(jobsRoute.action, post(pathOf(diagId), form, owner.cookie), params(diagId));
    expect(res.status).toBe(200);
    expect(res.data.result.initialValue.jobs).toHaveLength(2);
    expect(res.data.result.initialValue.jobs[0]).toMatchObject({ label: "Maraîchage", women: "2,5" });
    expect(res.data.result.initialValue.version).toBe("0");
    expect((await findDiagnostic(db, org.id, diagId))!.jobsVersion).toBe(0);
  });

  it("removes a row without JavaScript", async () => {
    const diagId = await newDiagnostic();
    const form = { ...tableForm(GOOD_ROWS, 0), __intent__: JSON.stringify({ type: "remove", payload: { name: "jobs", index: 1 } }) };
    const res = await callRoute(jobsRoute.action, post(pathOf(diagId), form, owner.cookie), params(diagId));
    expect(res.status).toBe(200);
    expect(res.data.result.initialValue.jobs.map((j: Row) => j.label)).toEqual(["Agent·e d'entretien", "Encadrant technique", "CIP"]);
  });

  it("refuses a save based on a stale version, shows who saved what and when, then overwrites on request", async () => {
    const diagId = await newDiagnostic();
    const theirs = [{ label: "Maraîcher", population: "parcours", women: 3, men: 5 }];
    await saveJobs(db, org.id, diagId, 0, theirs, editor.id);
    const stale = await callRoute(jobsRoute.action, post(pathOf(diagId), tableForm(GOOD_ROWS, 0), owner.cookie), params(diagId));
    expect(stale.status).toBe(409);
    expect(stale.data.conflict).toMatchObject({ version: 1, updatedByName: "Julien Caron", jobs: theirs });
    expect(stale.data.conflict.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // The typed values come back for the form, nothing was written.
    expect(stale.data.result.initialValue.jobs[0].label).toBe("Agent·e d'entretien");
    expect((await findDiagnostic(db, org.id, diagId))!.jobs).toEqual(theirs);
    // Saving again with the version shown in the conflict replaces their table.
    const again = await callRoute(jobsRoute.action, post(pathOf(diagId), tableForm(GOOD_ROWS, stale.data.conflict.version), owner.cookie), params(diagId));
    expect(again.status).toBe(302);
    const d = await findDiagnostic(db, org.id, diagId);
    expect(d!.jobsVersion).toBe(2);
    expect(d!.jobs).toHaveLength(4);
  });

  it("compares the saved totals with the profile, in French", async () => {
    const diagId = await newDiagnostic();
    await callRoute(jobsRoute.action, post(pathOf(diagId), tableForm(GOOD_ROWS, 0), owner.cookie), params(diagId));
    const page = await callRoute(jobsRoute.loader, get(pathOf(diagId), owner.cookie), params(diagId));
    // Table: parcours 8 women / 12 men, permanent 3 women / 2 men; profile: 8 / 12 and 3 / 2.
    expect(page.data.mismatches).toEqual([]);
    await callRoute(jobsRoute.action, post(pathOf(diagId), tableForm([{ ...GOOD_ROWS[0], women: "7" }, ...GOOD_ROWS.slice(1)], 1), owner.cookie), params(diagId));
    const after = await callRoute(jobsRoute.loader, get(pathOf(diagId), owner.cookie), params(diagId));
    expect(after.data.mismatches).toEqual([{ population: "parcours", sex: "women", profile: 8, jobs: 7 }]);
    const wording = { permanent: populationWording("permanent", "ACI"), parcours: populationWording("parcours", "ACI") };
    expect(mismatchSentence(after.data.mismatches[0], wording)).toBe(
      "Le tableau compte 7 femmes parmi les salariés en parcours d'insertion, le profil en indique 8.",
    );
  });
});

describe("jobs step: staff file import", () => {
  it("shows a preview of the jobs and index data, storing nothing", async () => {
    const diagId = await newDiagnostic();
    const res = await callRoute(jobsRoute.action, upload(pathOf(diagId), { name: "personnel.csv", content: STAFF_CSV }, { intent: "preview", version: "0" }, owner.cookie), params(diagId));
    expect(res.status).toBe(200);
    const preview = res.data.preview;
    expect(preview).toMatchObject({ fileName: "personnel.csv", rowCount: 7, women: 3, men: 4, version: 0, sizeBand: "50-250" });
    expect(preview.jobs).toEqual(jobsFromStaffRows(validRows(STAFF_CSV)));
    expect(preview.jobs.find((j: { label: string }) => j.label === "Ouvrier espaces verts")).toMatchObject({ population: "parcours", women: 0, men: 3 });
    // 6 people present at least 6 months count in the index; the one present 3 months does not.
    expect(preview.index).toMatchObject({ counted: 6, excludedShortPresence: 1, excludedNotEmployees: 0 });
    expect(preview.index.input.workforce).toHaveLength(16);
    expect(preview.payload).toMatch(/^[A-Za-z0-9_-]+$/);
    const d = await findDiagnostic(db, org.id, diagId);
    expect(d!.staffFile).toBeNull();
    expect(d!.jobsVersion).toBe(0);
  });

  it("then stores the rows and the derived jobs together on confirmation", async () => {
    const diagId = await newDiagnostic();
    const preview = await callRoute(jobsRoute.action, upload(pathOf(diagId), { name: "personnel.csv", content: STAFF_CSV }, { intent: "preview", version: "0" }, owner.cookie), params(diagId));
    const { payload, fileName, version } = preview.data.preview;
    const res = await callRoute(jobsRoute.action, post(pathOf(diagId), { intent: "confirm", payload, fileName, version: String(version) }, owner.cookie), params(diagId));
    expect(res.status).toBe(302);
    expect(res.location).toMatch(new RegExp(`^${pathOf(diagId)}\\?importe=`));
    const d = await findDiagnostic(db, org.id, diagId);
    expect(d!.staffFile).toMatchObject({ fileName: "personnel.csv", rowCount: 7 });
    expect(d!.jobsVersion).toBe(1);
    expect(d!.jobs).toEqual(jobsFromStaffRows(validRows(STAFF_CSV)));
    expect(await findStaffRows(db, org.id, diagId)).toEqual(validRows(STAFF_CSV));
    const page = await callRoute(jobsRoute.loader, get(`${pathOf(diagId)}?importe=x`, owner.cookie), params(diagId));
    expect(page.data.staffFile).toMatchObject({ fileName: "personnel.csv", rowCount: 7 });
  });

  it("accepts the .xlsx template as a file", async () => {
    const diagId = await newDiagnostic();
    // callRoute reads responses as text: take the template's bytes from the loader's Response directly.
    const response = (await templateRoute.loader({ request: get(`${pathOf(diagId)}/modele/xlsx`, owner.cookie), params: { ...params(diagId), format: "xlsx" }, context: {} } as never)) as Response;
    const file = new Uint8Array(await response.arrayBuffer());
    const res = await callRoute(
      jobsRoute.action,
      upload(pathOf(diagId), { name: "modele.xlsx", content: file, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }, { intent: "preview", version: "0" }, owner.cookie),
      params(diagId),
    );
    expect(res.status).toBe(200);
    expect(res.data.preview.rowCount).toBe(3);
  });

  it("lists every error of a bad file by line and column, storing nothing", async () => {
    const diagId = await newDiagnostic();
    const res = await callRoute(jobsRoute.action, upload(pathOf(diagId), { name: "faux.csv", content: BAD_CSV }, { intent: "preview", version: "0" }, owner.cookie), params(diagId));
    expect(res.status).toBe(400);
    const { importErrors } = res.data;
    expect(importErrors.fileName).toBe("faux.csv");
    expect(importErrors.summary).toContain("aucune ligne n'a été importée");
    expect(importErrors.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [2, "Sexe"],
      [3, "Emploi"],
      [4, "Temps de travail"],
      [4, "Rémunération annuelle brute"],
    ]);
    expect(importErrors.errors[0].message).toMatch(/^Ligne 2, colonne «\u00a0Sexe\u00a0»\u00a0: /);
    const d = await findDiagnostic(db, org.id, diagId);
    expect(d!.staffFile).toBeNull();
    expect(d!.jobsVersion).toBe(0);
  });

  it("refuses a file with names in it", async () => {
    const diagId = await newDiagnostic();
    const csv = "Nom;Sexe;Emploi;Population;CSP;Âge;Temps de travail;Rémunération annuelle brute\nDupont;F;Agente;Parcours;Employé;34;100 %;18 000";
    const res = await callRoute(jobsRoute.action, upload(pathOf(diagId), { name: "noms.csv", content: csv }, { intent: "preview", version: "0" }, owner.cookie), params(diagId));
    expect(res.status).toBe(400);
    expect(res.data.importErrors.errors[0].message).toContain("le fichier doit être anonymisé");
  });

  it("asks for a file when none was chosen", async () => {
    const diagId = await newDiagnostic();
    const res = await callRoute(jobsRoute.action, upload(pathOf(diagId), null, { intent: "preview", version: "0" }, owner.cookie), params(diagId));
    expect(res.status).toBe(400);
    expect(res.data.uploadError).toBe("Choisissez le fichier du personnel à importer (CSV ou Excel .xlsx).");
  });

  it("refuses a body announced over 10 MB before reading it", async () => {
    const diagId = await newDiagnostic();
    const request = new Request(`http://localhost${pathOf(diagId)}`, {
      method: "POST",
      body: "intent=preview",
      headers: { Cookie: owner.cookie, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(STAFF_FILE_MAX_BYTES * 2) },
    });
    const res = await callRoute(jobsRoute.action, request, params(diagId));
    expect(res.status).toBe(413);
    expect(res.data.uploadError).toBe(`Le fichier pèse 20${NBSP}Mo${NBSP}: la taille maximale est de 10${NBSP}Mo. Supprimez les colonnes inutiles ou découpez-le.`);
  });

  it("stops reading a body sent without length once it passes the limit", async () => {
    const diagId = await newDiagnostic();
    const chunk = new Uint8Array(1024 * 1024).fill(65);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 16) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request(`http://localhost${pathOf(diagId)}`, {
      method: "POST",
      body: stream,
      headers: { Cookie: owner.cookie, "Content-Type": "multipart/form-data; boundary=x" },
      duplex: "half",
    } as RequestInit);
    const res = await callRoute(jobsRoute.action, request, params(diagId));
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(16);
    expect((await findDiagnostic(db, org.id, diagId))!.staffFile).toBeNull();
  });

  it.each([
    { label: "a payload that is not ours", payload: () => "bm90LWEtcGF5bG9hZA" },
    { label: "rows that break the row schema", payload: () => encodeStaffRows([{ ...validRows(STAFF_CSV)[0], sex: "X" } as unknown as StaffRow]) },
    { label: "rows carrying a name", payload: () => encodeStaffRows([{ ...validRows(STAFF_CSV)[0], name: "Dupont" } as unknown as StaffRow]) },
    { label: "an empty payload", payload: () => "" },
  ])("re-validates the preview on confirmation: refuses $label and stores nothing", async ({ payload }) => {
    const diagId = await newDiagnostic();
    const res = await callRoute(jobsRoute.action, post(pathOf(diagId), { intent: "confirm", payload: payload(), fileName: "p.csv", version: "0" }, owner.cookie), params(diagId));
    expect(res.status).toBe(400);
    expect(res.data.uploadError).toContain("Rien n'a été enregistré");
    const d = await findDiagnostic(db, org.id, diagId);
    expect(d!.staffFile).toBeNull();
    expect(d!.jobsVersion).toBe(0);
  });

  it("refuses a confirmation when the table changed since the preview, storing neither rows nor jobs", async () => {
    const diagId = await newDiagnostic();
    const preview = await callRoute(jobsRoute.action, upload(pathOf(diagId), { name: "personnel.csv", content: STAFF_CSV }, { intent: "preview", version: "0" }, owner.cookie), params(diagId));
    const theirs = [{ label: "Maraîcher", population: "parcours", women: 3, men: 5 }];
    await saveJobs(db, org.id, diagId, 0, theirs, editor.id);
    const { payload, fileName } = preview.data.preview;
    const res = await callRoute(jobsRoute.action, post(pathOf(diagId), { intent: "confirm", payload, fileName, version: "0" }, owner.cookie), params(diagId));
    expect(res.status).toBe(409);
    expect(res.data.importConflict).toMatchObject({ version: 1, updatedByName: "Julien Caron", jobs: theirs });
    // The preview stays on screen, ready to be confirmed over their table.
    expect(res.data.preview).toMatchObject({ fileName: "personnel.csv", version: 0, rowCount: 7 });
    const d = await findDiagnostic(db, org.id, diagId);
    expect(d!.staffFile).toBeNull();
    expect(d!.jobs).toEqual(theirs);
    const again = await callRoute(jobsRoute.action, post(pathOf(diagId), { intent: "confirm", payload, fileName, version: "1" }, owner.cookie), params(diagId));
    expect(again.status).toBe(302);
    expect((await findDiagnostic(db, org.id, diagId))!.staffFile).toMatchObject({ rowCount: 7 });
  });

  it("replaces a previous import entirely", async () => {
    const diagId = await newDiagnostic();
    const first = encodeStaffRows(validRows(STAFF_CSV));
    await callRoute(jobsRoute.action, post(pathOf(diagId), { intent: "confirm", payload: first, fileName: "v1.csv", version: "0" }, owner.cookie), params(diagId));
    const smaller = validRows(STAFF_CSV).slice(0, 2);
    const res = await callRoute(jobsRoute.action, post(pathOf(diagId), { intent: "confirm", payload: encodeStaffRows(smaller), fileName: "v2.csv", version: "1" }, owner.cookie), params(diagId));
    expect(res.status).toBe(302);
    expect(await findStaffRows(db, org.id, diagId)).toEqual(smaller);
    const d = await findDiagnostic(db, org.id, diagId);
    expect(d!.staffFile).toMatchObject({ fileName: "v2.csv", rowCount: 2 });
    expect(d!.jobs).toEqual(jobsFromStaffRows(smaller));
  });
});

describe("staff file templates", () => {
  it.each([
    { format: "csv", type: "text/csv; charset=utf-8", file: "modele-fichier-du-personnel.csv" },
    { format: "xlsx", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file: "modele-fichier-du-personnel.xlsx" },
  ])("downloads the $format template as an attachment, also for a viewer", async ({ format, type, file }) => {
    const diagId = await newDiagnostic();
    const res = await callRoute(templateRoute.loader, get(`${pathOf(diagId)}/modele/${format}`, viewer.cookie), { ...params(diagId), format });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe(type);
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="${file}"`);
    if (format === "csv") expect(res.data).toContain("Sexe;Emploi;Population;CSP");
  });

  it("answers 404 to any other format", async () => {
    const diagId = await newDiagnostic();
    const res = await callRoute(templateRoute.loader, get(`${pathOf(diagId)}/modele/pdf`, owner.cookie), { ...params(diagId), format: "pdf" });
    expect(res.status).toBe(404);
  });
});
