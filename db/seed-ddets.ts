/**
 * Synthetic but valid diagnostics of inclusive structures, for the DDETS demo (a dozen structures of
 * the Nord and the Pas-de-Calais), the DDETS tests and the dashboard benchmark: profiles, jobs tables
 * that match them, answers to every applicable question, an Index input from 50 employees, and
 * action plans made of catalogue actions. Deterministic: everything comes from a seeded PRNG.
 */
import { eq } from "drizzle-orm";
import type { DbOrTx } from "./client.ts";
import { newId } from "./ids.ts";
import { insertOrganization } from "./queries/organizations.ts";
import { actionPlans, diagnosticAnswers, diagnostics, organizations, planActions } from "./schema.ts";
import { INDEX_AGE_BANDS, INDEX_CSPS, parseIndexInput, type IndexInput } from "../diagnostics/index/index.ts";
import { ACTION_CATALOGUE, draftPlanAction } from "../diagnostics/plan/index.ts";
import { applicableQuestions, DONT_KNOW, type AnswerValue, type Question } from "../diagnostics/questionnaire.ts";
import type { HeadcountBand, Profile, StructureType } from "../diagnostics/types.ts";
import { seededRandom } from "./seeded-random.ts";

type Rng = () => number;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pickOne = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

/** Job titles of inclusive structures with the usual share of women (0–1). */
const PARCOURS_JOBS: readonly [string, number][] = [
  ["Agent d'espaces verts", 0.12],
  ["Agent de tri textile", 0.6],
  ["Ouvrier du bâtiment", 0.05],
  ["Maraîcher", 0.4],
  ["Agent d'entretien", 0.75],
  ["Préparateur de commandes", 0.25],
  ["Aide à domicile", 0.9],
  ["Agent de restauration", 0.55],
  ["Employé de blanchisserie", 0.8],
  ["Agent de recyclerie", 0.35],
];
const PERMANENT_JOBS: readonly [string, number][] = [
  ["Encadrant technique", 0.3],
  ["Conseillère en insertion professionnelle", 0.8],
  ["Direction", 0.5],
  ["Assistant administratif", 0.85],
  ["Chargé d'accompagnement", 0.7],
];

/** Splits `n` people over jobs of the list, women by each job's usual share (with noise); returns jobs table rows. */
function jobsOf(rng: Rng, list: readonly [string, number][], population: "permanent" | "parcours", women: number, men: number) {
  const count = Math.min(list.length, Math.max(1, Math.round((women + men) / 6)), 5);
  const chosen = [...list].sort(() => rng() - 0.5).slice(0, count);
  const rows = chosen.map(([label]) => ({ label, population, women: 0, men: 0 }));
  // Women and men go to jobs in proportion to each job's usual share of women (or of men).
  const weighted = (sex: "women" | "men") => chosen.map(([, share]) => (sex === "women" ? share : 1 - share) + 0.05);
  const place = (n: number, sex: "women" | "men") => {
    const w = weighted(sex);
    const total = w.reduce((s, x) => s + x, 0);
    for (let i = 0; i < n; i++) {
      let r = rng() * total;
      let j = 0;
      while (j < w.length - 1 && r >= w[j]) r -= w[j++];
      rows[j][sex] += 1;
    }
  };
  place(women, "women");
  place(men, "men");
  return rows.filter((r) => r.women + r.men > 0);
}

