/**
 * Turns a catalogue action into a plan action draft the user completes: default objective and
 * indicator, baseline when the diagnostic holds it, deadline from the suggested number of months.
 */
import { addDays, addMonths, dayNumber } from "./dates.ts";
import type { PlanAction } from "./schema.ts";
import type { CatalogueAction } from "./types.ts";

export interface DraftOptions {
  /** First day of the plan (ISO date). */
  readonly periodStart: string;
  /** Last day of the plan (ISO date), included. */
  readonly periodEnd: string;
  /** Baseline found in the diagnostic (Recommendation.baselineValue), if any. */
  readonly baseline?: number | null;
  /** Id of the plan action; the catalogue id when omitted. */
  readonly id?: string;
}

/** Deadline of an action starting with the plan: the day before the same date `months` later, never after the period's end. */
export function suggestedDeadline(periodStart: string, periodEnd: string, months: number): string {
  const deadline = addDays(addMonths(periodStart, months), -1);
  return dayNumber(deadline) > dayNumber(periodEnd) ? periodEnd : deadline;
}

/** A plan action prefilled from the catalogue; owner, target and cost are left for the user. */
export function draftPlanAction(action: CatalogueAction, options: DraftOptions): PlanAction {
  return {
    id: options.id ?? action.id,
    domain: action.domain,
    title: action.title,
    objective: action.objective,
    indicator: { label: action.indicator.label, unit: action.indicator.unit, baseline: options.baseline ?? null, target: null },
    deadline: suggestedDeadline(options.periodStart, options.periodEnd, action.deadlineMonths),
    owner: "",
    costEuros: null,
    costDays: null,
    barriers: [...action.barriers],
    supportOrganizationId: action.supportOrganizationIds[0] ?? null,
    status: "prevue",
    followUpNote: "",
    measuredValue: null,
  };
}
