import { describe, expect, it } from "vitest";
import {
  MAX_WEEKLY_HOURS,
  matchStaffColumn,
  parseStaffCsvText,
  staffFileTemplateCsv,
  staffFileTemplateXlsx,
  parseStaffFile,
} from "../../diagnostics/staff-file/index.ts";

const NBSP = "\u00a0";
const REF = { referenceDate: "2025-12-31" };
const BASE = "Sexe;Emploi;Population;CSP;Âge;Temps de travail;Mois de présence;Rémunération annuelle brute";

describe("pay-transparency columns of the staff file", () => {
  it.each([
    ["Salaire de base", "basePay"],
    ["Salaire de base annuel brut", "basePay"],
    ["Rémunération de base", "basePay"],
    ["Rémunération variable", "variablePay"],
    ["Primes", "variablePay"],
    ["Part variable", "variablePay"],
    ["Compléments de salaire", "variablePay"],
    ["Heures hebdomadaires contractuelles", "weeklyHours"],
    ["Heures contractuelles", "weeklyHours"],
    ["Durée hebdomadaire contractuelle", "weeklyHours"],
    ["Catégorie d'emploi de valeur égale", "payCategory"],
    ["Catégorie de valeur égale", "payCategory"],
    ["Catégorie de travailleurs", "payCategory"],
    ["Ancienneté", "seniorityYears"],
    ["Ancienneté (ans)", "seniorityYears"],
    // Unchanged meanings of older headers.
    ["Heures hebdomadaires", "timeShare"],
    ["Durée hebdomadaire", "timeShare"],
    ["Catégorie", "csp"],
    ["Rémunération annuelle brute", "annualGrossPay"],
  ])("« %s » → %s", (header, column) => {
    expect(matchStaffColumn(header)).toBe(column);
  });

  it("reads the new columns the French way; empty variable pay is 0, empty hours, category or seniority are not given", () => {
    const text = [
      `${BASE};Salaire de base;Primes;Heures hebdomadaires contractuelles;Catégorie d'emploi de valeur égale;Ancienneté`,
      "F;Agente de tri;parcours;ouvrier;34;80 %;12;15 120,00;14 520;600;28 h;Tri et conditionnement;2,5 ans",
      "H;Agent de tri;parcours;ouvrier;41;100 %;12;18 000;18 000;;;;",
    ].join("\n");
    const r = parseStaffCsvText(text, REF);
    if (!r.ok) throw new Error(r.errors[0].message);
    expect(r.rows[0]).toMatchObject({ basePay: 14_520, variablePay: 600, weeklyHours: 28, payCategory: "Tri et conditionnement", seniorityYears: 2.5 });
    expect(r.rows[1]).toMatchObject({ basePay: 18_000, variablePay: 0, weeklyHours: null, payCategory: null, seniorityYears: null });
  });

  it("leaves rows of a file without the new columns exactly as before (no new keys)", () => {
    const r = parseStaffCsvText(`${BASE}\nF;Agente de tri;parcours;ouvrier;34;80 %;12;15 120,00`, REF);
    if (!r.ok) throw new Error(r.errors[0].message);
    for (const key of ["basePay", "variablePay", "weeklyHours", "payCategory", "seniorityYears"]) expect(r.rows[0]).not.toHaveProperty(key);
  });

  it("refuses the whole file with a French message per line and column", () => {
    const text = [
      `${BASE};Salaire de base;Rémunération variable;Heures hebdomadaires contractuelles;Ancienneté`,
      "F;Agente de tri;parcours;ouvrier;34;80 %;12;15 000;14 000;2 000;28;2",
      "H;Agent de tri;parcours;ouvrier;41;100 %;12;18 000;;0;60;3",
      "H;Agent de tri;parcours;ouvrier;41;100 %;12;18 000;17 000;abc;35;-1",
      "F;Agente de tri;parcours;ouvrier;34;80 %;12;15 000;14 000;1 000;28;2",
    ].join("\n");
    const r = parseStaffCsvText(text, REF);
    if (r.ok) throw new Error("expected errors");
    expect(r.errors.map((e) => e.message)).toEqual([
      `Ligne 2, colonne «${NBSP}Salaire de base${NBSP}»${NBSP}: le salaire de base et la rémunération variable dépassent la rémunération annuelle brute${NBSP}: la rémunération annuelle brute doit les inclure.`,
      `Ligne 3, colonne «${NBSP}Salaire de base${NBSP}»${NBSP}: valeur manquante, attendu un montant annuel brut en euros (par exemple 18 500,00).`,
      `Ligne 3, colonne «${NBSP}Heures hebdomadaires contractuelles${NBSP}»${NBSP}: «${NBSP}60${NBSP}» hors limites, attendu un nombre d'heures par semaine entre 0 et ${MAX_WEEKLY_HOURS}${NBSP}h (par exemple 26 ou 24,5${NBSP}h) (0 exclu).`,
      `Ligne 4, colonne «${NBSP}Rémunération variable${NBSP}»${NBSP}: valeur «${NBSP}abc${NBSP}» non reconnue, attendu un montant annuel brut en euros (par exemple 18 500,00).`,
      `Ligne 4, colonne «${NBSP}Ancienneté${NBSP}»${NBSP}: «${NBSP}-1${NBSP}» hors limites, attendu un nombre d'années entre 0 et 60 (par exemple 4 ou 2,5${NBSP}ans).`,
    ]);
  });

  it("the templates carry the new columns with example values, and import as they are", async () => {
    const csv = staffFileTemplateCsv();
    const header = csv.replace(/^\ufeff/, "").split("\r\n")[0];
    expect(header.endsWith(";Salaire de base;Rémunération variable;Heures hebdomadaires contractuelles;Catégorie d'emploi de valeur égale;Ancienneté")).toBe(true);
    const fromCsv = parseStaffCsvText(csv.replace(/^\ufeff/, ""), REF);
    const fromXlsx = await parseStaffFile(staffFileTemplateXlsx(), "modele.xlsx", REF);
    for (const r of [fromCsv, fromXlsx]) {
      if (!r.ok) throw new Error(r.errors[0].message);
      expect(r.rows.map((x) => [x.basePay, x.variablePay, x.weeklyHours, x.payCategory, x.seniorityYears])).toEqual([
        [14_520, 600, 28, "Agents d'entretien et des espaces verts", 2],
        [9_850.5, 0, 26, "Agents d'entretien et des espaces verts", 0.5],
        [25_800, 1_800, 35, "Encadrement technique", 6],
      ]);
    }
  });
});

describe("import warnings", () => {
  it("says once that the bonus indicators need the base or variable pay column", () => {
    const without = parseStaffCsvText(`${BASE}\nF;Agente de tri;parcours;ouvrier;34;80 %;12;15 120,00`, REF);
    const withBase = parseStaffCsvText(`${BASE};Salaire de base\nF;Agente de tri;parcours;ouvrier;34;80 %;12;15 120,00;15 000`, REF);
    if (!without.ok || !withBase.ok) throw new Error("fixture");
    const message = `Colonnes «${NBSP}Salaire de base${NBSP}» et «${NBSP}Rémunération variable${NBSP}» absentes${NBSP}: les indicateurs de transparence salariale 2027 sur les primes et compléments ne pourront pas être calculés.`;
    expect(without.warnings.filter((w) => w.message === message)).toHaveLength(1);
    expect(withBase.warnings.map((w) => w.message)).not.toContain(message);
  });
});
