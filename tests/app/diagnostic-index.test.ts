import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/db.ts";
import { makeStructureTeam, makeUser } from "../helpers/factories.ts";
import { callRoute, get, post } from "../helpers/routes.ts";
import type { Db } from "../../db/client.ts";
import { findDiagnostic, insertDiagnostic, replaceStaffFile, saveIndexStep, saveProfile } from "../../db/queries/diagnostics.ts";
import { INDEX_INPUT_MESSAGES, TOP_PAY_COUNT, computeIndex, type IndexInput } from "../../diagnostics/index/index.ts";
import { indexInputFromStaffRows, jobsFromStaffRows, parseStaffCsvText } from "../../diagnostics/staff-file/index.ts";
import type { HeadcountBand, Profile } from "../../diagnostics/types.ts";
import { INDEX_GROUPS, MATERNITY_MISSING } from "../../app/diagnostic/index-form.ts";
import * as indexRoute from "../../app/routes/diagnostic-index.tsx";

const NBSP = "\u00a0";

let handle: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let owner: Awaited<ReturnType<typeof makeUser>>;
let editor: Awaited<ReturnType<typeof makeUser>>;
let viewer: Awaited<ReturnType<typeof makeUser>>;
let outsider: Awaited<ReturnType<typeof makeUser>>;
let org: { id: string };

const profileOf = (headcountBand: HeadcountBand): Profile => ({
  structureType: "ACI",
  headcountBand,
  permanentWomen: 10,
  permanentMen: 8,
  parcoursWomen: 20,
  parcoursMen: 22,
  hasCse: true,
  hasDelegueSyndical: false,
  existingAgreement: "aucun",
});

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  ({ owner, editor, viewer, outsider, org } = await makeStructureTeam(db));
});
afterAll(async () => handle.dispose());

let year = 2000;
async function newDiagnostic(band: HeadcountBand | null = "50_250") {
  year += 1;
  const { id } = await insertDiagnostic(db, org.id, year, owner.id);
  if (band) await saveProfile(db, org.id, id, 0, profileOf(band) as unknown as Record<string, unknown>, owner.id);
  return id;
}

const pathOf = (diagId: string) => `/o/${org.id}/d/${diagId}/index`;
const params = (diagId: string) => ({ orgId: org.id, diagId });

/** A complete, valid entry for a 50–250 structure: two groups of 5 women and 5 men, everything else empty. */
function entry50(overrides: Record<string, string> = {}): Record<string, string> {
  const form: Record<string, string> = { intent: "saisie", version: "0" };
  INDEX_GROUPS.forEach((_, i) => {
    form[`workforce[${i}].women`] = "";
    form[`workforce[${i}].men`] = "";
    form[`pay.groups[${i}].avgPayWomen`] = "";
    form[`pay.groups[${i}].avgPayMen`] = "";
  });
  // Ouvriers < 30 ans and Employés 30–39 ans.
  Object.assign(form, {
    "workforce[0].women": "5",
    "workforce[0].men": "5",
    "pay.groups[0].avgPayWomen": "18 000",
    "pay.groups[0].avgPayMen": "19 000,50",
    "workforce[5].women": "5",
    "workforce[5].men": "5",
    "pay.groups[5].avgPayWomen": "21000",
    "pay.groups[5].avgPayMen": "21000",
    "raisesAndPromotions.happened": "oui",
    "raisesAndPromotions.raisedWomen": "3",
    "raisesAndPromotions.raisedMen": "3",
    "maternity.status": "aucun",
    "top10.women": "5",
    "top10.men": "5",
  });
  return { ...form, ...overrides };
}

const STAFF_CSV = [
  "Sexe;Emploi;Population;CSP;Tranche d'âge;Temps de travail;Mois de présence;Rémunération annuelle brute;Augmentation;Promotion",
  ...Array.from({ length: 6 }, (_, i) => `F;Agente d'entretien;Parcours;Employé;30-39;100 %;12;${18000 + i * 100};${i < 3 ? "Oui" : "Non"};Non`),
  ...Array.from({ length: 6 }, (_, i) => `H;Ouvrier espaces verts;Parcours;Employé;30-39;100 %;12;${18500 + i * 100};${i < 2 ? "Oui" : "Non"};Non`),
].join("\n");

