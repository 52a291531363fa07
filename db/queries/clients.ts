import { and, asc, desc, eq, inArray, isNull, max, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../client.ts";
import { accessGrants, actionPlans, diagnosticAnswers, diagnostics, organizations, planActions, reviewComments } from "../schema.ts";
import type { AnswerJson } from "./diagnostics.ts";

/**
 * What an accompaniment organisation sees of its client structures. Every query joins the active
 * grants of `advisorOrgId`, so a structure that did not grant access (or revoked it) is never read.
 */

const activeGrantOf = (advisorOrgId: string, structureColumn: AnyPgColumn) =>
  and(eq(accessGrants.structureId, structureColumn), eq(accessGrants.advisorOrgId, advisorOrgId), eq(accessGrants.status, "active"));

/**
 * The client structures of an accompaniment organisation (active grants), each with its diagnostics
 * (answers for progress, the number of jobs, the last activity), their plans with their actions, and
 * the number of open review comments.
 */
export async function listAdvisorClients(db: DbOrTx, advisorOrgId: string) {
  const structures = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      siret: organizations.siret,
      structureType: organizations.structureType,
      departement: organizations.departement,
      commune: organizations.commune,
      level: accessGrants.level,
      grantedAt: accessGrants.updatedAt,
    })
    .from(organizations)
    .innerJoin(accessGrants, activeGrantOf(advisorOrgId, organizations.id))
    .where(eq(organizations.kind, "structure"))
    .orderBy(asc(organizations.name));
  if (structures.length === 0) return [];

  const diagnosticRows = await db
    .select({
      id: diagnostics.id,
      structureId: diagnostics.organizationId,
      year: diagnostics.year,
      status: diagnostics.status,
      profile: diagnostics.profile,
      jobsCount: sql<number>`jsonb_array_length(${diagnostics.jobs})`.mapWith(Number),
      indexSource: diagnostics.indexSource,
      updatedAt: diagnostics.updatedAt,
    })
    .from(diagnostics)
    .innerJoin(accessGrants, activeGrantOf(advisorOrgId, diagnostics.organizationId))
    .orderBy(desc(diagnostics.year));
  const diagnosticIds = diagnosticRows.map((d) => d.id);

  const [answers, plans, openComments] = diagnosticIds.length
    ? await Promise.all([
        db
          .select({ diagnosticId: diagnosticAnswers.diagnosticId, questionId: diagnosticAnswers.questionId, value: diagnosticAnswers.value })
          .from(diagnosticAnswers)
          .innerJoin(diagnostics, eq(diagnostics.id, diagnosticAnswers.diagnosticId))
          .innerJoin(accessGrants, activeGrantOf(advisorOrgId, diagnostics.organizationId)),
        db
          .select({
            id: actionPlans.id,
            diagnosticId: actionPlans.diagnosticId,
            kind: actionPlans.kind,
            periodStart: actionPlans.periodStart,
            periodEnd: actionPlans.periodEnd,
            updatedAt: actionPlans.updatedAt,
          })
          .from(actionPlans)
          .innerJoin(accessGrants, activeGrantOf(advisorOrgId, actionPlans.organizationId)),
        db
          .select({ diagnosticId: reviewComments.diagnosticId, count: sql<number>`count(*)`.mapWith(Number) })
          .from(reviewComments)
          .innerJoin(accessGrants, activeGrantOf(advisorOrgId, reviewComments.structureId))
          .where(isNull(reviewComments.resolvedAt))
          .groupBy(reviewComments.diagnosticId),
      ])
    : [[], [], []];

  const planIds = plans.map((p) => p.id);
  const actions = planIds.length
    ? await db
        .select({ id: planActions.id, planId: planActions.planId, data: planActions.data, updatedAt: planActions.updatedAt })
        .from(planActions)
        .where(inArray(planActions.planId, planIds))
        .orderBy(asc(planActions.position))
    : [];
  const lastActionEdit = planIds.length
    ? await db
        .select({ planId: planActions.planId, at: max(planActions.updatedAt) })
        .from(planActions)
        .where(inArray(planActions.planId, planIds))
        .groupBy(planActions.planId)
    : [];

  return structures.map((s) => ({
    ...s,
    diagnostics: diagnosticRows
      .filter((d) => d.structureId === s.id)
      .map((d) => {
        const plan = plans.find((p) => p.diagnosticId === d.id) ?? null;
        const planEditedAt = plan ? (lastActionEdit.find((a) => a.planId === plan.id)?.at ?? null) : null;
        return {
          ...d,
          answers: Object.fromEntries(answers.filter((a) => a.diagnosticId === d.id).map((a) => [a.questionId, a.value])) as Record<string, AnswerJson>,
          plan: plan
            ? {
                ...plan,
                actions: actions.filter((a) => a.planId === plan.id).map(({ id, data }) => ({ id, data })),
                lastEditAt: planEditedAt && planEditedAt > plan.updatedAt ? planEditedAt : plan.updatedAt,
              }
            : null,
          openComments: openComments.find((c) => c.diagnosticId === d.id)?.count ?? 0,
        };
      }),
  }));
}
