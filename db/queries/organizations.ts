import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client.ts";
import { newId } from "../ids.ts";
import { preparedStatement } from "../prepared.ts";
import { memberships, organizations, type OrgKind, type Role, users } from "../schema.ts";

export interface NewStructure {
  name: string;
  siret: string;
  structureType: string;
  departement: string;
  commune: string;
}

/** Creates an organisation and makes `ownerUserId` (when given) its owner, in the caller's transaction. */
export async function insertOrganization(
  db: DbOrTx,
  input: { kind: OrgKind; name: string; siret?: string | null; structureType?: string | null; departement?: string | null; commune?: string | null; departements?: string[] },
  ownerUserId?: string,
) {
  // Never an organisation without its owner.
  return db.transaction(async (tx) => {
    const id = newId();
    await tx.insert(organizations).values({
      id,
      kind: input.kind,
      name: input.name.trim(),
      siret: input.siret ?? null,
      structureType: input.structureType ?? null,
      departement: input.departement ?? null,
      commune: input.commune?.trim() ?? null,
      departements: input.departements ?? [],
    });
    if (ownerUserId) await tx.insert(memberships).values({ organizationId: id, userId: ownerUserId, role: "owner" });
    return { id };
  });
}

export async function siretExists(db: DbOrTx, siret: string) {
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.siret, siret));
  return Boolean(row);
}

export async function findOrganizationByName(db: DbOrTx, name: string) {
  return db
    .select({ id: organizations.id, kind: organizations.kind, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.name, name));
}

/** The organisations a user belongs to, with the user's role in each. */
export async function listUserOrganizations(db: DbOrTx, userId: string) {
  return db
    .select({
      id: organizations.id,
      kind: organizations.kind,
      name: organizations.name,
      structureType: organizations.structureType,
      departement: organizations.departement,
      commune: organizations.commune,
      departements: organizations.departements,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name));
}

/** The organisation seen through the user's membership; null when the user is not a member. */
export async function findOrganizationForMember(db: DbOrTx, organizationId: string, userId: string) {
  const [row] = await organizationForMember(db).execute({ organizationId, userId });
  return row ?? null;
}

/** The permission check of every page of an organisation reads it. */
const organizationForMember = preparedStatement((db) =>
  db
    .select({
      id: organizations.id,
      kind: organizations.kind,
      name: organizations.name,
      siret: organizations.siret,
      structureType: organizations.structureType,
      departement: organizations.departement,
      commune: organizations.commune,
      departements: organizations.departements,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.organizationId, sql.placeholder("organizationId")), eq(memberships.userId, sql.placeholder("userId"))))
    .prepare("find_membership"),
);

export async function listMembers(db: DbOrTx, organizationId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(asc(users.name));
}

export async function countOwners(db: DbOrTx, organizationId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, "owner")));
  return row.n;
}

/** Adds the user or changes their role if already a member. */
export async function upsertMembership(db: DbOrTx, organizationId: string, userId: string, role: Role) {
  await db
    .insert(memberships)
    .values({ organizationId, userId, role })
    .onConflictDoUpdate({ target: [memberships.organizationId, memberships.userId], set: { role } });
}

export async function findMembershipRole(db: DbOrTx, organizationId: string, userId: string): Promise<Role | null> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

export async function updateMembershipRole(db: DbOrTx, organizationId: string, userId: string, role: Role) {
  await db
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
}

export async function deleteMembership(db: DbOrTx, organizationId: string, userId: string) {
  await db.delete(memberships).where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
}

export async function countOrganizations(db: DbOrTx) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(organizations);
  return row.n;
}