async function importStaff(diagId: string) {
  const parsed = parseStaffCsvText(STAFF_CSV, { referenceDate: "2025-12-31" });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const current = await findDiagnostic(db, org.id, diagId);
  await db.transaction((tx) =>
    replaceStaffFile(tx, org.id, diagId, { fileName: "personnel.csv", rows: parsed.rows, jobs: jobsFromStaffRows(parsed.rows), expectedJobsVersion: current!.jobsVersion }, owner.id),
  );
  return parsed.rows;
}

describe("index step: access", () => {
  it("answers 404 to a member of another structure", async () => {
    const diagId = await newDiagnostic();
    expect((await callRoute(indexRoute.loader, get(pathOf(diagId), outsider.cookie), params(diagId))).status).toBe(404);
    for (const intent of ["saisie", "fichier", "ignorer"]) {
      const res = await callRoute(indexRoute.action, post(pathOf(diagId), { ...entry50(), intent, reason: "paie" }, outsider.cookie), params(diagId));
      expect(res.status).toBe(404);
    }
  });

  it("shows the step to a viewer and refuses every save with 403", async () => {
    const diagId = await newDiagnostic();
    const page = await callRoute(indexRoute.loader, get(pathOf(diagId), viewer.cookie), params(diagId));
    expect(page.status).toBe(200);
    expect(page.data.canEdit).toBe(false);
    for (const intent of ["saisie", "fichier", "ignorer"]) {
      const res = await callRoute(indexRoute.action, post(pathOf(diagId), { ...entry50(), intent, reason: "paie" }, viewer.cookie), params(diagId));
      expect(res.status).toBe(403);
    }
    expect((await findDiagnostic(db, org.id, diagId))!.indexVersion).toBe(0);
  });
});

describe("index step: obligation", () => {
  it.each([
    { band: "moins_50" as const, sizeBand: "50-250", belowFifty: true },
    { band: "50_250" as const, sizeBand: "50-250", belowFifty: false },
    { band: "251_299" as const, sizeBand: "251+", belowFifty: false },
    { band: "300_plus" as const, sizeBand: "251+", belowFifty: false },
  ])("applies the $sizeBand rules to a $band structure", async ({ band, sizeBand, belowFifty }) => {
    const diagId = await newDiagnostic(band);
    const page = await callRoute(indexRoute.loader, get(pathOf(diagId), owner.cookie), params(diagId));
    expect(page.data.band).toEqual({ sizeBand, belowFifty });
  });

  it("asks for the profile first", async () => {
    const diagId = await newDiagnostic(null);
    const page = await callRoute(indexRoute.loader, get(pathOf(diagId), owner.cookie), params(diagId));
    expect(page.data.band).toBeNull();
    const res = await callRoute(indexRoute.action, post(pathOf(diagId), entry50(), owner.cookie), params(diagId));
    expect(res.status).toBe(400);
    expect(res.data.message).toContain("Remplissez d'abord le profil");
  });
});

