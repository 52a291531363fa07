/**
 * The rules an accord or plan d'action must meet before export (Code du travail R2242-2, L2242-3,
 * L2242-8; DOMAIN.md §0, §2, §9). Errors block the export; warnings are advice. Messages are in
 * French and name the action by its title.
 */
import { getDomain } from "../domains.ts";
import type { HeadcountBand, Profile } from "../types.ts";
import { getSupportOrganization } from "../support/directory.ts";
import { dayNumber, formatFrenchDate, lastDayOfTerm, parseIsoDate } from "./dates.ts";
import { NBSP, plural, quote } from "./format.ts";
import type { Plan, PlanAction, PlanKind } from "./schema.ts";

/** R2242-2: objectives and actions on at least 3 domains in structures of fewer than 300 salariés. */
export const MIN_DOMAINS_UNDER_300 = 3;

/** R2242-2: at least 4 domains from 300 salariés. */
export const MIN_DOMAINS_FROM_300 = 4;

/** Headcount from which R2242-2 asks for 4 domains instead of 3. */
export const FOUR_DOMAINS_HEADCOUNT = 300;

/**
 * Headcount from which an accord or, failing it, a plan d'action is mandatory (L2242-8) and must
 * include rémunération effective (R2242-2). Below, the domain is recommended only.
 */
export const MANDATORY_PLAN_HEADCOUNT = 50;

/** L2242-3: the plan d'action is annual — one year at most, both ends included. */
export const PLAN_ACTION_MAX_YEARS = 1;

/**
 * Longest accord period accepted: the equality negotiation recurs at least every 4 years, the
 * periodicity an accord de méthode can set (L2242-10, L2242-11; DOMAIN.md §2.2, §2.5).
 */
export const ACCORD_MAX_YEARS = 4;

/**
 * Without an accord de méthode the equality negotiation is annual (DOMAIN.md §2.2): an accord longer
 * than this gets a warning asking to check the accord de méthode.
 */
export const ANNUAL_NEGOTIATION_YEARS = 1;

export const PLAN_ISSUE_CODES = [
  "period_order",
  "period_too_long",
  "accord_without_method_agreement",
  "domains_too_few",
  "remuneration_missing",
  "duplicate_action_id",
  "objective_missing",
  "indicator_missing",
  "indicator_unit_missing",
  "baseline_missing",
  "target_missing",
  "target_equals_baseline",
  "deadline_missing",
  "deadline_outside_period",
  "owner_missing",
  "cost_missing",
  "support_unknown",
  "abandoned_without_note",
  "measured_value_missing",
] as const;
export type PlanIssueCode = (typeof PLAN_ISSUE_CODES)[number];

export interface PlanIssue {
  readonly code: PlanIssueCode;
  /** Plain French, saying how to fix it. */
  readonly message: string;
  /** Set when the issue is about one action. */
  readonly actionId?: string;
  /** The field to fix: a plan field (« periodEnd ») or, with actionId, an action field (« indicator.baseline »). */
  readonly field?: string;
}

export interface PlanCheck {
  readonly errors: PlanIssue[];
  readonly warnings: PlanIssue[];
}

/** Minimum number of domains of an accord or plan for this headcount band (R2242-2). */
export function minDomainsFor(band: HeadcountBand): number {
  return band === "300_plus" ? MIN_DOMAINS_FROM_300 : MIN_DOMAINS_UNDER_300;
}

/** True when an accord or plan d'action is mandatory for this headcount band, i.e. 50 salariés or more (L2242-8). */
export function isPlanMandatory(band: HeadcountBand): boolean {
  return band !== "moins_50";
}

/** Longest period (years) of a plan of this kind. */
export function maxYearsFor(kind: PlanKind): number {
  return kind === "plan_action" ? PLAN_ACTION_MAX_YEARS : ACCORD_MAX_YEARS;
}

/** Last day a period starting on `periodStart` may end on for this kind of plan (ISO date). */
export function latestPeriodEnd(kind: PlanKind, periodStart: string): string {
  return lastDayOfTerm(periodStart, maxYearsFor(kind));
}

/** The actions that count for the rules: every action except the abandoned ones. */
export function activeActions(plan: Plan): PlanAction[] {
  return plan.actions.filter((a) => a.status !== "abandonnee");
}

/** The distinct domains of the active actions, in legal order of first appearance. */
export function coveredDomains(plan: Plan): PlanAction["domain"][] {
  return [...new Set(activeActions(plan).map((a) => a.domain))];
}

function named(action: PlanAction): string {
  return `L'action ${quote(action.title.trim() || "sans titre")}`;
}

