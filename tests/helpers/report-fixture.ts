/**
 * A realistic diagnostic for the PDF tests and the benchmark: a 24-person ACI with 6 jobs (parity
 * overall, 2 mixed jobs, small headcounts), answers to every question, an Index estimate, and an
 * annual plan of 8 actions over 4 domains with French characters everywhere (é è ê à ç œ « » ’ €
 * ≥ and no-break spaces).
 */
import { INDEX_AGE_BANDS, INDEX_CSPS, type IndexInput } from "../../diagnostics/index/index.ts";
import type { Plan, PlanAction } from "../../diagnostics/plan/index.ts";
import { DONT_KNOW, QUESTIONS, type AnswerValue, type Answers } from "../../diagnostics/questionnaire.ts";
import type { ResultsInput } from "../../diagnostics/results.ts";
import type { StaffRow } from "../../diagnostics/staff-file/index.ts";
import type { Profile } from "../../diagnostics/types.ts";

export const FIXTURE_STRUCTURE = {
  name: "Les Jardins de l'Œuvre – Chantier « Ça pousse »",
  siret: "73282932000074",
  type: "ACI" as const,
  commune: "Douai",
  departement: "59",
};

/** The profile as stored by the Profil step (the département comes from the structure). */
export const FIXTURE_PROFILE_STORED = {
  structureType: "ACI",
  headcountBand: "moins_50",
  permanentWomen: 3,
  permanentMen: 3,
  parcoursWomen: 9,
  parcoursMen: 9,
  hasCse: true,
  hasDelegueSyndical: false,
  existingAgreement: "aucun",
} as const;

export const FIXTURE_PROFILE: Profile = { ...FIXTURE_PROFILE_STORED, departement: "59" };

/** 24 people, 6 jobs: 12 women and 12 men, 2 mixed jobs, 3 jobs under 5 people. */
export const FIXTURE_JOBS = [
  { label: "Encadrant·e technique", population: "permanent", women: 1, men: 2, womenFte: 1, menFte: 2 },
  { label: "Conseillère en insertion professionnelle", population: "permanent", women: 2, men: 1, womenFte: 1.8, menFte: 1 },
  { label: "Agent d’entretien des espaces verts", population: "parcours", women: 1, men: 6, womenFte: 0.8, menFte: 4.8 },
  { label: "Maraîchère, maraîcher", population: "parcours", women: 2, men: 2, womenFte: 1.5, menFte: 1.6 },
  { label: "Agent·e de tri textile", population: "parcours", women: 5, men: 0, womenFte: 3.7, menFte: 0 },
  { label: "Vendeuse en boutique solidaire", population: "parcours", women: 1, men: 1, womenFte: 0.7, menFte: 0.8 },
] as const;

/** Every applicable question answered: ynp cycling through oui / en partie / non, figures « Je ne sais pas » one in three. */
export function fixtureAnswers(): Answers {
  const answers: Record<string, AnswerValue> = {};
  QUESTIONS.forEach((q, i) => {
    if (q.kind === "ynp") answers[q.id] = (["oui", "en_partie", "non"] as const)[i % 3];
    else if (q.kind === "number" || q.kind === "percentage") answers[q.id] = i % 3 === 0 ? DONT_KNOW : 20;
    else if (q.kind === "single") answers[q.id] = q.options[0].value;
    else answers[q.id] = [q.options[0].value];
  });
  return answers;
}

/** An Index input (50–250 band rules, estimated « below 50 »): one group of ouvriers aged 30–39. */
export function fixtureIndexInput(): IndexInput {
  const workforce = INDEX_CSPS.flatMap((csp) =>
    INDEX_AGE_BANDS.map((ageBand) => {
      const inGroup = csp === "ouvriers" && ageBand === "30-39";
      return { csp, ageBand, women: inGroup ? 9 : 0, men: inGroup ? 9 : 0 };
    }),
  );
  return {
    sizeBand: "50-250",
    workforce,
    pay: {
      classification: "csp",
      groups: workforce.map((w) => ({ category: w.csp, ageBand: w.ageBand, women: w.women, men: w.men, avgPayWomen: w.women ? 19_800 : null, avgPayMen: w.men ? 20_600 : null })),
    },
    raisesAndPromotions: { happened: true, raisedWomen: 4, raisedMen: 5 },
    maternity: null,
    top10: { women: 3, men: 7 },
  };
}

export function fixtureResultsInput(year = 2026): ResultsInput {
  return {
    year,
    profile: FIXTURE_PROFILE,
    structureType: "ACI",
    jobs: FIXTURE_JOBS.map((j) => ({ ...j })),
    answers: fixtureAnswers(),
    index: { source: "saisie", data: fixtureIndexInput(), skipReason: null },
  };
}

function action(id: string, fields: Partial<PlanAction> & Pick<PlanAction, "domain" | "title">): PlanAction {
  return {
    id,
    objective: "",
    indicator: { label: "", unit: "%", baseline: null, target: null },
    deadline: "2026-12-31",
    owner: "Direction",
    costEuros: null,
    costDays: 2,
    barriers: [],
    supportOrganizationId: null,
    status: "prevue",
    followUpNote: "",
    measuredValue: null,
    ...fields,
  };
}

