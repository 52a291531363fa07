/**
 * Deterministic synthetic staff data for the benchmarks: a seeded PRNG, validated-looking staff rows
 * and the same people written as a French CSV (« ; », decimal commas, accents).
 */
import { INDEX_CSPS, type IndexCsp } from "../../diagnostics/index/index.ts";
import { ageBandOf, type StaffRow } from "../../diagnostics/staff-file/index.ts";

import { seededRandom as mulberry32 } from "../../db/seeded-random.ts";

/** Job labels of inclusive structures, with the CSP each usually has and the usual share of women. */
const JOBS: readonly { label: string; csp: IndexCsp; women: number }[] = [
  { label: "Agent d'entretien", csp: "employes", women: 0.75 },
  { label: "Agent de propreté urbaine", csp: "ouvriers", women: 0.3 },
  { label: "Ouvrier espaces verts", csp: "ouvriers", women: 0.12 },
  { label: "Ouvrier du bâtiment", csp: "ouvriers", women: 0.05 },
  { label: "Maraîcher", csp: "ouvriers", women: 0.4 },
  { label: "Agent de tri et de recyclage", csp: "ouvriers", women: 0.35 },
  { label: "Préparateur de commandes", csp: "ouvriers", women: 0.25 },
  { label: "Cariste", csp: "ouvriers", women: 0.1 },
  { label: "Chauffeur-livreur", csp: "ouvriers", women: 0.08 },
  { label: "Aide à domicile", csp: "employes", women: 0.92 },
  { label: "Agent de restauration", csp: "employes", women: 0.6 },
  { label: "Employé de blanchisserie", csp: "employes", women: 0.8 },
  { label: "Couturière retoucheuse", csp: "employes", women: 0.9 },
  { label: "Vendeur en boutique solidaire", csp: "employes", women: 0.65 },
  { label: "Agent d'accueil", csp: "employes", women: 0.7 },
  { label: "Assistant administratif", csp: "employes", women: 0.85 },
  { label: "Agent de sécurité", csp: "employes", women: 0.15 },
  { label: "Mécanicien cycles", csp: "ouvriers", women: 0.1 },
  { label: "Menuisier", csp: "ouvriers", women: 0.07 },
  { label: "Encadrant technique", csp: "techniciens_agents_maitrise", women: 0.35 },
  { label: "Chef d'équipe", csp: "techniciens_agents_maitrise", women: 0.3 },
  { label: "Moniteur d'atelier", csp: "techniciens_agents_maitrise", women: 0.4 },
  { label: "Chargé d'insertion professionnelle", csp: "techniciens_agents_maitrise", women: 0.8 },
  { label: "Conseiller en insertion", csp: "techniciens_agents_maitrise", women: 0.75 },
  { label: "Comptable", csp: "techniciens_agents_maitrise", women: 0.8 },
  { label: "Responsable de site", csp: "ingenieurs_cadres", women: 0.4 },
  { label: "Directeur", csp: "ingenieurs_cadres", women: 0.45 },
  { label: "Responsable administratif et financier", csp: "ingenieurs_cadres", women: 0.6 },
  { label: "Coordinateur de projets", csp: "ingenieurs_cadres", women: 0.55 },
  { label: "Psychologue du travail", csp: "ingenieurs_cadres", women: 0.85 },
];

const SITES = ["Lille", "Roubaix", "Tourcoing", "Lens", "Arras", "Béthune", "Douai", "Valenciennes"];

/** Full-time annual gross pay by CSP, in euros: base and spread. */
const PAY: Record<IndexCsp, [number, number]> = {
  ouvriers: [21_000, 4_000],
  employes: [22_000, 5_000],
  techniciens_agents_maitrise: [29_000, 7_000],
  ingenieurs_cadres: [45_000, 15_000],
};

/** A generated person: the staff row and the age in years it came from (for the CSV). */
export interface GeneratedPerson {
  row: StaffRow;
  age: number;
}

/**
 * `count` people from `seed`: jobs (240 labels: 30 jobs × 8 sites), populations, CSP, ages 18–66,
 * part-time shares, months present (a fifth present part of the year), pay with a small gap, raises,
 * promotions and maternity returns. Same seed, same people.
 */