function periodText(plan: Plan): string {
  return `du ${formatFrenchDate(plan.periodStart)} au ${formatFrenchDate(plan.periodEnd)}`;
}

function checkPeriod(plan: Plan, errors: PlanIssue[], warnings: PlanIssue[]): boolean {
  const start = plan.periodStart;
  const end = plan.periodEnd;
  if (!parseIsoDate(start) || !parseIsoDate(end)) return false;
  if (dayNumber(end) < dayNumber(start)) {
    errors.push({
      code: "period_order",
      field: "periodEnd",
      message: `La fin de la période (${formatFrenchDate(end)}) est avant son début (${formatFrenchDate(start)}). Corrigez l'une des deux dates.`,
    });
    return false;
  }
  const latest = latestPeriodEnd(plan.kind, start);
  if (dayNumber(end) > dayNumber(latest)) {
    const rule =
      plan.kind === "plan_action"
        ? `Un plan d'action dure un an au plus (Code du travail, art. L2242-3)`
        : `Un accord sur l'égalité professionnelle couvre ${ACCORD_MAX_YEARS} ans au plus${NBSP}: la négociation doit avoir lieu au moins tous les ${ACCORD_MAX_YEARS} ans (art. L2242-10 et L2242-11)`;
    errors.push({
      code: "period_too_long",
      field: "periodEnd",
      message: `${rule}. Avec un début le ${formatFrenchDate(start)}, la période doit se terminer au plus tard le ${formatFrenchDate(latest)}, et non le ${formatFrenchDate(end)}.`,
    });
  } else if (plan.kind === "accord" && dayNumber(end) > dayNumber(lastDayOfTerm(start, ANNUAL_NEGOTIATION_YEARS))) {
    warnings.push({
      code: "accord_without_method_agreement",
      field: "periodEnd",
      message: `Sans accord de méthode, la négociation sur l'égalité professionnelle a lieu chaque année. Pour un accord de plus d'un an, vérifiez qu'un accord de méthode prévoit cette durée (art. L2242-10 et L2242-11).`,
    });
  }
  return true;
}

function checkDomains(plan: Plan, profile: Profile, errors: PlanIssue[], warnings: PlanIssue[]): void {
  const domains = coveredDomains(plan);
  const min = minDomainsFor(profile.headcountBand);
  const abandoned = plan.actions.length - activeActions(plan).length;
  if (domains.length < min) {
    const size =
      profile.headcountBand === "300_plus"
        ? `une structure de ${FOUR_DOMAINS_HEADCOUNT} salariés ou plus`
        : `une structure de moins de ${FOUR_DOMAINS_HEADCOUNT} salariés`;
    const note = abandoned > 0 ? ` Les actions abandonnées ne comptent pas.` : "";
    errors.push({
      code: "domains_too_few",
      field: "actions",
      message: `Le plan couvre ${plural(domains.length, "domaine")}${NBSP}; il en faut au moins ${min} pour ${size} (Code du travail, art. R2242-2). Ajoutez une action dans un autre domaine.${note}`,
    });
  }
  if (!domains.includes("remuneration")) {
    const label = quote(getDomain("remuneration").label);
    if (isPlanMandatory(profile.headcountBand)) {
      errors.push({
        code: "remuneration_missing",
        field: "actions",
        message: `Le domaine ${label} est obligatoire dans tout accord ou plan d'action à partir de ${MANDATORY_PLAN_HEADCOUNT} salariés (Code du travail, art. R2242-2). Ajoutez au moins une action sur les salaires.`,
      });
    } else {
      warnings.push({
        code: "remuneration_missing",
        field: "actions",
        message: `Le domaine ${label} est conseillé${NBSP}: il devient obligatoire à partir de ${MANDATORY_PLAN_HEADCOUNT} salariés. Ajoutez une action sur les salaires, par exemple comparer les salaires des femmes et des hommes sur des postes comparables.`,
      });
    }
  }
}

