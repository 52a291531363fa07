import { aliasedTable, and, asc, count, eq, inArray, isNotNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../client.ts";
import {
  accessGrants,
  actionPlans,
  auditLog,
  diagnosticAnswers,
  diagnostics,
  invitations,
  memberships,
  organizations,
  passwordResetTokens,
  payCategoryMaps,
  planActions,
  rateLimits,
  reviewComments,
  sessions,
  signupRequests,
  staffFiles,
  users,
} from "../schema.ts";

/**
 * Data rights (GDPR): everything a structure holds, for its export; the deletions of a diagnostic,
 * a structure and an account; the retention purge. Every structure query takes the organisation id
 * and filters on it.
 */

const advisorOrgs = aliasedTable(organizations, "advisor_orgs");
const authorUsers = aliasedTable(users, "author_users");

/** Everything of structure `organizationId`, table by table, with named columns (never hashes or tokens). */
export async function loadStructureData(db: DbOrTx, organizationId: string) {
  const [organization] = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      siret: organizations.siret,
      structureType: organizations.structureType,
      departement: organizations.departement,
      commune: organizations.commune,
      createdAt: organizations.createdAt,
    })
    .from(organizations)
    .where(and(eq(organizations.id, organizationId), eq(organizations.kind, "structure")));
  if (!organization) return null;
  const diagnosticIds = db.select({ id: diagnostics.id }).from(diagnostics).where(eq(diagnostics.organizationId, organizationId));
  const [members, pendingInvitations, diagnosticRows, answers, staff, payCategories, plans, actions, grants, comments, audit] = await Promise.all([
    db
      .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, memberSince: memberships.createdAt })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.organizationId, organizationId))
      .orderBy(asc(users.name)),
    db
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        createdAt: invitations.createdAt,
        expiresAt: invitations.expiresAt,
        acceptedAt: invitations.acceptedAt,
        revokedAt: invitations.revokedAt,
      })
      .from(invitations)
      .where(eq(invitations.organizationId, organizationId))
      .orderBy(asc(invitations.createdAt)),
    db
      .select({
        id: diagnostics.id,
        year: diagnostics.year,
        status: diagnostics.status,
        profile: diagnostics.profile,
        jobs: diagnostics.jobs,
        indexSource: diagnostics.indexSource,
        indexData: diagnostics.indexData,
        indexSkipReason: diagnostics.indexSkipReason,
        createdAt: diagnostics.createdAt,
        updatedAt: diagnostics.updatedAt,
        updatedBy: diagnostics.updatedBy,
        finishedAt: diagnostics.finishedAt,
      })
      .from(diagnostics)
      .where(eq(diagnostics.organizationId, organizationId))
      .orderBy(asc(diagnostics.year)),
    db
      .select({
        diagnosticId: diagnosticAnswers.diagnosticId,
        questionId: diagnosticAnswers.questionId,
        value: diagnosticAnswers.value,
        updatedAt: diagnosticAnswers.updatedAt,
        updatedBy: diagnosticAnswers.updatedBy,
      })
      .from(diagnosticAnswers)
      .where(inArray(diagnosticAnswers.diagnosticId, diagnosticIds))
      .orderBy(asc(diagnosticAnswers.diagnosticId), asc(diagnosticAnswers.questionId)),
    db
      .select({
        diagnosticId: staffFiles.diagnosticId,
        fileName: staffFiles.fileName,
        rowCount: staffFiles.rowCount,
        rows: staffFiles.rows,
        importedAt: staffFiles.importedAt,
        importedBy: staffFiles.importedBy,
      })
      .from(staffFiles)
      .where(inArray(staffFiles.diagnosticId, diagnosticIds)),
    db
      .select({
        diagnosticId: payCategoryMaps.diagnosticId,
        mapping: payCategoryMaps.mapping,
        version: payCategoryMaps.version,
        updatedAt: payCategoryMaps.updatedAt,
        updatedBy: payCategoryMaps.updatedBy,
      })
      .from(payCategoryMaps)
      .where(eq(payCategoryMaps.organizationId, organizationId))
      .orderBy(asc(payCategoryMaps.diagnosticId)),
    db
      .select({
        id: actionPlans.id,
        diagnosticId: actionPlans.diagnosticId,
        kind: actionPlans.kind,
        periodStart: actionPlans.periodStart,
        periodEnd: actionPlans.periodEnd,
        createdAt: actionPlans.createdAt,
        updatedAt: actionPlans.updatedAt,
        updatedBy: actionPlans.updatedBy,
      })
      .from(actionPlans)
      .where(eq(actionPlans.organizationId, organizationId)),
    db
      .select({
        id: planActions.id,
        planId: planActions.planId,
        position: planActions.position,
        data: planActions.data,
        updatedAt: planActions.updatedAt,
        updatedBy: planActions.updatedBy,
      })
      .from(planActions)
      .innerJoin(actionPlans, eq(actionPlans.id, planActions.planId))
      .where(eq(actionPlans.organizationId, organizationId))
      .orderBy(asc(planActions.planId), asc(planActions.position)),
    db
      .select({
        id: accessGrants.id,
        advisorOrgId: accessGrants.advisorOrgId,
        advisorOrgName: advisorOrgs.name,
        level: accessGrants.level,
        status: accessGrants.status,
        createdAt: accessGrants.createdAt,
        updatedAt: accessGrants.updatedAt,
      })
      .from(accessGrants)
      .innerJoin(advisorOrgs, eq(advisorOrgs.id, accessGrants.advisorOrgId))
      .where(eq(accessGrants.structureId, organizationId))
      .orderBy(asc(accessGrants.createdAt)),
    db
      .select({
        id: reviewComments.id,
        diagnosticId: reviewComments.diagnosticId,
        target: reviewComments.target,
        authorName: authorUsers.name,
        authorOrgName: advisorOrgs.name,
        body: reviewComments.body,
        createdAt: reviewComments.createdAt,
        resolvedAt: reviewComments.resolvedAt,
      })
      .from(reviewComments)
      .leftJoin(authorUsers, eq(authorUsers.id, reviewComments.authorUserId))
      .leftJoin(advisorOrgs, eq(advisorOrgs.id, reviewComments.authorOrgId))
      .where(eq(reviewComments.structureId, organizationId))
      .orderBy(asc(reviewComments.createdAt)),
    db
      .select({
        id: auditLog.id,
        action: auditLog.action,
        actorUserId: auditLog.actorUserId,
        actorName: users.name,
        details: auditLog.details,
        createdAt: auditLog.createdAt,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(eq(auditLog.organizationId, organizationId))
      .orderBy(asc(auditLog.createdAt)),
  ]);
  return { organization, members, invitations: pendingInvitations, diagnostics: diagnosticRows, answers, staffFiles: staff, payCategories, plans, actions, grants, comments, audit };
}