export function generatePeople(count: number, seed = 20_251_231): GeneratedPerson[] {
  const rand = mulberry32(seed);
  // The pay-transparency columns draw from their own stream, so the other columns stay as they were.
  const payRand = mulberry32(seed ^ 0x5bd1e995);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const people: GeneratedPerson[] = [];
  for (let i = 0; i < count; i++) {
    const job = pick(JOBS);
    const sex = rand() < job.women ? "F" : "H";
    const permanent = job.csp === "ingenieurs_cadres" || job.csp === "techniciens_agents_maitrise" || rand() < 0.15;
    const age = 18 + Math.floor(rand() * 49);
    const timeShare = rand() < 0.6 ? 1 : pick([0.5, 0.6, 0.7, 0.8, 0.9, 26 / 35]);
    const monthsPresent = rand() < 0.8 ? 12 : pick([3, 4.5, 6, 7, 8.5, 9, 10, 11]);
    const [base, spread] = PAY[job.csp];
    const fullTime = base + rand() * spread * (sex === "H" ? 1.05 : 1);
    const annualGrossPay = Math.round(fullTime * timeShare * (monthsPresent / 12) * 100) / 100;
    const maternityReturn = sex === "F" && rand() < 0.03;
    people.push({
      age,
      row: {
        sex,
        job: `${job.label} ${pick(SITES)}`,
        population: permanent ? "permanent" : "parcours",
        csp: job.csp,
        ageBand: ageBandOf(age),
        timeShare,
        monthsPresent,
        annualGrossPay,
        raised: rand() < 0.3,
        promoted: rand() < 0.05,
        maternityReturn,
        raisedOnReturn: maternityReturn && rand() < 0.7,
        raisesDuringLeave: maternityReturn ? rand() < 0.9 : null,
        coefficient: null,
        ...payColumns(payRand, annualGrossPay, timeShare, job.label, sex),
      },
    });
  }
  return people;
}

/**
 * The optional pay-transparency columns of a person: a variable part for about a third of people
 * (men slightly more often), contractual weekly hours from the time share (some left empty), the
 * job as category of equal value, seniority 0–20 years.
 */
function payColumns(rand: () => number, annualGrossPay: number, timeShare: number, job: string, sex: "F" | "H") {
  const variableShare = rand() < (sex === "H" ? 0.38 : 0.3) ? 0.02 + rand() * 0.08 : 0;
  const variablePay = Math.round(annualGrossPay * variableShare * 100) / 100;
  return {
    basePay: Math.round((annualGrossPay - variablePay) * 100) / 100,
    variablePay,
    weeklyHours: rand() < 0.9 ? Math.round(timeShare * 35 * 10) / 10 : null,
    payCategory: job,
    seniorityYears: Math.floor(rand() * 21),
  };
}

/** The rows of generatePeople. */
export function generateStaffRows(count: number, seed?: number): StaffRow[] {
  return generatePeople(count, seed).map((p) => p.row);
}

const CSP_WORDS: Record<IndexCsp, string> = {
  ouvriers: "ouvrier",
  employes: "employé",
  techniciens_agents_maitrise: "technicien",
  ingenieurs_cadres: "cadre",
};

/** « 21 450,50 »: French decimal comma and space thousands separator. */
function frenchAmount(n: number): string {
  const [int, dec] = n.toFixed(2).split(".");
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, " ")},${dec}`;
}

const yesNo = (b: boolean | null) => (b === null ? "" : b ? "oui" : "non");

/**
 * `count` people as a staff-file CSV as Excel writes it in France: header line, « ; » separator,
 * CRLF, decimal commas (« 0,8 », « 9,5 », « 21 450,50 »), percentages (« 80 % »), ages in years.
 */
export function staffCsvText(count: number, seed?: number): string {
  const header = [
    "Sexe",
    "Emploi",
    "Population",
    "CSP",
    "Âge",
    "Temps de travail",
    "Mois de présence",
    "Rémunération annuelle brute",
    "Augmentation",
    "Promotion",
    "Retour de congé maternité",
    "Augmentée au retour",
    "Augmentations pendant le congé",
  ].join(";");
  const lines = [header];
  for (const [i, { row, age }] of generatePeople(count, seed).entries()) {
    const time = i % 2 === 0 ? `${Math.round(row.timeShare * 100)} %` : String(Math.round(row.timeShare * 100) / 100).replace(".", ",");
    lines.push(
      [
        row.sex,
        row.job,
        row.population,
        CSP_WORDS[row.csp],
        String(age),
        time,
        String(row.monthsPresent).replace(".", ","),
        frenchAmount(row.annualGrossPay),
        yesNo(row.raised),
        yesNo(row.promoted),
        yesNo(row.maternityReturn),
        yesNo(row.raisedOnReturn),
        yesNo(row.raisesDuringLeave),
      ].join(";"),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
