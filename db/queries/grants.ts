import { and, asc, desc, eq, gt, inArray, like, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../client.ts";
import { newId } from "../ids.ts";
import { accessGrants, auditLog, memberships, organizations, users } from "../schema.ts";
import type { Role } from "../schema-enums.ts";

export type GrantLevel = "read" | "edit";
export type GrantStatus = "requested" | "active" | "refused" | "revoked";

/**
 * The structure as seen by an advisor through an active grant of one of their accompaniment
 * organisations; null without one. With several, the widest grant wins; the advisor's own role in
 * their organisation caps it (a viewer of the association only reads).
 */
export async function findAdvisorAccess(db: DbOrTx, structureId: string, userId: string) {
  const rows = await db
    .select({
      id: organizations.id,
      kind: organizations.kind,
      name: organizations.name,
      siret: organizations.siret,
      structureType: organizations.structureType,
      departement: organizations.departement,
      commune: organizations.commune,
      departements: organizations.departements,
      level: accessGrants.level,
      advisorOrgId: accessGrants.advisorOrgId,
      advisorRole: memberships.role,
    })
    .from(accessGrants)
    .innerJoin(memberships, and(eq(memberships.organizationId, accessGrants.advisorOrgId), eq(memberships.userId, userId)))
    .innerJoin(organizations, eq(organizations.id, accessGrants.structureId))
    .where(and(eq(accessGrants.structureId, structureId), eq(accessGrants.status, "active"), eq(organizations.kind, "structure")));
  if (rows.length === 0) return null;
  const effective = (r: (typeof rows)[number]): Role => (r.level === "edit" && r.advisorRole !== "viewer" ? "editor" : "viewer");
  const best = rows.reduce((a, b) => (effective(b) === "editor" && effective(a) !== "editor" ? b : a));
  const { level, advisorOrgId, advisorRole: _advisorRole, ...org } = best;
  return { org, role: effective(best), grantLevel: level, advisorOrgId };
}

/** Creates or updates the grant between a structure and an accompaniment organisation. */
export async function upsertGrant(
  db: DbOrTx,
  input: { structureId: string; advisorOrgId: string; level: GrantLevel; status: GrantStatus; requestedBy?: string | null; decidedBy?: string | null },
) {
  const now = new Date();
  const [row] = await db
    .insert(accessGrants)
    .values({ id: newId(), ...input, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [accessGrants.structureId, accessGrants.advisorOrgId],
      set: { level: input.level, status: input.status, decidedBy: input.decidedBy ?? null, requestedBy: input.requestedBy ?? sql`${accessGrants.requestedBy}`, updatedAt: now },
    })
    .returning({ id: accessGrants.id });
  return row;
}

/** Changes the status (and level) of a grant of this structure; false when there is none. */
export async function decideGrant(db: DbOrTx, structureId: string, grantId: string, change: { status: GrantStatus; level?: GrantLevel }, userId: string) {
  const rows = await db
    .update(accessGrants)
    .set({ status: change.status, ...(change.level ? { level: change.level } : {}), decidedBy: userId, updatedAt: new Date() })
    .where(and(eq(accessGrants.id, grantId), eq(accessGrants.structureId, structureId)))
    .returning({ id: accessGrants.id, advisorOrgId: accessGrants.advisorOrgId, level: accessGrants.level, status: accessGrants.status });
  return rows[0] ?? null;
}

/** The grants of a structure (active, asked, refused, revoked) with the accompaniment organisation's name and who asked. */
export async function listStructureGrants(db: DbOrTx, structureId: string) {
  return db
    .select({
      id: accessGrants.id,
      advisorOrgId: accessGrants.advisorOrgId,
      advisorName: organizations.name,
      level: accessGrants.level,
      status: accessGrants.status,
      updatedAt: accessGrants.updatedAt,
      requestedByName: users.name,
    })
    .from(accessGrants)
    .innerJoin(organizations, eq(organizations.id, accessGrants.advisorOrgId))
    .leftJoin(users, eq(users.id, accessGrants.requestedBy))
    .where(eq(accessGrants.structureId, structureId))
    .orderBy(asc(organizations.name));
}

/** The structures that granted (or were asked for) access to this accompaniment organisation. */
export async function listAdvisorGrants(db: DbOrTx, advisorOrgId: string, statuses: GrantStatus[] = ["active", "requested"]) {
  return db
    .select({
      grantId: accessGrants.id,
      structureId: organizations.id,
      name: organizations.name,
      structureType: organizations.structureType,
      departement: organizations.departement,
      commune: organizations.commune,
      level: accessGrants.level,
      status: accessGrants.status,
      updatedAt: accessGrants.updatedAt,
    })
    .from(accessGrants)
    .innerJoin(organizations, eq(organizations.id, accessGrants.structureId))
    .where(and(eq(accessGrants.advisorOrgId, advisorOrgId), inArray(accessGrants.status, statuses)))
    .orderBy(asc(organizations.name));
}

/** Accompaniment organisations a structure owner can choose from (their names are public). */
export async function listAccompanimentOrganizations(db: DbOrTx) {
  return db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.kind, "accompagnement"))
    .orderBy(asc(organizations.name));
}