describe("index step: entered data", () => {
  it("stores the engine's input and shows the estimate", async () => {
    const diagId = await newDiagnostic();
    const res = await callRoute(indexRoute.action, post(pathOf(diagId), entry50(), editor.cookie), params(diagId));
    expect(res.status).toBe(302);
    expect(res.location).toMatch(new RegExp(`^${pathOf(diagId)}\\?choix=saisie&enregistre=`));
    const d = await findDiagnostic(db, org.id, diagId);
    expect(d).toMatchObject({ indexSource: "saisie", indexSkipReason: null, indexVersion: 1, updatedByName: "Julien Caron" });
    const stored = d!.indexData as unknown as IndexInput;
    expect(stored.sizeBand).toBe("50-250");
    expect(stored.workforce[0]).toEqual({ csp: "ouvriers", ageBand: "<30", women: 5, men: 5 });
    expect(stored.pay.groups[0]).toMatchObject({ category: "ouvriers", ageBand: "<30", women: 5, men: 5, avgPayWomen: 18000, avgPayMen: 19000.5 });
    expect(stored.raisesAndPromotions).toEqual({ happened: true, raisedWomen: 3, raisedMen: 3 });
    expect(stored.maternity).toBeNull();
    expect(stored.top10).toEqual({ women: 5, men: 5 });
    const page = await callRoute(indexRoute.loader, get(pathOf(diagId), owner.cookie), params(diagId));
    expect(page.data.source).toBe("saisie");
    expect(page.data.estimate).toEqual(computeIndex(stored, { belowFifty: false }));
    expect(page.data.estimate.index.calculable).toBe(true);
  });

  it("flags the estimate of a structure under 50 as indicative", async () => {
    const diagId = await newDiagnostic("moins_50");
    await callRoute(indexRoute.action, post(pathOf(diagId), entry50(), owner.cookie), params(diagId));
    const page = await callRoute(indexRoute.loader, get(pathOf(diagId), owner.cookie), params(diagId));
    expect(page.data.estimate.indicative).toBe(true);
  });

  it.each([
    {
      label: "an unreadable pay",
      overrides: { "pay.groups[0].avgPayWomen": "dix-huit mille" },
      field: "pay.groups[0].avgPayWomen",
      message: INDEX_INPUT_MESSAGES.pay,
    },
    {
      label: "a missing pay in a group of 5 women and 5 men",
      overrides: { "pay.groups[5].avgPayMen": "" },
      field: "pay.groups[5].avgPayMen",
      message: `Employés, 30 à 39 ans${NBSP}: indiquez la rémunération moyenne des hommes (le groupe compte au moins 3 femmes et 3 hommes).`,
    },
    { label: "a decimal headcount", overrides: { "workforce[0].women": "4,5" }, field: "workforce[0].women", message: INDEX_INPUT_MESSAGES.count },
    { label: "no answer about raises", overrides: { "raisesAndPromotions.happened": "" }, field: "raisesAndPromotions", message: INDEX_INPUT_MESSAGES.raisesAndPromotionsMissing },
    {
      label: "more women raised than women",
      overrides: { "raisesAndPromotions.raisedWomen": "11" },
      field: "raisesAndPromotions.raisedWomen",
      message: "Le nombre de femmes augmentées (11) ne peut pas dépasser le nombre de femmes de l'effectif (10).",
    },
    { label: "no answer about maternity returns", overrides: { "maternity.status": "" }, field: "maternity.status", message: MATERNITY_MISSING },
    {
      label: "a top 10 that does not make 10",
      overrides: { "top10.men": "4" },
      field: "top10",
      message: `Le total des ${TOP_PAY_COUNT} plus hautes rémunérations doit faire ${TOP_PAY_COUNT} personnes (ici 9).`,
    },
  ])("refuses $label with the engine's French message beside the field and stores nothing", async ({ overrides, field, message }) => {
    const diagId = await newDiagnostic();
    const res = await callRoute(indexRoute.action, post(pathOf(diagId), entry50(overrides as unknown as Record<string, string>), owner.cookie), params(diagId));
    expect(res.status).toBe(400);
    expect(res.data.result.error[field]).toEqual([message]);
    const d = await findDiagnostic(db, org.id, diagId);
    expect(d).toMatchObject({ indexSource: null, indexData: null, indexVersion: 0 });
  });

  it("reports unreadable amounts and inconsistent totals in one round", async () => {
    const diagId = await newDiagnostic();
    const res = await callRoute(indexRoute.action, post(pathOf(diagId), entry50({ "pay.groups[0].avgPayWomen": "abc", "top10.men": "4" }), owner.cookie), params(diagId));
    expect(res.status).toBe(400);
    expect(Object.keys(res.data.result.error).sort()).toEqual(["pay.groups[0].avgPayWomen", "top10"]);
  });

  it("asks for raise and promotion rates per CSP from 251 employees", async () => {
    const diagId = await newDiagnostic("251_299");
    const res = await callRoute(indexRoute.action, post(pathOf(diagId), entry50(), owner.cookie), params(diagId));
    expect(res.status).toBe(400);
    expect(res.data.result.error.raises).toEqual([INDEX_INPUT_MESSAGES.raisesMissing]);
    expect(res.data.result.error.promotions).toEqual([INDEX_INPUT_MESSAGES.promotionsMissing]);
    const ok = await callRoute(
      indexRoute.action,
      post(
        pathOf(diagId),
        entry50({
          "raises.happened": "oui",
          "raises.groups[0].ratePctWomen": "40",
          "raises.groups[0].ratePctMen": "35,5",
          "raises.groups[1].ratePctWomen": "20",
          "raises.groups[1].ratePctMen": "20",
          "promotions.happened": "non",
        }),
        owner.cookie,
      ),
      params(diagId),
    );
    expect(ok.status).toBe(302);
    const stored = (await findDiagnostic(db, org.id, diagId))!.indexData as unknown as IndexInput;
    expect(stored.sizeBand).toBe("251+");
    expect(stored.raises!.groups[0]).toEqual({ csp: "ouvriers", women: 5, men: 5, ratePctWomen: 40, ratePctMen: 35.5 });
    expect(stored.promotions!.happened).toBe(false);
    expect(stored.raisesAndPromotions).toBeNull();
  });
});

