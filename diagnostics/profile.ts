/**
 * The structure's profile for a reference year (step 1 of the diagnostic) and the guided path's
 * progress. Pure module: the same schema validates the form and stored data.
 */
import { z } from "zod";
import { HEADCOUNT_BANDS, STRUCTURE_TYPES, type HeadcountBand, type Population, type Profile } from "./types.ts";
import { DOMAIN_IDS, type DomainId } from "./types.ts";
import type { Answers } from "./questionnaire.ts";
import { scoreDomains, toPercentScore } from "./scoring.ts";

const NBSP = "\u00a0";

/** Largest headcount accepted for one population (a typing error guard, far above any SIAE). */
export const PROFILE_MAX_HEADCOUNT = 100_000;

/** `ofWhat` is the complement with its preposition: « de femmes… », « d'hommes… ». */
const count = (ofWhat: string) =>
  z
    .number({ error: `Indiquez le nombre ${ofWhat}, en chiffres (0 s'il n'y en a pas).` })
    .int({ error: `Le nombre ${ofWhat} est un nombre entier.` })
    .min(0, { error: `Le nombre ${ofWhat} ne peut pas être négatif.` })
    .max(PROFILE_MAX_HEADCOUNT, { error: `Le nombre ${ofWhat} semble trop grand${NBSP}: vérifiez la saisie.` });

const optionalCount = (what: string) => count(what).nullable().optional();

const fte = (what: string) =>
  z
    .number({ error: `Indiquez les ETP ${what} en chiffres, par exemple 12,5.` })
    .min(0, { error: `Les ETP ${what} ne peuvent pas être négatifs.` })
    .max(PROFILE_MAX_HEADCOUNT, { error: `Les ETP ${what} semblent trop grands${NBSP}: vérifiez la saisie.` })
    .nullable()
    .optional();

/** The profile's fields, before the cross-field rule (forms extend it with their own field parsing). */
export const ProfileFields = z.object({
    structureType: z.enum(STRUCTURE_TYPES, { error: "Choisissez le type de votre structure." }),
    headcountBand: z.enum(HEADCOUNT_BANDS, { error: "Choisissez la tranche d'effectif de votre structure." }),
    permanentWomen: count("de femmes dans l'équipe permanente"),
    permanentMen: count("d'hommes dans l'équipe permanente"),
    parcoursWomen: count("de femmes en parcours"),
    parcoursMen: count("d'hommes en parcours"),
    permanentFte: fte("de l'équipe permanente"),
    parcoursFte: fte("des personnes en parcours"),
    hasCse: z.boolean({ error: "Indiquez si votre structure a un CSE." }),
    hasDelegueSyndical: z.boolean({ error: "Indiquez si un délégué syndical est désigné." }),
    existingAgreement: z.enum(["aucun", "plan", "accord"], { error: "Indiquez si un accord ou un plan d'action existe déjà." }),
    boardWomen: optionalCount("de femmes au conseil d'administration"),
    boardMen: optionalCount("d'hommes au conseil d'administration"),
    directionWomen: optionalCount("de femmes à la direction"),
    directionMen: optionalCount("d'hommes à la direction"),
    activities: z
      .array(z.string().trim().min(1).max(80, { error: "Une activité s'écrit en 80 caractères au plus." }))
      .max(20, { error: "Indiquez 20 activités au plus." })
      .optional(),
});

/** Cross-field rule: the structure has at least one person. */
export function requireSomeone(
  p: { permanentWomen: number; permanentMen: number; parcoursWomen: number; parcoursMen: number },
  ctx: z.RefinementCtx,
) {
  if (p.permanentWomen + p.permanentMen + p.parcoursWomen + p.parcoursMen === 0) {
    ctx.addIssue({ code: "custom", path: ["permanentWomen"], message: "Indiquez au moins une personne dans l'équipe permanente ou en parcours." });
  }
}

/** Zod schema of the profile (French messages). The département comes from the structure, not the form. */
export const ProfileSchema = ProfileFields.superRefine(requireSomeone);

export type ProfileInput = z.infer<typeof ProfileSchema>;

/** Legal headcount band implied by a headcount (for a warning only: the legal headcount follows L1111-2, which the user knows best). */
export function bandForHeadcount(headcount: number): HeadcountBand {
  if (headcount < 50) return "moins_50";
  if (headcount <= 250) return "50_250";
  if (headcount < 300) return "251_299";
  return "300_plus";
}

/** True from 50 employees: the index, the plan and rémunération effective become obligations. */
export function isFiftyPlus(band: HeadcountBand): boolean {
  return band !== "moins_50";
}

