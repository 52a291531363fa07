import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../client.ts";
import { newId } from "../ids.ts";
import { preparedStatement } from "../prepared.ts";
import { actionPlans, diagnostics, planActions, users } from "../schema.ts";
import { aggregatedRows, keyParams, type SaveResult } from "./diagnostics.ts";

/**
 * Action plans. Every function takes the organisation id and filters on it (directly, or through the
 * plan's organisation for actions), so a plan of another organisation is never read or written.
 */

export type PlanKindValue = "plan_action" | "accord";

export interface NewPlan {
  kind: PlanKindValue;
  periodStart: string;
  periodEnd: string;
  /** Action fields (PlanAction without id), in order. */
  actions: Record<string, unknown>[];
}

/** Creates the plan of a diagnostic with its actions, in the caller's transaction. Null if the diagnostic is not of this organisation. */
export async function insertPlan(tx: DbOrTx, organizationId: string, diagnosticId: string, plan: NewPlan, userId: string) {
  const [owner] = await tx
    .select({ id: diagnostics.id })
    .from(diagnostics)
    .where(and(eq(diagnostics.id, diagnosticId), eq(diagnostics.organizationId, organizationId)));
  if (!owner) return null;
  const id = newId();
  await tx.insert(actionPlans).values({ id, organizationId, diagnosticId, kind: plan.kind, periodStart: plan.periodStart, periodEnd: plan.periodEnd, updatedBy: userId });
  if (plan.actions.length) {
    await tx.insert(planActions).values(plan.actions.map((data, position) => ({ id: newId(), planId: id, position, data, updatedBy: userId })));
  }
  return { id };
}

/** The plan of a diagnostic with its actions (each with its version), or null. */
export async function findPlanByDiagnostic(db: DbOrTx, organizationId: string, diagnosticId: string) {
  const [plan] = fullPlans(await planByDiagnostic(db).execute({ organizationId, diagnosticId }));
  return plan ?? null;
}

/** The plan of the latest diagnostic before `year` (its actions are evaluated in the next diagnostic). */
export async function findPreviousPlan(db: DbOrTx, organizationId: string, year: number) {
  const [plan] = fullPlans(await previousPlan(db).execute({ organizationId, year }));
  return plan ?? null;
}

/**
 * A diagnostic's plan and the plan of the latest earlier diagnostic (evaluated in this one), in one
 * statement: the results and plan pages show both.
 */
export async function findPlanAndPrevious(db: DbOrTx, organizationId: string, diagnosticId: string, year: number) {
  const rows = fullPlans(await planAndPrevious(db).execute({ organizationId, diagnosticId, year }));
  return { plan: rows.find((r) => r.diagnosticId === diagnosticId) ?? null, previous: rows.find((r) => r.year < year) ?? null };
}

interface StoredPlanAction {
  id: string;
  position: number;
  data: Record<string, unknown>;
  version: number;
  updatedAt: Date;
}

/** Plans with their diagnostic's year and their actions in order, in one statement (the results and plan pages read them on every view). */
function plansQuery(db: DbOrTx) {
  return db
    .select({
      id: actionPlans.id,
      kind: actionPlans.kind,
      periodStart: actionPlans.periodStart,
      periodEnd: actionPlans.periodEnd,
      version: actionPlans.version,
      updatedAt: actionPlans.updatedAt,
      updatedByName: users.name,
      diagnosticId: actionPlans.diagnosticId,
      year: diagnostics.year,
      actions: sql<unknown>`coalesce((select json_agg(json_build_object('id', pa.id, 'position', pa.position, 'data', pa.data, 'version', pa.version, 'updatedAt', pa.updated_at) order by pa.position)
        from ${planActions} pa where pa.plan_id = ${actionPlans.id}), '[]'::json)`,
    })
    .from(actionPlans)
    .innerJoin(diagnostics, eq(diagnostics.id, actionPlans.diagnosticId))
    .leftJoin(users, eq(users.id, actionPlans.updatedBy))
    .$dynamic();
}

const planByDiagnostic = preparedStatement((db) =>
  plansQuery(db)
    .where(and(eq(actionPlans.diagnosticId, keyParams.diagnosticId), eq(actionPlans.organizationId, keyParams.organizationId)))
    .prepare("find_plan"),
);

const previousPlan = preparedStatement((db) =>
  plansQuery(db)
    .where(and(eq(actionPlans.organizationId, keyParams.organizationId), lt(diagnostics.year, keyParams.year)))
    .orderBy(desc(diagnostics.year))
    .limit(1)
    .prepare("find_previous_plan"),
);

const planAndPrevious = preparedStatement((db) =>
  plansQuery(db)
    .where(and(eq(actionPlans.organizationId, keyParams.organizationId), or(eq(actionPlans.diagnosticId, keyParams.diagnosticId), lt(diagnostics.year, keyParams.year))))
    .orderBy(sql`${actionPlans.diagnosticId} = ${keyParams.diagnosticId} desc`, desc(diagnostics.year))
    .limit(2)
    .prepare("find_plan_and_previous"),
);

function fullPlans(rows: Awaited<ReturnType<ReturnType<typeof planByDiagnostic>["execute"]>>) {
  return rows.map(({ actions, ...plan }) => ({
    ...plan,
    actions: aggregatedRows<StoredPlanAction>(actions),
  }));
}