export type StructureData = NonNullable<Awaited<ReturnType<typeof loadStructureData>>>;

/** The structure's diagnostics, by year (for the deletion page). */
export async function listDiagnosticYears(db: DbOrTx, organizationId: string) {
  return db
    .select({ id: diagnostics.id, year: diagnostics.year, status: diagnostics.status })
    .from(diagnostics)
    .where(eq(diagnostics.organizationId, organizationId))
    .orderBy(asc(diagnostics.year));
}

async function countOf(db: DbOrTx, table: typeof diagnosticAnswers | typeof reviewComments | typeof planActions, where: ReturnType<typeof eq>) {
  const [row] = await db.select({ n: count() }).from(table).where(where);
  return Number(row?.n ?? 0);
}

/**
 * Deletes diagnostic `diagnosticId` of `organizationId` with its answers, staff file, plan, actions and
 * comments (foreign keys cascade), in the caller's transaction. Returns what was deleted (counts and
 * year), or null when the diagnostic is not of this organisation.
 */
export async function deleteDiagnosticCascade(tx: DbOrTx, organizationId: string, diagnosticId: string) {
  const [diag] = await tx
    .select({ id: diagnostics.id, year: diagnostics.year })
    .from(diagnostics)
    .where(and(eq(diagnostics.id, diagnosticId), eq(diagnostics.organizationId, organizationId)))
    .for("update");
  if (!diag) return null;
  const answers = await countOf(tx, diagnosticAnswers, eq(diagnosticAnswers.diagnosticId, diagnosticId));
  const comments = await countOf(tx, reviewComments, eq(reviewComments.diagnosticId, diagnosticId));
  const [staff] = await tx.select({ rowCount: staffFiles.rowCount }).from(staffFiles).where(eq(staffFiles.diagnosticId, diagnosticId));
  const [plan] = await tx.select({ id: actionPlans.id }).from(actionPlans).where(eq(actionPlans.diagnosticId, diagnosticId));
  const actions = plan ? await countOf(tx, planActions, eq(planActions.planId, plan.id)) : 0;
  await tx.delete(diagnostics).where(and(eq(diagnostics.id, diagnosticId), eq(diagnostics.organizationId, organizationId)));
  return { year: diag.year, answers, staffRows: staff?.rowCount ?? 0, plans: plan ? 1 : 0, actions, comments };
}

