import { getDomain } from "../../diagnostics/domains.ts";
import {
  formatFrenchDate,
  PLAN_ACTION_STATUS_LABELS,
  PLAN_ACTION_STATUSES,
  PLAN_KIND_LABELS,
  type PlanAction,
  type PlanActionStatus,
  type PlanIssueCode,
  type PlanKind,
} from "../../diagnostics/plan/index.ts";
import { getSupportOrganization } from "../../diagnostics/support/index.ts";
import { BARRIER_LABELS } from "../../diagnostics/types.ts";

/** French wording of plans and actions for the screens (UX.md: no-break spaces, decimal comma, « 1er janvier 2027 »). */

export const NBSP = "\u00a0";

const NUMBER = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
const EUROS = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 2, minimumFractionDigits: 0 });

/** « 12,5 » (« 1 200 » with a no-break space). */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** « 12,5 % », « 14 jours »; « — » when null. */
export function formatMeasure(value: number | null, unit: string): string {
  if (value === null) return "—";
  const u = unit.trim();
  return u ? `${formatNumber(value)}${NBSP}${u}` : formatNumber(value);
}

/** « 1 200 € et 3 jours de travail », « Non chiffré ». */
export function formatCost(euros: number | null, days: number | null): string {
  const parts: string[] = [];
  if (euros !== null) parts.push(EUROS.format(euros).replace(/\u202f/g, NBSP));
  if (days !== null) parts.push(`${formatNumber(days)}${NBSP}${days > 1 ? "jours" : "jour"} de travail`);
  return parts.length > 0 ? parts.join(" et ") : "Non chiffré";
}

/** « du 1er janvier 2027 au 31 décembre 2027 ». */
export function formatPeriod(start: string, end: string): string {
  return `du ${formatFrenchDate(start)} au ${formatFrenchDate(end)}`;
}

/** « Plan d'action du 1er janvier 2027 au 31 décembre 2027 ». */
export function planTitle(kind: PlanKind, start: string, end: string): string {
  return `${PLAN_KIND_LABELS[kind]} ${formatPeriod(start, end)}`;
}

/** « de 12 % à 30 % », « de ? à 30 % ». */
export function formatProgress(indicator: PlanAction["indicator"]): string {
  const unit = indicator.unit;
  const from = indicator.baseline === null ? "valeur de départ à indiquer" : formatMeasure(indicator.baseline, unit);
  const to = indicator.target === null ? "cible à indiquer" : formatMeasure(indicator.target, unit);
  return `${from} → ${to}`;
}

/** 1 when the indicator should rise to reach its target, -1 when it should fall, null when unknown. */
function direction(indicator: PlanAction["indicator"]): 1 | -1 | null {
  if (indicator.baseline === null || indicator.target === null || indicator.baseline === indicator.target) return null;
  return indicator.target > indicator.baseline ? 1 : -1;
}

/**
 * Whether the measured value reaches the target, in the direction from the baseline to the target
 * (a share of women that should rise, a delay that should fall). Null when the measured value, the
 * baseline or the target is missing.
 */
export function targetReached(action: Pick<PlanAction, "indicator" | "measuredValue">): boolean | null {
  const dir = direction(action.indicator);
  if (dir === null || action.measuredValue === null || action.indicator.target === null) return null;
  return dir === 1 ? action.measuredValue >= action.indicator.target : action.measuredValue <= action.indicator.target;
}

/** « Objectif atteint », « Objectif non atteint », or null. */
export function reachedLabel(reached: boolean | null): string | null {
  if (reached === null) return null;
  return reached ? "Objectif atteint" : "Objectif pas encore atteint";
}

const STATUS_PLURALS: Record<PlanActionStatus, [string, string]> = {
  prevue: ["prévue", "prévues"],
  en_cours: ["en cours", "en cours"],
  realisee: ["réalisée", "réalisées"],
  abandonnee: ["abandonnée", "abandonnées"],
};

export interface EvaluationSummary {
  total: number;
  byStatus: Record<PlanActionStatus, number>;
  /** Actions whose target can be compared with a measured value. */
  measured: number;
  reached: number;
  /** « 4 actions : 2 réalisées, 1 en cours et 1 abandonnée. Objectif atteint pour 1 des 2 actions mesurées. » */
  text: string;
}