/** A valid profile of a structure of `type` (under 50 unless `fiftyPlus`). */
export function makeProfile(rng: Rng, type: StructureType, fiftyPlus: boolean): Profile {
  const parcours = fiftyPlus ? int(rng, 45, 120) : int(rng, 8, 36);
  const permanent = fiftyPlus ? int(rng, 8, 20) : int(rng, 3, 9);
  const parcoursShare = pickOne(rng, [0.15, 0.3, 0.45, 0.55, 0.7, 0.85]) + (rng() - 0.5) * 0.1;
  const parcoursWomen = Math.max(0, Math.min(parcours, Math.round(parcours * parcoursShare)));
  const permanentWomen = Math.round(permanent * (0.4 + rng() * 0.35));
  const total = parcours + permanent;
  const band: HeadcountBand = total < 50 ? "moins_50" : total <= 250 ? "50_250" : total < 300 ? "251_299" : "300_plus";
  return {
    structureType: type,
    headcountBand: band,
    permanentWomen,
    permanentMen: permanent - permanentWomen,
    parcoursWomen,
    parcoursMen: parcours - parcoursWomen,
    hasCse: total >= 11 && rng() < 0.8,
    hasDelegueSyndical: total >= 50 && rng() < 0.4,
    existingAgreement: pickOne(rng, ["aucun", "aucun", "plan", "accord"] as const),
  };
}

/** Jobs table rows that add up to the profile's headcounts. */
export function makeJobs(rng: Rng, profile: Profile) {
  return [
    ...jobsOf(rng, PERMANENT_JOBS, "permanent", profile.permanentWomen, profile.permanentMen),
    ...jobsOf(rng, PARCOURS_JOBS, "parcours", profile.parcoursWomen, profile.parcoursMen),
  ];
}

function answerOf(rng: Rng, q: Question, maturity: number): AnswerValue {
  if (rng() < 0.08) return DONT_KNOW;
  switch (q.kind) {
    case "ynp": {
      const r = rng() * 0.6 + maturity * 0.6;
      return r > 0.75 ? "oui" : r > 0.45 ? "en_partie" : "non";
    }
    case "number": {
      const xs = q.scoring.points.map(([x]) => x).filter((x) => x >= q.min && x <= q.max);
      const x = xs.length ? xs[Math.min(xs.length - 1, Math.floor(maturity * xs.length * (0.6 + rng() * 0.6)))] : q.min;
      return q.integer ? Math.round(x) : x;
    }
    case "percentage":
      return Math.round(Math.min(100, Math.max(0, maturity * 80 + rng() * 30)));
    case "single":
      return pickOne(rng, q.options).value;
    case "multiple": {
      const open = q.options.filter((o) => !o.exclusive);
      if (open.length === 0 || rng() < 0.15) return [pickOne(rng, q.options).value];
      const n = int(rng, 1, Math.min(3, open.length));
      return [...open].sort(() => rng() - 0.5).slice(0, n).map((o) => o.value);
    }
  }
}

/** An answer to every question asked to this profile; `maturity` 0–1 pulls the answers towards « oui ». */
export function makeAnswers(rng: Rng, profile: Profile, maturity: number): Record<string, AnswerValue> {
  return Object.fromEntries(applicableQuestions(profile).map((q) => [q.id, answerOf(rng, q, maturity)]));
}

/** A valid Index input (50–250 rules) for the profile's permanent and pathway staff; null when the engine refuses it. */
export function makeIndexInput(rng: Rng, profile: Profile): IndexInput | null {
  const women = profile.permanentWomen + profile.parcoursWomen;
  const men = profile.permanentMen + profile.parcoursMen;
  const cells = INDEX_CSPS.flatMap((csp) => INDEX_AGE_BANDS.map((ageBand) => ({ csp, ageBand })));
  // Most people are ouvriers / employés; a few technicians and managers.
  const weights = cells.map((c) => (c.csp === "ouvriers" ? 4 : c.csp === "employes" ? 3 : c.csp === "techniciens_agents_maitrise" ? 1 : 0.4));
  const spread = (n: number) => {
    const out = cells.map(() => 0);
    const total = weights.reduce((s, w) => s + w, 0);
    for (let i = 0; i < n; i++) {
      let r = rng() * total;
      let j = 0;
      while (j < weights.length - 1 && r >= weights[j]) r -= weights[j++];
      out[j] += 1;
    }
    return out;
  };
  const w = spread(women);
  const m = spread(men);
  const gap = 1 - (rng() * 0.12 - 0.02);
  const basePay = { ouvriers: 20_500, employes: 21_500, techniciens_agents_maitrise: 27_000, ingenieurs_cadres: 38_000 } as const;
  const input = {
    sizeBand: "50-250" as const,
    workforce: cells.map((c, i) => ({ csp: c.csp, ageBand: c.ageBand, women: w[i], men: m[i] })),
    pay: {
      classification: "csp" as const,
      groups: cells.map((c, i) => ({
        category: c.csp,
        ageBand: c.ageBand,
        women: w[i],
        men: m[i],
        avgPayWomen: w[i] > 0 ? Math.round(basePay[c.csp] * gap) : null,
        avgPayMen: m[i] > 0 ? basePay[c.csp] : null,
      })),
    },
    raisesAndPromotions: { happened: true, raisedWomen: Math.round(women * (0.2 + rng() * 0.3)), raisedMen: Math.round(men * (0.2 + rng() * 0.3)) },
    maternity: rng() < 0.5 ? null : { returned: 2, raisedOnReturn: rng() < 0.7 ? 2 : 1 },
    top10: (() => {
      const tw = int(rng, 2, 6);
      return { women: tw, men: 10 - tw };
    })(),
  };
  const parsed = parseIndexInput(input);
  return parsed.ok ? parsed.value : null;
}