/** Gentle warnings on a valid profile (never blocking). */
export function profileWarnings(profile: Profile): string[] {
  const warnings: string[] = [];
  const total = profile.permanentWomen + profile.permanentMen + profile.parcoursWomen + profile.parcoursMen;
  const implied = bandForHeadcount(total);
  if (implied !== profile.headcountBand) {
    warnings.push(
      `Vous avez indiqué ${total} personne${total > 1 ? "s" : ""} en tout, ce qui ne correspond pas à la tranche d'effectif choisie. ` +
        `C'est possible (l'effectif légal ne compte pas tous les contrats de la même façon), mais vérifiez la tranche${NBSP}: elle décide de vos obligations.`,
    );
  }
  if (profile.structureType === "ESAT" && profile.parcoursWomen + profile.parcoursMen > 0) {
    warnings.push(
      "Les travailleurs accompagnés d'un ESAT ne sont pas des salariés\u00a0: les obligations légales (Index, plan d'action) sont calculées sur l'équipe salariée seulement.",
    );
  }
  return warnings;
}

export interface JobHeadcountRow {
  population: Population;
  women: number;
  men: number;
}

export interface HeadcountMismatch {
  population: Population;
  sex: "women" | "men";
  profile: number;
  jobs: number;
}

/** Differences between the jobs table's totals and the profile's headcounts, per population and sex. */
export function jobsVsProfile(jobs: readonly JobHeadcountRow[], profile: Profile): HeadcountMismatch[] {
  const expected = {
    permanent: { women: profile.permanentWomen, men: profile.permanentMen },
    parcours: { women: profile.parcoursWomen, men: profile.parcoursMen },
  };
  const mismatches: HeadcountMismatch[] = [];
  for (const population of ["permanent", "parcours"] as const) {
    for (const sex of ["women", "men"] as const) {
      const inJobs = jobs.filter((j) => j.population === population).reduce((sum, j) => sum + j[sex], 0);
      if (inJobs !== expected[population][sex]) mismatches.push({ population, sex, profile: expected[population][sex], jobs: inJobs });
    }
  }
  return mismatches;
}

/** The steps of the guided path, in order. */
export const STEP_IDS = ["profil", "emplois", ...DOMAIN_IDS, "index", "resultats"] as const;
export type StepId = (typeof STEP_IDS)[number];

export type StepStatus = "a_faire" | "en_cours" | "fait";

export interface StepProgress {
  id: StepId;
  status: StepStatus;
  /** Domains: share of questions seen (answered or « Je ne sais pas »), 0–100. */
  percent: number;
}

export interface DiagnosticProgress {
  steps: StepProgress[];
  /**
   * Overall progress 0–100: (profile done + jobs done + index step done + questions seen) over
   * (3 + applicable questions), so that each question weighs as much as a short step.
   */
  percent: number;
  /** The first step not done (« reprendre »), or "resultats" when all are done. */
  resumeStep: StepId;
  complete: boolean;
}

/** Progress of a diagnostic; without a valid profile, questions cannot be filtered, so domains count as « à faire ». */
export function diagnosticProgress(input: {
  profile: Profile | null;
  jobsCount: number;
  answers: Answers;
  indexDone: boolean;
}): DiagnosticProgress {
  const scores = input.profile ? scoreDomains(input.answers, input.profile) : null;
  const steps: StepProgress[] = [];
  const simple = (id: StepId, done: boolean): StepProgress => ({ id, status: done ? "fait" : "a_faire", percent: done ? 100 : 0 });
  steps.push(simple("profil", input.profile !== null));
  steps.push(simple("emplois", input.jobsCount > 0));
  for (const domain of DOMAIN_IDS) {
    const d = scores?.domains.find((s) => s.domain === domain);
    const percent = d?.progressPercent ?? 0;
    const status: StepStatus = !d || d.answered + d.unknown === 0 ? "a_faire" : d.unanswered === 0 ? "fait" : "en_cours";
    steps.push({ id: domain as DomainId, status, percent });
  }
  steps.push(simple("index", input.indexDone));
  const seen = scores ? scores.overall.answered + scores.overall.unknown : 0;
  const total = 3 + (scores?.overall.total ?? 0);
  const done = (input.profile ? 1 : 0) + (input.jobsCount > 0 ? 1 : 0) + (input.indexDone ? 1 : 0) + seen;
  const firstOpen = steps.find((s) => s.status !== "fait");
  const complete = firstOpen === undefined;
  steps.push({ id: "resultats", status: complete ? "fait" : "a_faire", percent: complete ? 100 : 0 });
  return { steps, percent: toPercentScore(done / total), resumeStep: firstOpen?.id ?? "resultats", complete };
}
