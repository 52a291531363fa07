/**
 * Types of the action catalogue. Answer triggers are typed from the question bank itself, so that a
 * misspelt question id, option value or ynp value fails compilation.
 */
import type { ARTICULATION_QUESTIONS } from "../questions/articulation.ts";
import type { CLASSIFICATION_QUESTIONS } from "../questions/classification.ts";
import type { CONDITIONS_TRAVAIL_QUESTIONS } from "../questions/conditions-travail.ts";
import type { EMBAUCHE_QUESTIONS } from "../questions/embauche.ts";
import type { FORMATION_QUESTIONS } from "../questions/formation.ts";
import type { PROMOTION_QUESTIONS } from "../questions/promotion.ts";
import type { QUALIFICATION_QUESTIONS } from "../questions/qualification.ts";
import type { REMUNERATION_QUESTIONS } from "../questions/remuneration.ts";
import type { SANTE_SECURITE_QUESTIONS } from "../questions/sante-securite.ts";
import type { DontKnow, QuestionId, YnpValue } from "../questionnaire.ts";
import type { SupportOrganizationId } from "../support/directory.ts";
import type { Barrier, DomainId, Population } from "../types.ts";
import type { IndexIndicatorId } from "./inputs.ts";

/** Every question of the bank with its literal types (kind, options). */
type BankQuestion =
  | (typeof EMBAUCHE_QUESTIONS)[number]
  | (typeof FORMATION_QUESTIONS)[number]
  | (typeof PROMOTION_QUESTIONS)[number]
  | (typeof QUALIFICATION_QUESTIONS)[number]
  | (typeof CLASSIFICATION_QUESTIONS)[number]
  | (typeof CONDITIONS_TRAVAIL_QUESTIONS)[number]
  | (typeof SANTE_SECURITE_QUESTIONS)[number]
  | (typeof REMUNERATION_QUESTIONS)[number]
  | (typeof ARTICULATION_QUESTIONS)[number];

type QuestionById<Id extends QuestionId> = Extract<BankQuestion, { readonly id: Id }>;

type OptionValue<Q> = Q extends { readonly options: readonly (infer O)[] }
  ? O extends { readonly value: infer V }
    ? V
    : never
  : never;

/** Ids of the questions answered with a number or a percentage. */
export type NumericQuestionId = Extract<BankQuestion, { readonly kind: "number" | "percentage" }>["id"];

type TriggerFor<Id extends QuestionId, Q> = Q extends { readonly kind: "ynp" }
  ? { readonly question: Id; readonly is: readonly YnpValue[] }
  : Q extends { readonly kind: "single" }
    ? { readonly question: Id; readonly is: readonly (OptionValue<Q> | DontKnow)[] }
    : Q extends { readonly kind: "multiple" }
      ?
          | { readonly question: Id; readonly is: readonly (OptionValue<Q> | DontKnow)[] }
          | { readonly question: Id; readonly lacks: OptionValue<Q> }
      : Q extends { readonly kind: "number" | "percentage" }
        ?
            | { readonly question: Id; readonly is: readonly DontKnow[] }
            | { readonly question: Id; readonly below: number }
            | { readonly question: Id; readonly atLeast: number }
            | { readonly question: Id; readonly above: number }
        : never;

/**
 * An answer that calls for an action:
 * - `is`: the answer is one of these values (ynp, single choice, « Je ne sais pas »); for a multiple
 *   choice, one of these options is ticked;
 * - `lacks`: a multiple-choice answer (not « Je ne sais pas ») without this option;
 * - `below` / `atLeast` / `above`: a numeric answer < threshold, ≥ threshold, > threshold.
 */
export type AnswerTrigger = { [Id in QuestionId]: TriggerFor<Id, QuestionById<Id>> }[QuestionId];

/** A mixity figure that calls for an action (jobs classed by computeMixity). */
export type MixityTrigger =
  /** At least one job à prédominance masculine (in this population when given). */
  | { readonly kind: "masculine_jobs"; readonly population?: Population }
  /** At least one job à prédominance féminine (in this population when given). */
  | { readonly kind: "feminine_jobs"; readonly population?: Population }
  /** Jobs with people exist and none of them is mixed. */
  | { readonly kind: "no_mixed_job" };

/** An Index result that calls for an action. */
export type IndexTrigger =
  /** The indicator is calculable and below its maximum points. */
  | { readonly kind: "indicator_below_max"; readonly indicator: IndexIndicatorId }
  /** The Index is calculable and below this value. */
  | { readonly kind: "index_below"; readonly threshold: number }
  /** The pay indicator, hence usually the Index, cannot be calculated (groups too small). */
  | { readonly kind: "pay_not_calculable" };

export type ProfileGroup = "parcours" | "permanent" | "board" | "direction";

/** A figure of the structure's profile that calls for an action. */
export type ProfileTrigger = {
  readonly kind: "women_share_below";
  readonly group: ProfileGroup;
  /** Percentage 0–100; the share must be strictly below it. */
  readonly threshold: number;
};

export interface ActionTriggers {
  readonly answers?: readonly AnswerTrigger[];
  readonly mixity?: readonly MixityTrigger[];
  readonly index?: readonly IndexTrigger[];
  readonly profile?: readonly ProfileTrigger[];
}

export const COST_LEVELS = ["faible", "moyen", "eleve"] as const;
export type CostLevel = (typeof COST_LEVELS)[number];

export const COST_LEVEL_LABELS: Readonly<Record<CostLevel, string>> = {
  faible: "Coût faible\u00a0: surtout du temps de l'équipe",
  moyen: "Coût moyen\u00a0: quelques centaines à quelques milliers d'euros, ou plusieurs jours de travail",
  eleve: "Coût élevé\u00a0: un budget à prévoir, souvent avec des financeurs",
};

/** Where the baseline (valeur de départ) of the action's indicator comes from. */
export type BaselineSource =
  /** A numeric answer of the questionnaire. */
  | { readonly kind: "answer"; readonly question: NumericQuestionId }
  /** Share of women (%) among the people of the jobs à prédominance masculine (of one population when given). */
  | { readonly kind: "mixity"; readonly figure: "women_share_in_masculine_jobs"; readonly population?: Population }
  /** An Index figure. */
  | { readonly kind: "index"; readonly figure: "pay_gap" | "maternity_rate" | "index_value" }
  /** A share of women (%) from the profile. */
  | { readonly kind: "profile"; readonly group: ProfileGroup }
  /** Not in the diagnostic: how to measure it. */
  | { readonly kind: "to_measure"; readonly how: string };

export interface ActionIndicator {
  /** What is counted, in plain French, e.g. « part de femmes parmi les embauches… ». */
  readonly label: string;
  /** « % », « personnes », « jours »… */
  readonly unit: string;
}

export interface CatalogueAction {
  /** Stable id « <domain>.<snake_case> », stored in plans. */
  readonly id: string;
  readonly domain: DomainId;
  readonly title: string;
  /** What to do, in plain French for the director of a small structure. */
  readonly description: string;
  /** A default objective the user adapts. */
  readonly objective: string;
  readonly indicator: ActionIndicator;
  readonly baseline: BaselineSource;
  /** Suggested deadline, in months from the start of the plan. */
  readonly deadlineMonths: number;
  readonly cost: CostLevel;
  readonly barriers: readonly Barrier[];
  readonly triggers: ActionTriggers;
  readonly supportOrganizationIds: readonly SupportOrganizationId[];
  readonly legalReference?: string;
}