/** Catalogue action ids for a plan: two to five actions, rémunération always among them (R2242-2). */
export function makePlanActionIds(rng: Rng): string[] {
  const n = int(rng, 2, 5);
  const pool = [...ACTION_CATALOGUE].sort(() => rng() - 0.5);
  const ids = new Set<string>([pool.find((a) => a.domain === "remuneration")!.id]);
  for (const a of pool) {
    if (ids.size >= n) break;
    // The demo favours a few popular actions, as real plans do.
    if (rng() < 0.5 || ids.size === 0) ids.add(a.id);
  }
  return [...ids];
}

/** The stored data of a plan action drafted from the catalogue (the plan editor's shape: PlanAction without id, plus catalogueId). */
export function planActionData(catalogueId: string, year: number): Record<string, unknown> {
  const action = ACTION_CATALOGUE.find((a) => a.id === catalogueId)!;
  const { id: _id, ...rest } = draftPlanAction(action, { periodStart: `${year + 1}-01-01`, periodEnd: `${year + 3}-12-31` });
  return { ...rest, catalogueId };
}

/** One diagnostic's documents: profile, jobs, answers, Index step. */
export function makeDiagnosticDocuments(rng: Rng, type: StructureType, fiftyPlus: boolean, maturity: number) {
  const profile = makeProfile(rng, type, fiftyPlus);
  const jobs = makeJobs(rng, profile);
  const answers = makeAnswers(rng, profile, maturity);
  const indexInput = fiftyPlus ? makeIndexInput(rng, profile) : null;
  return {
    profile,
    jobs,
    answers,
    indexSource: indexInput ? ("saisie" as const) : ("ignore" as const),
    indexData: indexInput as unknown as Record<string, unknown> | null,
    indexSkipReason: indexInput ? null : "Moins de 50 salariés : l'Index n'est pas obligatoire.",
  };
}

export interface SeedStructure {
  name: string;
  type: StructureType;
  departement: string;
  commune: string;
  siret: string;
  registeredAt: Date;
  fiftyPlus?: boolean;
  /** Per reference year: status, and whether the diagnostic has an action plan. */
  diagnostics: { year: number; status: "brouillon" | "termine"; plan?: boolean }[];
}