function checkAction(action: PlanAction, plan: Plan, periodValid: boolean, errors: PlanIssue[], warnings: PlanIssue[]): void {
  const who = named(action);
  const issue = (code: PlanIssueCode, field: string, message: string): PlanIssue => ({ code, actionId: action.id, field, message });

  if (action.supportOrganizationId !== null && !getSupportOrganization(action.supportOrganizationId)) {
    warnings.push(issue("support_unknown", "supportOrganizationId", `${who} cite un organisme d'accompagnement inconnu. Choisissez-en un dans la liste, ou aucun.`));
  }
  if (action.status === "abandonnee") {
    if (!action.followUpNote.trim()) {
      warnings.push(
        issue("abandoned_without_note", "followUpNote", `${who} est abandonnée sans explication. Notez pourquoi dans le suivi${NBSP}: le bilan annuel doit expliquer les actions non réalisées.`),
      );
    }
    return;
  }
  if (!action.objective.trim()) {
    errors.push(issue("objective_missing", "objective", `${who} n'a pas d'objectif. Écrivez le résultat attendu, par exemple ${quote("40\u00a0% de femmes parmi les candidatures sur les espaces verts")}.`));
  }
  if (!action.indicator.label.trim()) {
    errors.push(issue("indicator_missing", "indicator.label", `${who} n'a pas d'indicateur chiffré. Indiquez ce que vous allez compter, par exemple ${quote("part de femmes parmi les embauches")}.`));
  }
  if (!action.indicator.unit.trim()) {
    errors.push(issue("indicator_unit_missing", "indicator.unit", `${who} n'a pas d'unité pour son indicateur. Indiquez-la, par exemple ${quote("%")}, ${quote("personnes")} ou ${quote("jours")}.`));
  }
  if (action.indicator.baseline === null) {
    errors.push(issue("baseline_missing", "indicator.baseline", `${who} n'a pas de valeur de départ. Indiquez la valeur de l'indicateur aujourd'hui, même approximative.`));
  }
  if (action.indicator.target === null) {
    errors.push(issue("target_missing", "indicator.target", `${who} n'a pas de valeur cible. Indiquez la valeur à atteindre à l'échéance.`));
  }
  if (action.indicator.baseline !== null && action.indicator.target !== null && action.indicator.baseline === action.indicator.target) {
    warnings.push(issue("target_equals_baseline", "indicator.target", `${who} a une valeur cible égale à sa valeur de départ${NBSP}: un objectif de progression doit viser un changement.`));
  }
  if (action.deadline === null) {
    const hint = periodValid ? ` Choisissez une date ${periodText(plan)}.` : "";
    errors.push(issue("deadline_missing", "deadline", `${who} n'a pas d'échéance.${hint}`));
  } else if (periodValid && (dayNumber(action.deadline) < dayNumber(plan.periodStart) || dayNumber(action.deadline) > dayNumber(plan.periodEnd))) {
    errors.push(
      issue(
        "deadline_outside_period",
        "deadline",
        `L'échéance de l'action ${quote(action.title.trim() || "sans titre")} (${formatFrenchDate(action.deadline)}) est en dehors de la période du plan, ${periodText(plan)}. Choisissez une date dans cette période.`,
      ),
    );
  }
  if (!action.owner.trim()) {
    errors.push(issue("owner_missing", "owner", `${who} n'a pas de responsable. Indiquez qui la pilote${NBSP}: une fonction suffit (direction, CIP, encadrant technique).`));
  }
  if (action.costEuros === null && action.costDays === null) {
    if (plan.kind === "plan_action") {
      errors.push(issue("cost_missing", "costEuros", `${who} n'a pas de coût. Un plan d'action doit chiffrer ses actions (Code du travail, art. L2242-3)${NBSP}: indiquez un montant en euros ou un nombre de jours de travail.`));
    } else {
      warnings.push(issue("cost_missing", "costEuros", `${who} n'a pas de coût. C'est conseillé dans un accord${NBSP}: indiquez un montant en euros ou un nombre de jours de travail.`));
    }
  }
  if (action.status === "realisee" && action.measuredValue === null) {
    warnings.push(issue("measured_value_missing", "measuredValue", `${who} est réalisée, mais la valeur atteinte n'est pas renseignée. Indiquez-la pour le bilan.`));
  }
}

/**
 * Checks an accord or plan d'action against the legal rules for this structure: period length,
 * number of domains (abandoned actions excluded), rémunération effective, and for each action an
 * objective, a numeric indicator with unit, baseline and target, a deadline inside the period, an
 * owner and a cost. Errors block the export; warnings are advice.
 */
export function checkPlan(plan: Plan, profile: Profile): PlanCheck {
  const errors: PlanIssue[] = [];
  const warnings: PlanIssue[] = [];
  const periodValid = checkPeriod(plan, errors, warnings);
  checkDomains(plan, profile, errors, warnings);

  const seen = new Set<string>();
  for (const action of plan.actions) {
    if (seen.has(action.id)) {
      errors.push({
        code: "duplicate_action_id",
        actionId: action.id,
        field: "id",
        message: `${named(action)} porte le même identifiant qu'une autre action. Supprimez le doublon ou recréez l'action.`,
      });
    }
    seen.add(action.id);
    checkAction(action, plan, periodValid, errors, warnings);
  }
  return { errors, warnings };
}