describe("index step: from the staff file", () => {
  it("is refused without an imported file", async () => {
    const diagId = await newDiagnostic();
    const page = await callRoute(indexRoute.loader, get(pathOf(diagId), owner.cookie), params(diagId));
    expect(page.data.fromFile).toBeNull();
    const res = await callRoute(indexRoute.action, post(pathOf(diagId), { intent: "fichier", version: "0" }, owner.cookie), params(diagId));
    expect(res.status).toBe(400);
    expect(res.data.message).toContain("Aucun fichier du personnel n'a été importé");
    expect((await findDiagnostic(db, org.id, diagId))!.indexSource).toBeNull();
  });

  it("previews the derived input, then uses the file for the estimate", async () => {
    const diagId = await newDiagnostic();
    const rows = await importStaff(diagId);
    const expected = indexInputFromStaffRows(rows, { sizeBand: "50-250", structureType: "ACI" });
    const before = await callRoute(indexRoute.loader, get(pathOf(diagId), owner.cookie), params(diagId));
    expect(before.data.choice).toBe("fichier");
    expect(before.data.fromFile).toMatchObject({ counted: 12, excludedShortPresence: 0, input: expected, notes: [] });
    const res = await callRoute(indexRoute.action, post(pathOf(diagId), { intent: "fichier", version: "0" }, owner.cookie), params(diagId));
    expect(res.status).toBe(302);
    const d = await findDiagnostic(db, org.id, diagId);
    expect(d).toMatchObject({ indexSource: "fichier", indexData: null, indexSkipReason: null, indexVersion: 1 });
    const page = await callRoute(indexRoute.loader, get(pathOf(diagId), owner.cookie), params(diagId));
    expect(page.data.estimate).toEqual(computeIndex(expected, { belowFifty: false }));
  });
});

describe("index step: skipped", () => {
  it.each([
    { label: "no reason", form: {} as Record<string, string>, field: "reason", message: "Choisissez la raison pour laquelle vous passez cette étape." },
    { label: "« autre » without words", form: { reason: "autre", otherReason: " " } as Record<string, string>, field: "otherReason", message: "Précisez la raison en quelques mots." },
  ])("refuses $label in French", async ({ form, field, message }) => {
    const diagId = await newDiagnostic();
    const res = await callRoute(indexRoute.action, post(pathOf(diagId), { intent: "ignorer", version: "0", ...form }, owner.cookie), params(diagId));
    expect(res.status).toBe(400);
    expect(res.data.skipResult.error[field]).toEqual([message]);
    expect((await findDiagnostic(db, org.id, diagId))!.indexVersion).toBe(0);
  });

  it.each([
    { form: { reason: "paie" } as Record<string, string>, stored: "Données de paie pas encore disponibles" },
    { form: { reason: "moins_50" } as Record<string, string>, stored: `Moins de 50 salariés${NBSP}: l'index n'est pas obligatoire` },
    { form: { reason: "autre", otherReason: "  Nouvelle comptable en poste en mars  " } as Record<string, string>, stored: "Nouvelle comptable en poste en mars" },
  ])("stores the reason « $stored »", async ({ form, stored }) => {
    const diagId = await newDiagnostic("moins_50");
    const res = await callRoute(indexRoute.action, post(pathOf(diagId), { intent: "ignorer", version: "0", ...form }, owner.cookie), params(diagId));
    expect(res.status).toBe(302);
    const d = await findDiagnostic(db, org.id, diagId);
    expect(d).toMatchObject({ indexSource: "ignore", indexSkipReason: stored, indexData: null, indexVersion: 1 });
    const page = await callRoute(indexRoute.loader, get(pathOf(diagId), owner.cookie), params(diagId));
    expect(page.data.estimate).toBeNull();
    expect(page.data.choice).toBe("ignorer");
  });
});