/** Inserts structures (no member) with their diagnostics, answers and plans, in the caller's transaction. */
export async function insertSeedStructures(tx: DbOrTx, structures: readonly SeedStructure[], seed: number) {
  const rng = seededRandom(seed);
  const ids: string[] = [];
  for (const s of structures) {
    const { id } = await insertOrganization(tx, { kind: "structure", name: s.name, siret: s.siret, structureType: s.type, departement: s.departement, commune: s.commune });
    await tx.update(organizations).set({ createdAt: s.registeredAt }).where(eq(organizations.id, id));
    ids.push(id);
    for (const d of s.diagnostics) {
      const docs = makeDiagnosticDocuments(rng, s.type, s.fiftyPlus ?? false, rng());
      const diagnosticId = newId();
      const at = new Date(Date.UTC(d.year + 1, 2, 15));
      await tx.insert(diagnostics).values({
        id: diagnosticId,
        organizationId: id,
        year: d.year,
        status: d.status,
        profile: docs.profile as unknown as Record<string, unknown>,
        profileVersion: 1,
        jobs: docs.jobs,
        jobsVersion: 1,
        indexSource: docs.indexSource,
        indexData: docs.indexData,
        indexSkipReason: docs.indexSkipReason,
        indexVersion: 1,
        updatedAt: at,
        finishedAt: d.status === "termine" ? at : null,
      });
      const answers = Object.entries(docs.answers);
      if (answers.length) await tx.insert(diagnosticAnswers).values(answers.map(([questionId, value]) => ({ diagnosticId, questionId, value, updatedAt: at })));
      if (d.plan) {
        const planId = newId();
        await tx.insert(actionPlans).values({ id: planId, organizationId: id, diagnosticId, kind: "plan_action", periodStart: `${d.year + 1}-01-01`, periodEnd: `${d.year + 3}-12-31` });
        const actionIds = makePlanActionIds(rng);
        await tx.insert(planActions).values(actionIds.map((catalogueId, position) => ({ id: newId(), planId, position, data: planActionData(catalogueId, d.year) })));
      }
    }
  }
  return ids;
}

/** A valid SIRET (Luhn) built from a number, for seeded structures. */
export function seedSiret(n: number): string {
  const base = `9${String(n).padStart(12, "0")}`;
  for (let d = 0; d < 10; d++) {
    const candidate = base + d;
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      let x = Number(candidate[13 - i]);
      if (i % 2 === 1) {
        x *= 2;
        if (x > 9) x -= 9;
      }
      sum += x;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error("unreachable");
}

const DEMO_NAMES: readonly [string, StructureType, string, string][] = [
  ["Recyclerie du Val de Scarpe", "ACI", "59", "Douai"],
  ["Jardins de Cocagne de la Lys", "ACI", "59", "Armentières"],
  ["Chantier Nature de l'Avesnois", "ACI", "59", "Maubeuge"],
  ["Atelier Couture Solidaire", "ACI", "59", "Roubaix"],
  ["Les Potagers du Cambrésis", "ACI", "59", "Cambrai"],
  ["Bâtir Ensemble Flandre", "EI", "59", "Dunkerque"],
  ["Net Services Insertion", "EI", "59", "Lille"],
  ["Tremplin Services", "AI", "59", "Valenciennes"],
  ["ESAT Les Ateliers du Hainaut", "ESAT", "59", "Valenciennes"],
  ["Ressourcerie du Littoral", "ACI", "62", "Boulogne-sur-Mer"],
  ["Chantier des Deux Caps", "ACI", "62", "Calais"],
  ["Artois Propreté Insertion", "EI", "62", "Arras"],
  ["Coup de Main Bassin Minier", "AI", "62", "Lens"],
  ["GEIQ BTP Côte d'Opale", "GEIQ", "62", "Calais"],
];

/**
 * The DDETS demo's structures (Nord and Pas-de-Calais, no member: the DDETS sees them, nobody signs
 * in as them): diagnostics 2024 and 2025, most finished, some with a plan.
 */
export function demoStructures(): SeedStructure[] {
  return DEMO_NAMES.map(([name, type, departement, commune], i) => ({
    name: `${name} (démo)`,
    type,
    departement,
    commune,
    siret: seedSiret(1000 + i),
    registeredAt: new Date(Date.UTC(i < 6 ? 2024 : 2025, (i * 5) % 12, 10)),
    fiftyPlus: i % 4 === 1,
    diagnostics: [
      ...(i < 8 ? [{ year: 2024, status: "termine" as const, plan: i % 3 === 0 }] : []),
      { year: 2025, status: i % 5 === 4 ? ("brouillon" as const) : ("termine" as const), plan: i % 2 === 0 },
    ],
  }));
}
