/**
 * What the plan and support modules read from a diagnostic. The mixity and Index results are
 * described here by minimal structural types (only the fields read), so that the results of
 * computeMixity (diagnostics/mixity.ts) and computeIndex (diagnostics/index/) are assignable to
 * them without this module importing either.
 */
import type { Answers } from "../questionnaire.ts";
import type { DiagnosticScores } from "../scoring.ts";
import type { Profile } from "../types.ts";

/** Mixity class of a job (DOMAIN.md §5.1: « mixte » when 40 % ≤ share of women ≤ 60 %, bounds inclusive). */
export type MixityClassId = "mixte" | "feminin" | "masculin";

/** One job of a mixity result (one label and one population). */
export interface MixityJobSummary {
  readonly label: string;
  /** "permanent" or "parcours"; any other value (e.g. a combined row) is ignored when counting jobs. */
  readonly population?: string | null;
  /** null when nobody holds the job. */
  readonly class: MixityClassId | null;
  /** Fewer than 5 people: to read with care (UX.md). */
  readonly lowHeadcount?: boolean;
  readonly women?: number | null;
  readonly men?: number | null;
}

/** The part of computeMixity's result read by the plan and support modules. */
export interface MixitySummary {
  readonly jobs: readonly MixityJobSummary[];
}

/** One indicator of an Index result. */
export interface IndexIndicatorSummary {
  readonly calculable: boolean;
  /** Points counted; null when not calculable. */
  readonly points: number | null;
  /** Maximum points of the indicator; INDEX_INDICATOR_MAX_POINTS applies when absent. */
  readonly maxPoints?: number;
}

/** The part of computeIndex's result read by the plan and support modules (INDEX-RULES.md §1). */
export interface IndexSummary {
  /** True for a structure under 50: the estimate is indicative only. */
  readonly indicative?: boolean;
  readonly index: { readonly calculable: boolean; readonly value: number | null };
  /** Indicator 1; `value` is the absolute pay gap in %, 1 decimal. */
  readonly pay?: (IndexIndicatorSummary & { readonly value?: number | null }) | null;
  /** 50–250 only. */
  readonly raisesAndPromotions?: IndexIndicatorSummary | null;
  /** 251+ only. */
  readonly raises?: IndexIndicatorSummary | null;
  /** 251+ only. */
  readonly promotions?: IndexIndicatorSummary | null;
  /** `ratePctDeclared` is the integer percentage of returnees raised. */
  readonly maternity?: (IndexIndicatorSummary & { readonly ratePctDeclared?: number | null }) | null;
  readonly top10?: IndexIndicatorSummary | null;
}

export const INDEX_INDICATOR_IDS = ["pay", "raisesAndPromotions", "raises", "promotions", "maternity", "top10"] as const;
export type IndexIndicatorId = (typeof INDEX_INDICATOR_IDS)[number];

/**
 * Maximum points of each Index indicator (Code du travail D1142-2 and annexes; DOMAIN.md §3):
 * pay 40; raises incl. promotions 35 (50–250); raises 20 and promotions 15 (251+); maternity 15; top 10: 10.
 */
export const INDEX_INDICATOR_MAX_POINTS: Readonly<Record<IndexIndicatorId, number>> = {
  pay: 40,
  raisesAndPromotions: 35,
  raises: 20,
  promotions: 15,
  maternity: 15,
  top10: 10,
};

/** French names of the Index indicators, for reasons. */
export const INDEX_INDICATOR_LABELS: Readonly<Record<IndexIndicatorId, string>> = {
  pay: "écart de rémunération",
  raisesAndPromotions: "écart de taux d'augmentations individuelles",
  raises: "écart de taux d'augmentations individuelles",
  promotions: "écart de taux de promotions",
  maternity: "augmentations au retour de congé de maternité",
  top10: "nombre de femmes parmi les 10 plus hautes rémunérations",
};

/**
 * Index below this value: the structure must set and publish objectifs de progression for each
 * indicator not at its maximum (Code du travail L1142-9-1, loi Rixain 2021; décret 2022-243; DOMAIN.md §2.6).
 */
export const INDEX_PROGRESS_OBJECTIVES_BELOW = 85;

/**
 * Index below this value: mesures de correction et de rattrapage are mandatory, to reach 75 within
 * 3 years (Code du travail L1142-9; DOMAIN.md §2.6).
 */
export const INDEX_CORRECTIVE_MEASURES_BELOW = 75;

/**
 * Share of women (%) under which a job, a board or a population is not mixed — the lower bound of the
 * 40–60 % mixity band (UDES 2022 guide quoted by the DREETS panorama; DOMAIN.md §5.1). Used for
 * wording and for the profile triggers; the class of each job comes from computeMixity.
 */
export const MIXITY_LOWER_PCT = 40;
/** Upper bound (%) of the mixity band, see MIXITY_LOWER_PCT. */
export const MIXITY_UPPER_PCT = 60;

/** Everything a recommendation is drawn from: one structure's diagnostic for one year. */
export interface DiagnosticInput {
  readonly profile: Profile;
  readonly answers: Answers;
  readonly scores: DiagnosticScores;
  readonly mixity?: MixitySummary | null;
  readonly index?: IndexSummary | null;
}