/**
 * Deletes structure `organizationId` and everything of it (memberships, invitations, diagnostics and
 * all they hold, grants, comments; foreign keys cascade) and its audit entries, in the caller's
 * transaction. The members' accounts stay. Returns the counts, or null when it is not a structure.
 */
export async function deleteStructureCascade(tx: DbOrTx, organizationId: string) {
  const [org] = await tx
    .select({ id: organizations.id, siret: organizations.siret })
    .from(organizations)
    .where(and(eq(organizations.id, organizationId), eq(organizations.kind, "structure")))
    .for("update");
  if (!org) return null;
  const counted = async (q: Promise<{ n: number }[]>) => Number((await q)[0]?.n ?? 0);
  const ofOrg = sql`(select id from diagnostics where organization_id = ${organizationId})`;
  const counts = {
    members: await counted(tx.select({ n: count() }).from(memberships).where(eq(memberships.organizationId, organizationId))),
    diagnostics: await counted(tx.select({ n: count() }).from(diagnostics).where(eq(diagnostics.organizationId, organizationId))),
    answers: await counted(tx.select({ n: count() }).from(diagnosticAnswers).where(sql`${diagnosticAnswers.diagnosticId} in ${ofOrg}`)),
    staffRows: await counted(
      tx.select({ n: sql<number>`coalesce(sum(${staffFiles.rowCount}), 0)` }).from(staffFiles).where(sql`${staffFiles.diagnosticId} in ${ofOrg}`),
    ),
    plans: await counted(tx.select({ n: count() }).from(actionPlans).where(eq(actionPlans.organizationId, organizationId))),
    grants: await counted(tx.select({ n: count() }).from(accessGrants).where(eq(accessGrants.structureId, organizationId))),
    comments: await counted(tx.select({ n: count() }).from(reviewComments).where(eq(reviewComments.structureId, organizationId))),
  };
  // The structure's own journal names its members (actor ids, visited pages): it goes with it; the
  // deletion entry written by the caller, without personal data, is what remains.
  await tx.delete(auditLog).where(eq(auditLog.organizationId, organizationId));
  // Associations' journals keep their own entries about it (client created, access asked) without its name or SIRET.
  await tx
    .update(auditLog)
    .set({ details: sql`${auditLog.details} - 'structureName' - 'siret'` })
    .where(or(sql`${auditLog.details} ->> 'structureId' = ${organizationId}`, org.siret ? sql`${auditLog.details} ->> 'siret' = ${org.siret}` : sql`false`));
  await tx.delete(organizations).where(eq(organizations.id, organizationId));
  return counts;
}

/**
 * The organisations of user `userId` with what account deletion needs to know: the user's role, how
 * many members and owners each has.
 */
export async function listMembershipsForDeletion(db: DbOrTx, userId: string) {
  const mine = db.select({ id: memberships.organizationId }).from(memberships).where(eq(memberships.userId, userId));
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      members: count(),
      owners: sql<number>`count(*) filter (where ${memberships.role} = 'owner')`,
      role: sql<string>`max(case when ${memberships.userId} = ${userId} then ${memberships.role} end)`,
    })
    .from(organizations)
    .innerJoin(memberships, eq(memberships.organizationId, organizations.id))
    .where(inArray(organizations.id, mine))
    .groupBy(organizations.id, organizations.name, organizations.kind)
    .orderBy(asc(organizations.name));
  return rows.map((r) => ({ ...r, members: Number(r.members), owners: Number(r.owners), role: r.role as "owner" | "editor" | "viewer" }));
}

/**
 * Deletes user `userId` in the caller's transaction: sessions, reset tokens and memberships go with
 * the row (foreign keys cascade), « last edited by » references become null (set null), and the
 * audit entries they made or that named them are anonymised (actor null, `userId` detail removed).
 */
export async function deleteUserCascade(tx: DbOrTx, userId: string) {
  await tx.update(auditLog).set({ actorUserId: null }).where(eq(auditLog.actorUserId, userId));
  await tx
    .update(auditLog)
    .set({ details: sql`${auditLog.details} - 'userId'` })
    .where(sql`${auditLog.details} ->> 'userId' = ${userId}`);
  const deleted = await tx.delete(users).where(eq(users.id, userId)).returning({ id: users.id });
  return deleted.length === 1;
}

