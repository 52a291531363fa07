import type { DbOrTx } from "../../db/client.ts";
import { findPlanAndPrevious, findPlanByDiagnostic, findPreviousPlan } from "../../db/queries/plans.ts";
import { checkPlan, type Plan, type PlanAction, type PlanCheck, type PlanIssue, type PlanKind } from "../../diagnostics/plan/index.ts";
import type { Profile } from "../../diagnostics/types.ts";
import { storedAction } from "./plan-form.ts";

/** A stored plan read back for the editor: the engine's Plan, each action with its version and catalogue origin. */
export interface PlanState {
  id: string;
  kind: PlanKind;
  periodStart: string;
  periodEnd: string;
  version: number;
  updatedAt: string;
  updatedByName: string | null;
  actions: { action: PlanAction; catalogueId: string | null; version: number; updatedAt: string }[];
}

type StoredPlan = NonNullable<Awaited<ReturnType<typeof findPlanByDiagnostic>>>;

function stateOf(plan: StoredPlan): PlanState {
  return {
    id: plan.id,
    kind: plan.kind,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    version: plan.version,
    updatedAt: plan.updatedAt.toISOString(),
    updatedByName: plan.updatedByName,
    actions: plan.actions.map((row) => ({ ...storedAction(row.id, row.data), version: row.version, updatedAt: row.updatedAt.toISOString() })),
  };
}

/** The plan of a diagnostic of this organisation, or null. */
export async function loadPlan(db: DbOrTx, orgId: string, diagId: string): Promise<PlanState | null> {
  const plan = await findPlanByDiagnostic(db, orgId, diagId);
  return plan ? stateOf(plan) : null;
}

/** The plan of this organisation's latest earlier diagnostic (to evaluate in this one), with that diagnostic's year; null when there is none. */
export async function loadPreviousPlan(db: DbOrTx, orgId: string, year: number): Promise<(PlanState & { year: number }) | null> {
  const plan = await findPreviousPlan(db, orgId, year);
  return plan ? { ...stateOf(plan), year: plan.year } : null;
}

/** loadPlan and loadPreviousPlan in one read. */
export async function loadPlanAndPrevious(db: DbOrTx, orgId: string, diagId: string, year: number) {
  const { plan, previous } = await findPlanAndPrevious(db, orgId, diagId, year);
  return { plan: plan ? stateOf(plan) : null, previous: previous ? { ...stateOf(previous), year: previous.year } : null };
}

/** The engine's view of a stored plan. */
export function enginePlan(state: Pick<PlanState, "kind" | "periodStart" | "periodEnd" | "actions">): Plan {
  return { kind: state.kind, periodStart: state.periodStart, periodEnd: state.periodEnd, actions: state.actions.map((a) => a.action) };
}

/** checkPlan on a stored plan (the legal rules before export). */
export function checkStoredPlan(state: PlanState, profile: Profile): PlanCheck {
  return checkPlan(enginePlan(state), profile);
}

/** The issues of one action. */
export function issuesOf(check: PlanCheck, actionId: string): { errors: PlanIssue[]; warnings: PlanIssue[] } {
  return { errors: check.errors.filter((i) => i.actionId === actionId), warnings: check.warnings.filter((i) => i.actionId === actionId) };
}

/** True for PostgreSQL's unique violation (two people creating the same plan at once). */
export function isUniqueViolation(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    if ((e as { code?: unknown }).code === "23505") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