/** Window within which repeated visits of one advisor to one structure make one audit entry. */
export const ADVISOR_VISIT_DEDUPE_MS = 30 * 60 * 1000;

/** Records an advisor's visit unless the same advisor visited the same structure within the window. */
export async function recordAdvisorVisit(db: DbOrTx, structureId: string, userId: string, details: Record<string, unknown>, now = new Date()) {
  const [recent] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.organizationId, structureId),
        eq(auditLog.actorUserId, userId),
        eq(auditLog.action, "advisor.visit"),
        gt(auditLog.createdAt, new Date(now.getTime() - ADVISOR_VISIT_DEDUPE_MS)),
      ),
    )
    .limit(1);
  if (recent) return false;
  await db.insert(auditLog).values({ id: newId(), organizationId: structureId, actorUserId: userId, action: "advisor.visit", details, createdAt: now });
  return true;
}

/** The structure's audit log with the actors' names, newest first (what the owner reads). */
export async function listAuditWithNames(db: DbOrTx, structureId: string, limit = 200) {
  return db
    .select({ id: auditLog.id, action: auditLog.action, details: auditLog.details, createdAt: auditLog.createdAt, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(eq(auditLog.organizationId, structureId))
    .orderBy(desc(auditLog.createdAt))
    .limit(limit);
}

/** One grant of this structure with the accompaniment organisation's name; null when the structure has no such grant. */
export async function findStructureGrant(db: DbOrTx, structureId: string, grantId: string) {
  const [row] = await db
    .select({ id: accessGrants.id, advisorOrgId: accessGrants.advisorOrgId, advisorName: organizations.name, level: accessGrants.level, status: accessGrants.status })
    .from(accessGrants)
    .innerJoin(organizations, eq(organizations.id, accessGrants.advisorOrgId))
    .where(and(eq(accessGrants.id, grantId), eq(accessGrants.structureId, structureId)));
  return row ?? null;
}

/** The grant between this structure and this accompaniment organisation, or null. */
export async function findGrantByPair(db: DbOrTx, structureId: string, advisorOrgId: string) {
  const [row] = await db
    .select({ id: accessGrants.id, level: accessGrants.level, status: accessGrants.status })
    .from(accessGrants)
    .where(and(eq(accessGrants.structureId, structureId), eq(accessGrants.advisorOrgId, advisorOrgId)));
  return row ?? null;
}

/** An accompaniment organisation by id (null for any other kind). */
export async function findAccompanimentOrganization(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.id, id), eq(organizations.kind, "accompagnement")));
  return row ?? null;
}

/** The structure registered with this SIRET, or null (never shown to the person who typed it). */
export async function findStructureBySiret(db: DbOrTx, siret: string) {
  const [row] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.siret, siret), eq(organizations.kind, "structure")));
  return row ?? null;
}

/** The owners of a structure, to tell them about an access request. */
export async function listOwnerContacts(db: DbOrTx, structureId: string) {
  return db
    .select({ email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, structureId), eq(memberships.role, "owner")))
    .orderBy(asc(users.email));
}

/** Audit actions that make the access journal a structure owner reads. */
export const ACCESS_AUDIT_PREFIXES = ["grant.", "advisor."] as const;

/**
 * The structure's access journal, newest first: grants, requests and decisions, advisor visits and
 * exports, and the creation of the space, with the actor's name.
 */
export async function listAccessAudit(db: DbOrTx, structureId: string, limit = 200) {
  const accessAction = or(
    ...ACCESS_AUDIT_PREFIXES.map((p) => like(auditLog.action, `${p}%`)),
    eq(auditLog.action, "organization.created"),
  );
  return db
    .select({ id: auditLog.id, action: auditLog.action, details: auditLog.details, createdAt: auditLog.createdAt, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.organizationId, structureId), accessAction))
    .orderBy(desc(auditLog.createdAt))
    .limit(limit);
}

/** Records an advisor's download of a structure's document (never deduplicated, unlike visits). */
export async function recordAdvisorExport(db: DbOrTx, structureId: string, userId: string, details: Record<string, unknown>, now = new Date()) {
  await db.insert(auditLog).values({ id: newId(), organizationId: structureId, actorUserId: userId, action: "advisor.export", details, createdAt: now });
}

/**
 * The access requests an accompaniment organisation sent since `since`, from its own journal: the
 * SIRET typed, who sent it and when, whether or not a structure matched (that stays unknown to it).
 */
export async function listSentAccessRequests(db: DbOrTx, advisorOrgId: string, since: Date) {
  return db
    .select({ id: auditLog.id, details: auditLog.details, createdAt: auditLog.createdAt, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.organizationId, advisorOrgId), eq(auditLog.action, "access_request.sent"), gt(auditLog.createdAt, since)))
    .orderBy(desc(auditLog.createdAt));
}