/** The retention thresholds, as instants (see app/cli/retention.ts for the rule and its reasons). */
export interface RetentionCutoffs {
  now: Date;
  /** Rate-limit windows that started before this are deleted. */
  rateLimitsBefore: Date;
  /** Audit entries written before this are deleted. */
  auditBefore: Date;
  /** Staff files of diagnostics whose reference year is before this year lose their per-employee rows. */
  staffFileYearBefore: number;
}

/** Rows past their retention, counted per table (nothing deleted). */
export async function countExpired(db: DbOrTx, c: RetentionCutoffs) {
  const n = async (q: Promise<{ n: number }[]>) => Number((await q)[0]?.n ?? 0);
  return {
    sessions: await n(db.select({ n: count() }).from(sessions).where(lt(sessions.expiresAt, c.now))),
    passwordResetTokens: await n(db.select({ n: count() }).from(passwordResetTokens).where(expiredResetToken(c.now))),
    invitations: await n(db.select({ n: count() }).from(invitations).where(lt(invitations.expiresAt, c.now))),
    signupRequests: await n(db.select({ n: count() }).from(signupRequests).where(lt(signupRequests.expiresAt, c.now))),
    rateLimits: await n(db.select({ n: count() }).from(rateLimits).where(lt(rateLimits.windowStart, c.rateLimitsBefore))),
    auditLog: await n(db.select({ n: count() }).from(auditLog).where(lt(auditLog.createdAt, c.auditBefore))),
    staffFiles: await n(db.select({ n: count() }).from(staffFiles).where(staffFileExpired(c.staffFileYearBefore))),
  };
}

function expiredResetToken(now: Date) {
  return or(lt(passwordResetTokens.expiresAt, now), isNotNull(passwordResetTokens.usedAt))!;
}

function staffFileExpired(yearBefore: number) {
  return sql`${staffFiles.diagnosticId} in (select id from diagnostics where year < ${yearBefore})`;
}

/** The staff files past retention, with what is needed to keep their Index as aggregates. */
export async function listExpiredStaffFiles(db: DbOrTx, yearBefore: number) {
  return db
    .select({
      diagnosticId: staffFiles.diagnosticId,
      organizationId: diagnostics.organizationId,
      rows: staffFiles.rows,
      indexSource: diagnostics.indexSource,
      profile: diagnostics.profile,
      structureType: organizations.structureType,
    })
    .from(staffFiles)
    .innerJoin(diagnostics, eq(diagnostics.id, staffFiles.diagnosticId))
    .innerJoin(organizations, eq(organizations.id, diagnostics.organizationId))
    .where(staffFileExpired(yearBefore))
    .for("update", { of: staffFiles });
}

/**
 * Keeps the Index of a diagnostic whose staff file goes: the aggregated Index input computed from the
 * rows becomes the entered data (`saisie`), in the caller's transaction.
 */
export async function keepIndexAsAggregates(tx: DbOrTx, organizationId: string, diagnosticId: string, indexData: Record<string, unknown>, now: Date) {
  await tx
    .update(diagnostics)
    .set({ indexData, indexSource: "saisie", indexVersion: sql`${diagnostics.indexVersion} + 1`, updatedAt: now })
    .where(and(eq(diagnostics.id, diagnosticId), eq(diagnostics.organizationId, organizationId), eq(diagnostics.indexSource, "fichier")));
}

/** Deletes every row past retention, in the caller's transaction; returns the counts per table. */
export async function deleteExpired(tx: DbOrTx, c: RetentionCutoffs) {
  const n = async (q: Promise<unknown[]>) => (await q).length;
  return {
    sessions: await n(tx.delete(sessions).where(lt(sessions.expiresAt, c.now)).returning({ id: sessions.id })),
    passwordResetTokens: await n(tx.delete(passwordResetTokens).where(expiredResetToken(c.now)).returning({ id: passwordResetTokens.id })),
    invitations: await n(tx.delete(invitations).where(lt(invitations.expiresAt, c.now)).returning({ id: invitations.id })),
    signupRequests: await n(tx.delete(signupRequests).where(lt(signupRequests.expiresAt, c.now)).returning({ id: signupRequests.id })),
    rateLimits: await n(tx.delete(rateLimits).where(lt(rateLimits.windowStart, c.rateLimitsBefore)).returning({ key: rateLimits.key })),
    auditLog: await n(tx.delete(auditLog).where(lt(auditLog.createdAt, c.auditBefore)).returning({ id: auditLog.id })),
    staffFiles: await n(tx.delete(staffFiles).where(staffFileExpired(c.staffFileYearBefore)).returning({ id: staffFiles.diagnosticId })),
  };
}
