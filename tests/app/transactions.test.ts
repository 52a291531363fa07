import postgres from "postgres";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { isDatabaseUnavailable } from "../../db/errors.ts";
import { findDiagnostic } from "../../db/queries/diagnostics.ts";
import { addPlanAction } from "../../db/queries/plans.ts";
import { actionPlans, diagnostics, planActions } from "../../db/schema.ts";
import * as planRoute from "../../app/routes/diagnostic-plan.tsx";
import * as answerRoute from "../../app/routes/diagnostic-answer.tsx";
import { createTestDb, testDriver } from "../helpers/db.ts";
import { callRoute, get, post } from "../helpers/routes.ts";
import { seedStructureDiagnostic } from "../helpers/seed-diagnostic.ts";

/**
 * A connection killed in the middle of a multi-row write leaves nothing behind. Deterministic: a
 * second session holds a lock that the write needs only for its second statement; once PostgreSQL
 * shows the write waiting on that lock (its first statement done), the test terminates its backend
 * with pg_terminate_backend, then checks the database. Needs a real PostgreSQL server.
 */
const onPostgres = testDriver() === "postgres";
if (!onPostgres) console.warn("transactions (connexion coupée) : ignoré sur PGlite, tourne dans le projet db-pg (TEST_DATABASE_URL).");

describe.skipIf(!onPostgres)("a connection killed mid-transaction", () => {
  let handle: Awaited<ReturnType<typeof createTestDb>>;
  let db: Db;
  let blocker: postgres.Sql;

  beforeAll(async () => {
    handle = await createTestDb();
    db = handle.db;
    blocker = postgres(handle.url!, { max: 2, onnotice: () => {} });
  });
  afterAll(async () => {
    await blocker?.end({ timeout: 5 });
    await handle?.dispose();
  });

  /**
   * Runs `write` while a second session holds `lockSql`; when the write's backend waits on that lock,
   * terminates it. Returns what the write threw.
   */
  async function killWhileBlocked(lockSql: string, write: () => Promise<unknown>): Promise<unknown> {
    let outcome: Promise<unknown> | undefined;
    let killed = 0;
    await blocker.begin(async (tx) => {
      await tx.unsafe(lockSql);
      outcome = write().then(
        () => new Error("the write went through"),
        (error: unknown) => error,
      );
      for (let i = 0; i < 600 && killed === 0; i++) {
        const [row] = await blocker`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`;
        killed = row.n;
        if (!killed) await new Promise((r) => setTimeout(r, 50));
      }
    });
    expect(killed).toBe(1);
    return outcome;
  }

  it("autosave: the answer is not stored without the diagnostic's stamp", async () => {
    const { owner, org, diagId, path, questionIds } = await seedStructureDiagnostic(db, 2030);
    const [before] = await db.select({ updatedAt: diagnostics.updatedAt }).from(diagnostics).where(eq(diagnostics.id, diagId));
    const q = questionIds[0];
    // The answer insert only needs KEY SHARE on the diagnostic; the stamp update needs the row lock.
    const error = await killWhileBlocked(`select 1 from diagnostics where id = '${diagId}' for no key update`, () =>
      answerRoute.action({
        request: post(`${path}/reponse`, { questionId: q, [`v.${q}`]: "0", [`q.${q}`]: "oui" }, owner.cookie),
        params: { orgId: org.id, diagId },
        context: {},
      } as never),
    );
    expect(isDatabaseUnavailable(error)).toBe(true);
    const after = await findDiagnostic(db, org.id, diagId);
    expect(after!.answers).toEqual([]);
    const [stamp] = await db.select({ updatedAt: diagnostics.updatedAt }).from(diagnostics).where(eq(diagnostics.id, diagId));
    expect(stamp.updatedAt).toEqual(before.updatedAt);

    // The pool recovers: the same save goes through now.
    const saved = await callRoute(answerRoute.action, post(`${path}/reponse`, { questionId: q, [`v.${q}`]: "0", [`q.${q}`]: "oui" }, owner.cookie), { orgId: org.id, diagId });
    expect(saved.status).toBe(200);
    expect((await findDiagnostic(db, org.id, diagId))!.answers).toHaveLength(1);
  });

  it("plan creation: no plan without its actions", async () => {
    const { owner, org, diagId, path } = await seedStructureDiagnostic(db, 2031);
    const params = { orgId: org.id, diagId };
    const page = await callRoute(planRoute.loader, get(`${path}/plan`, owner.cookie), params);
    const ticked = page.data.offered.filter((o: { proposed: boolean }) => o.proposed).map((o: { catalogueId: string }) => o.catalogueId);
    expect(ticked.length).toBeGreaterThanOrEqual(3);
    const form = { intent: "creer", kind: "plan_action", periodStart: page.data.defaults.periodStart, periodEnd: page.data.defaults.periodEnd, actions: ticked };
    // The plan row goes in; inserting its actions needs a lock the other session holds.
    const error = await killWhileBlocked("lock table plan_actions in share mode", () =>
      planRoute.action({ request: post(`${path}/plan`, form, owner.cookie), params, context: {} } as never),
    );
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(await db.select({ id: actionPlans.id }).from(actionPlans).where(eq(actionPlans.diagnosticId, diagId))).toEqual([]);

    const created = await callRoute(planRoute.action, post(`${path}/plan`, form, owner.cookie), params);
    expect(created.status).toBe(302);
    const [plan] = await db.select({ id: actionPlans.id }).from(actionPlans).where(eq(actionPlans.diagnosticId, diagId));
    expect(await db.select({ id: planActions.id }).from(planActions).where(eq(planActions.planId, plan.id))).toHaveLength(ticked.length);
  });

  it("adding a plan action: no new action without the plan's stamp", async () => {
    const { owner, org, diagId, path } = await seedStructureDiagnostic(db, 2032);
    const params = { orgId: org.id, diagId };
    const page = await callRoute(planRoute.loader, get(`${path}/plan`, owner.cookie), params);
    const ticked = page.data.offered.filter((o: { proposed: boolean }) => o.proposed).map((o: { catalogueId: string }) => o.catalogueId);
    const form = { intent: "creer", kind: "plan_action", periodStart: page.data.defaults.periodStart, periodEnd: page.data.defaults.periodEnd, actions: ticked };
    expect((await callRoute(planRoute.action, post(`${path}/plan`, form, owner.cookie), params)).status).toBe(302);
    const [plan] = await db.select({ id: actionPlans.id }).from(actionPlans).where(eq(actionPlans.diagnosticId, diagId));
    const error = await killWhileBlocked(`select 1 from action_plans where id = '${plan.id}' for no key update`, () =>
      addPlanAction(db, org.id, plan.id, { title: "Réunions avant 17 h" }, owner.id),
    );
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(await db.select({ id: planActions.id }).from(planActions).where(eq(planActions.planId, plan.id))).toHaveLength(ticked.length);
  });
});