/** Changes the plan's kind and period if `expectedVersion` is the stored one. */
export async function savePlanPeriod(
  db: DbOrTx,
  organizationId: string,
  planId: string,
  expectedVersion: number,
  input: { kind: PlanKindValue; periodStart: string; periodEnd: string },
  userId: string,
): Promise<SaveResult<{ kind: string; periodStart: string; periodEnd: string }> | null> {
  const now = new Date();
  const [row] = await db
    .update(actionPlans)
    .set({ ...input, version: sql`${actionPlans.version} + 1`, updatedAt: now, updatedBy: userId })
    .where(and(eq(actionPlans.id, planId), eq(actionPlans.organizationId, organizationId), eq(actionPlans.version, expectedVersion)))
    .returning({ version: actionPlans.version });
  if (row) return { ok: true, version: row.version, updatedAt: now };
  const [current] = await db
    .select({ kind: actionPlans.kind, periodStart: actionPlans.periodStart, periodEnd: actionPlans.periodEnd, version: actionPlans.version, updatedAt: actionPlans.updatedAt, updatedByName: users.name })
    .from(actionPlans)
    .leftJoin(users, eq(users.id, actionPlans.updatedBy))
    .where(and(eq(actionPlans.id, planId), eq(actionPlans.organizationId, organizationId)));
  if (!current) return null;
  return { ok: false, current: { kind: current.kind, periodStart: current.periodStart, periodEnd: current.periodEnd }, version: current.version, updatedAt: current.updatedAt, updatedByName: current.updatedByName };
}

async function planOfOrganization(db: DbOrTx, organizationId: string, planId: string) {
  const [plan] = await db
    .select({ id: actionPlans.id })
    .from(actionPlans)
    .where(and(eq(actionPlans.id, planId), eq(actionPlans.organizationId, organizationId)));
  return plan ?? null;
}

/** Saves one action if `expectedVersion` is the stored one. Null when the action is not in this organisation's plan. */
export async function savePlanAction(
  db: DbOrTx,
  organizationId: string,
  planId: string,
  actionId: string,
  expectedVersion: number,
  data: Record<string, unknown>,
  userId: string,
): Promise<SaveResult<Record<string, unknown>> | null> {
  // The action and the plan's "last edited" stamp are written together or not at all.
  return db.transaction(async (tx): Promise<SaveResult<Record<string, unknown>> | null> => {
    if (!(await planOfOrganization(tx, organizationId, planId))) return null;
    const now = new Date();
    const [row] = await tx
      .update(planActions)
      .set({ data, version: sql`${planActions.version} + 1`, updatedAt: now, updatedBy: userId })
      .where(and(eq(planActions.id, actionId), eq(planActions.planId, planId), eq(planActions.version, expectedVersion)))
      .returning({ version: planActions.version });
    if (row) {
      await tx.update(actionPlans).set({ updatedAt: now, updatedBy: userId }).where(eq(actionPlans.id, planId));
      return { ok: true, version: row.version, updatedAt: now };
    }
    const [current] = await tx
      .select({ data: planActions.data, version: planActions.version, updatedAt: planActions.updatedAt, updatedByName: users.name })
      .from(planActions)
      .leftJoin(users, eq(users.id, planActions.updatedBy))
      .where(and(eq(planActions.id, actionId), eq(planActions.planId, planId)));
    if (!current) return null;
    return { ok: false, current: current.data, version: current.version, updatedAt: current.updatedAt, updatedByName: current.updatedByName };
  });
}

/** Adds an action at the end of the plan. */
export async function addPlanAction(db: DbOrTx, organizationId: string, planId: string, data: Record<string, unknown>, userId: string) {
  // The new action and the plan's stamp together.
  return db.transaction(async (tx) => {
    if (!(await planOfOrganization(tx, organizationId, planId))) return null;
    const [last] = await tx
      .select({ position: planActions.position })
      .from(planActions)
      .where(eq(planActions.planId, planId))
      .orderBy(desc(planActions.position))
      .limit(1);
    const id = newId();
    await tx.insert(planActions).values({ id, planId, position: (last?.position ?? -1) + 1, data, updatedBy: userId });
    await tx.update(actionPlans).set({ updatedAt: new Date(), updatedBy: userId }).where(eq(actionPlans.id, planId));
    return { id };
  });
}

/**
 * Removes an action from the plan; false when it is not in this organisation's plan, or when
 * `expectedVersion` is given and someone saved the action since (nothing is removed then).
 */
export async function deletePlanAction(
  db: DbOrTx,
  organizationId: string,
  planId: string,
  actionId: string,
  options: { expectedVersion?: number; userId?: string } = {},
) {
  // The removal and the plan's stamp together.
  return db.transaction(async (tx) => {
    if (!(await planOfOrganization(tx, organizationId, planId))) return false;
    const version = options.expectedVersion === undefined ? undefined : eq(planActions.version, options.expectedVersion);
    const rows = await tx
      .delete(planActions)
      .where(and(eq(planActions.id, actionId), eq(planActions.planId, planId), version))
      .returning({ id: planActions.id });
    if (rows.length > 0) {
      await tx
        .update(actionPlans)
        .set({ updatedAt: new Date(), ...(options.userId ? { updatedBy: options.userId } : {}) })
        .where(eq(actionPlans.id, planId));
    }
    return rows.length > 0;
  });
}