/** Where last year's actions stand: how many per status, and how many measured actions reached their target. */
export function evaluationSummary(actions: readonly Pick<PlanAction, "status" | "indicator" | "measuredValue">[]): EvaluationSummary {
  const byStatus = Object.fromEntries(PLAN_ACTION_STATUSES.map((s) => [s, 0])) as Record<PlanActionStatus, number>;
  let measured = 0;
  let reached = 0;
  for (const a of actions) {
    byStatus[a.status] += 1;
    const r = targetReached(a);
    if (r !== null) {
      measured += 1;
      if (r) reached += 1;
    }
  }
  const total = actions.length;
  if (total === 0) return { total, byStatus, measured, reached, text: "Le plan précédent ne comptait aucune action." };
  const parts = PLAN_ACTION_STATUSES.filter((s) => byStatus[s] > 0).map((s) => `${formatNumber(byStatus[s])}${NBSP}${STATUS_PLURALS[s][byStatus[s] > 1 ? 1 : 0]}`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} et ${parts[parts.length - 1]}` : parts[0];
  let text = `${formatNumber(total)}${NBSP}${total > 1 ? "actions" : "action"}${NBSP}: ${list}.`;
  if (measured === 0) text += " Aucune valeur atteinte n'est encore renseignée.";
  else if (measured === 1) text += reached === 1 ? " L'action mesurée a atteint son objectif." : " L'action mesurée n'a pas encore atteint son objectif.";
  else text += ` Objectif atteint pour ${formatNumber(reached)} des ${formatNumber(measured)}${NBSP}actions mesurées.`;
  return { total, byStatus, measured, reached, text };
}

/** Labels of the action's fields, in the form's order (used by the error summary and by a conflict's comparison). */
export const ACTION_FIELD_LABELS: Record<string, string> = {
  domain: "Domaine",
  title: "Titre de l'action",
  objective: "Objectif",
  "indicator.label": "Indicateur chiffré",
  "indicator.unit": "Unité",
  "indicator.baseline": "Valeur de départ",
  "indicator.target": "Valeur cible",
  deadline: "Échéance",
  owner: "Responsable",
  costEuros: "Coût en euros",
  costDays: "Temps de travail (jours)",
  barriers: "Freins périphériques",
  supportOrganizationId: "Organisme d'accompagnement",
  status: "État",
  measuredValue: "Valeur atteinte",
  followUpNote: "Note de suivi",
};

/** Every field of an action as displayed text, keyed like ACTION_FIELD_LABELS. */
export function actionFieldTexts(action: Omit<PlanAction, "id">): Record<string, string> {
  const empty = (s: string) => (s.trim() ? s.trim() : "(vide)");
  const support = action.supportOrganizationId ? (getSupportOrganization(action.supportOrganizationId)?.shortName ?? action.supportOrganizationId) : "Aucun";
  return {
    domain: getDomain(action.domain).label,
    title: empty(action.title),
    objective: empty(action.objective),
    "indicator.label": empty(action.indicator.label),
    "indicator.unit": empty(action.indicator.unit),
    "indicator.baseline": formatMeasure(action.indicator.baseline, action.indicator.unit),
    "indicator.target": formatMeasure(action.indicator.target, action.indicator.unit),
    deadline: action.deadline ? formatFrenchDate(action.deadline) : "(vide)",
    owner: empty(action.owner),
    costEuros: action.costEuros === null ? "(vide)" : formatCost(action.costEuros, null),
    costDays: action.costDays === null ? "(vide)" : formatNumber(action.costDays),
    barriers: action.barriers.length ? action.barriers.map((b) => BARRIER_LABELS[b]).join(", ") : "Aucun",
    supportOrganizationId: support,
    status: PLAN_ACTION_STATUS_LABELS[action.status],
    measuredValue: formatMeasure(action.measuredValue, action.indicator.unit),
    followUpNote: empty(action.followUpNote),
  };
}

/** The fields where `theirs` differs from `mine`, with their values as the other person saved them (every field when none differs). */
export function differingFields(theirs: Omit<PlanAction, "id">, mine: Omit<PlanAction, "id"> | null): { field: string; label: string; theirs: string; mine: string | null }[] {
  const t = actionFieldTexts(theirs);
  const m = mine ? actionFieldTexts(mine) : null;
  const all = Object.keys(ACTION_FIELD_LABELS).map((field) => ({ field, label: ACTION_FIELD_LABELS[field], theirs: t[field], mine: m ? m[field] : null }));
  const diff = all.filter((f) => f.mine !== null && f.mine !== f.theirs);
  return diff.length > 0 ? diff : all;
}

/**
 * What an action's blocking problem is about, in two or three words, for the compact lists of the
 * plan page (« À compléter : responsable, coût »); the action page shows checkPlan's full sentences.
 */
export const ISSUE_SHORT_LABELS: Partial<Record<PlanIssueCode, string>> = {
  objective_missing: "objectif",
  indicator_missing: "indicateur chiffré",
  indicator_unit_missing: "unité de l'indicateur",
  baseline_missing: "valeur de départ",
  target_missing: "valeur cible",
  deadline_missing: "échéance",
  deadline_outside_period: "échéance hors de la période du plan",
  owner_missing: "responsable",
  cost_missing: "coût",
};