describe("index step: concurrent saves", () => {
  it("refuses a stale save with who and what, keeps the typed values, and overwrites on request", async () => {
    const diagId = await newDiagnostic();
    await saveIndexStep(db, org.id, diagId, 0, { source: "ignore", data: null, skipReason: "Données de paie pas encore disponibles" }, editor.id);
    const stale = await callRoute(indexRoute.action, post(pathOf(diagId), entry50(), owner.cookie), params(diagId));
    expect(stale.status).toBe(409);
    expect(stale.data.conflict).toMatchObject({
      version: 1,
      updatedByName: "Julien Caron",
      theirs: `L'étape passée, pour cette raison${NBSP}: «${NBSP}Données de paie pas encore disponibles${NBSP}».`,
      theirsInput: null,
    });
    expect(stale.data.result.initialValue["top10"]).toEqual({ women: "5", men: "5" });
    expect((await findDiagnostic(db, org.id, diagId))!.indexSource).toBe("ignore");
    const again = await callRoute(indexRoute.action, post(pathOf(diagId), entry50({ version: String(stale.data.conflict.version) }), owner.cookie), params(diagId));
    expect(again.status).toBe(302);
    expect((await findDiagnostic(db, org.id, diagId))!).toMatchObject({ indexSource: "saisie", indexVersion: 2, indexSkipReason: null });
  });

  it("shows the other person's entered data in the conflict", async () => {
    const diagId = await newDiagnostic();
    await callRoute(indexRoute.action, post(pathOf(diagId), entry50(), editor.cookie), params(diagId));
    const stale = await callRoute(indexRoute.action, post(pathOf(diagId), { intent: "ignorer", version: "0", reason: "paie" }, owner.cookie), params(diagId));
    expect(stale.status).toBe(409);
    expect(stale.data.conflict.theirs).toBe("Des données saisies à la main.");
    expect(stale.data.conflict.theirsInput.top10).toEqual({ women: 5, men: 5 });
    expect(stale.data.skipResult.initialValue.reason).toBe("paie");
  });
});

describe("index step: error summary", () => {
  it("lists errors in form order, links each to its cell or group, and names the cell of a generic message", async () => {
    const { indexErrorSummary } = await import("../../app/diagnostic/index-form.ts");
    const items = indexErrorSummary(
      {
        top10: ["Le total des 10 plus hautes rémunérations doit faire 10 personnes (ici 9)."],
        "maternity.status": [MATERNITY_MISSING],
        "pay.groups[1].avgPayWomen": [INDEX_INPUT_MESSAGES.pay],
        "workforce[0].women": [INDEX_INPUT_MESSAGES.count],
        "raises.groups": ["Il manque la ligne Ouvriers."],
      },
      "251+",
      "index-saisie",
    );
    expect(items).toEqual([
      { href: "#index-saisie-workforce[0].women", message: `Ouvriers, moins de 30 ans, femmes${NBSP}: saisissez un nombre entier positif ou nul.` },
      {
        href: "#index-saisie-pay.groups[1].avgPayWomen",
        message: `Ouvriers, 30 à 39 ans, rémunération moyenne des femmes${NBSP}: saisissez une rémunération annuelle brute moyenne supérieure à 0, en euros.`,
      },
      { href: "#index-saisie-raises", message: "Il manque la ligne Ouvriers." },
      { href: "#index-saisie-maternity.status", message: MATERNITY_MISSING },
      { href: "#index-saisie-top10", message: "Le total des 10 plus hautes rémunérations doit faire 10 personnes (ici 9)." },
    ]);
  });
});
