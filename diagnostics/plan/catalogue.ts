/**
 * The action catalogue: realistic actions for small inclusive employers, per legal domain, with the
 * answers, mixity figures, Index results and profile figures that call for each (DOMAIN.md §1.4;
 * DREETS Hauts-de-France panorama 2025; GIP Maximilien practice sheets). Suggestions, not legal
 * requirements. The questionnaire's « which actions this answer calls for » is derived from here.
 */
import type { AnswerValue, QuestionId } from "../questionnaire.ts";
import { DOMAIN_IDS, type DomainId } from "../types.ts";
import { ARTICULATION_ACTIONS } from "./actions/articulation.ts";
import { CLASSIFICATION_ACTIONS } from "./actions/classification.ts";
import { CONDITIONS_TRAVAIL_ACTIONS } from "./actions/conditions-travail.ts";
import { EMBAUCHE_ACTIONS } from "./actions/embauche.ts";
import { FORMATION_ACTIONS } from "./actions/formation.ts";
import { PROMOTION_ACTIONS } from "./actions/promotion.ts";
import { QUALIFICATION_ACTIONS } from "./actions/qualification.ts";
import { REMUNERATION_ACTIONS } from "./actions/remuneration.ts";
import { SANTE_SECURITE_ACTIONS } from "./actions/sante-securite.ts";
import type { AnswerTrigger, CatalogueAction } from "./types.ts";

const ALL_ACTIONS = [
  ...EMBAUCHE_ACTIONS,
  ...FORMATION_ACTIONS,
  ...PROMOTION_ACTIONS,
  ...QUALIFICATION_ACTIONS,
  ...CLASSIFICATION_ACTIONS,
  ...CONDITIONS_TRAVAIL_ACTIONS,
  ...SANTE_SECURITE_ACTIONS,
  ...REMUNERATION_ACTIONS,
  ...ARTICULATION_ACTIONS,
] as const;

/** Every catalogue action id, as a literal union. */
export type ActionId = (typeof ALL_ACTIONS)[number]["id"];

/** The catalogue, in legal domain order (DOMAIN_IDS), then in the order of each domain file. */
export const ACTION_CATALOGUE: readonly CatalogueAction[] = ALL_ACTIONS;

/** Minimum number of catalogue actions per domain (project requirement, checked by tests). */
export const MIN_ACTIONS_PER_DOMAIN = 5;

const BY_ID: ReadonlyMap<string, CatalogueAction> = new Map(ACTION_CATALOGUE.map((a) => [a.id, a]));

/** The catalogue action with this id, or undefined when unknown (e.g. a custom action of a plan). */
export function getAction(id: string): CatalogueAction | undefined {
  return BY_ID.get(id);
}

/** True when `id` names a catalogue action. */
export function isActionId(id: string): id is ActionId {
  return BY_ID.has(id);
}

/** The catalogue actions of one domain, in catalogue order. */
export function actionsForDomain(domain: DomainId): CatalogueAction[] {
  return ACTION_CATALOGUE.filter((a) => a.domain === domain);
}

/** Number of catalogue actions per domain, in legal order. */
export function actionCountsByDomain(): Record<DomainId, number> {
  return Object.fromEntries(DOMAIN_IDS.map((d) => [d, actionsForDomain(d).length])) as Record<DomainId, number>;
}

/** The answer triggers of this action on this question (none when the question does not call for it). */
export function answerTriggersOf(action: CatalogueAction, questionId: string): AnswerTrigger[] {
  return (action.triggers.answers ?? []).filter((t) => t.question === questionId);
}

/** The actions that some answer to this question can call for, in catalogue order. */
export function actionsForQuestion(questionId: QuestionId): CatalogueAction[] {
  return ACTION_CATALOGUE.filter((a) => answerTriggersOf(a, questionId).length > 0);
}

/**
 * True when a stored answer value meets the trigger: `is` (value equal to one listed, or for a
 * multiple choice one listed option ticked), `lacks` (a multiple-choice answer, not « Je ne sais pas »,
 * without the option), `below` (< threshold), `atLeast` (≥), `above` (>). Values of the wrong type never match.
 */
export function matchesAnswerTrigger(trigger: AnswerTrigger, value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if ("is" in trigger) {
    const listed: readonly string[] = trigger.is;
    if (Array.isArray(value)) return value.some((v) => listed.includes(v));
    return typeof value === "string" && listed.includes(value);
  }
  if ("lacks" in trigger) return Array.isArray(value) && value.length > 0 && !value.includes(trigger.lacks);
  if (typeof value !== "number") return false;
  if ("below" in trigger) return value < trigger.below;
  if ("atLeast" in trigger) return value >= trigger.atLeast;
  return value > trigger.above;
}

/** The actions this answer to this question calls for (the answer-trigger part only), in catalogue order. */
export function actionsForAnswer(questionId: QuestionId, value: AnswerValue | undefined): CatalogueAction[] {
  if (value === undefined) return [];
  return ACTION_CATALOGUE.filter((a) => answerTriggersOf(a, questionId).some((t) => matchesAnswerTrigger(t, value)));
}