/** An annual plan d'action of 8 actions in 4 domains (rémunération included) that checkPlan accepts. */
export function fixturePlan(): Plan {
  return {
    kind: "plan_action",
    periodStart: "2026-01-01",
    periodEnd: "2026-12-31",
    actions: [
      action("a1", {
        domain: "embauche",
        title: "Demander des candidatures mixtes aux prescripteurs",
        objective: "≥ 30\u00a0% de femmes parmi les candidatures sur les espaces verts",
        indicator: { label: "part de femmes parmi les candidatures sur les espaces verts", unit: "%", baseline: 14, target: 30 },
        deadline: "2026-06-30",
        owner: "CIP",
        costDays: 3,
        supportOrganizationId: "corif",
      }),
      action("a2", {
        domain: "embauche",
        title: "Visites de chantier et immersions pour les femmes",
        objective: "Faire découvrir le maraîchage et les espaces verts à 12 femmes orientées par le CIDFF",
        indicator: { label: "femmes accueillies en immersion", unit: "personnes", baseline: 2, target: 12 },
        deadline: "2026-09-30",
        owner: "Encadrante technique",
        costEuros: 1200,
        costDays: 4,
        barriers: ["confiance", "mobilite"],
        supportOrganizationId: "cidff",
      }),
      action("a3", {
        domain: "conditions_travail",
        title: "Vestiaires et sanitaires séparés sur chaque chantier",
        objective: "Chaque chantier dispose d'un vestiaire et de toilettes pour les femmes",
        indicator: { label: "chantiers équipés", unit: "chantiers", baseline: 1, target: 3 },
        deadline: "2026-10-31",
        owner: "Direction",
        costEuros: 4500,
        costDays: null,
      }),
      action("a4", {
        domain: "conditions_travail",
        title: "Équipements de protection aux tailles des femmes",
        objective: "Des chaussures et gants en tailles 36 à 39 disponibles en stock",
        indicator: { label: "tailles féminines disponibles", unit: "%", baseline: 20, target: 100 },
        deadline: "2026-03-31",
        owner: "Encadrant technique",
        costEuros: 800,
        status: "realisee",
        measuredValue: 100,
      }),
      action("a5", {
        domain: "remuneration",
        title: "Comparer les salaires horaires et mensuels des femmes et des hommes",
        objective: "Un écart de salaire horaire expliqué ou corrigé, poste par poste",
        indicator: { label: "écart de salaire horaire moyen", unit: "%", baseline: 4, target: 0 },
        deadline: "2026-04-30",
        owner: "Direction et comptable",
        costDays: 2,
        status: "en_cours",
      }),
      action("a6", {
        domain: "remuneration",
        title: "Proposer des heures en plus aux salariées à temps partiel subi",
        objective: "Réduire de façon durable le temps partiel subi des agentes de tri",
        indicator: { label: "salariées à temps partiel subi", unit: "personnes", baseline: 4, target: 1 },
        deadline: "2026-12-31",
        owner: "Direction",
        costEuros: 6000,
        barriers: ["temps_partiel_subi"],
      }),
      action("a7", {
        domain: "articulation",
        title: "Horaires compatibles avec l’école et solutions de garde",
        objective: "Des horaires 9 h – 16 h 30 pour les parents qui le demandent, une place en crèche à vocation d’insertion",
        indicator: { label: "demandes d'horaires adaptés satisfaites", unit: "%", baseline: 50, target: 90 },
        deadline: "2026-09-01",
        owner: "CIP",
        costDays: 1,
        barriers: ["garde_enfants"],
      }),
      action("a8", {
        domain: "articulation",
        title: "Aide au permis et à la mobilité (main-d’œuvre sans voiture)",
        objective: "Financer le permis de 4 salariées en parcours",
        indicator: { label: "permis financés pour des femmes", unit: "personnes", baseline: 0, target: 4 },
        deadline: "2026-11-30",
        owner: "CIP",
        costEuros: 5200,
        barriers: ["mobilite"],
      }),
    ],
  };
}

/** The staff file of the 18 people in pathways and 6 permanent staff behind FIXTURE_JOBS (time shares and months vary). */
export function fixtureStaffRows(): StaffRow[] {
  const rows: StaffRow[] = [];
  const person = (sex: "F" | "H", job: string, population: "permanent" | "parcours", timeShare: number, monthsPresent: number): StaffRow => ({
    sex,
    job,
    population,
    csp: population === "permanent" ? "techniciens_agents_maitrise" : "ouvriers",
    ageBand: "30-39",
    timeShare,
    monthsPresent,
    annualGrossPay: 18_000 * timeShare * (monthsPresent / 12),
    raised: false,
    promoted: false,
    maternityReturn: false,
    raisedOnReturn: null,
    raisesDuringLeave: null,
    coefficient: null,
  });
  for (const j of FIXTURE_JOBS) {
    for (let i = 0; i < j.women; i++) rows.push(person("F", j.label, j.population, j.population === "parcours" ? 0.74 : 0.9, 12));
    for (let i = 0; i < j.men; i++) rows.push(person("H", j.label, j.population, j.population === "parcours" ? 0.8 : 1, i % 2 === 0 ? 12 : 8));
  }
  return rows;
}
