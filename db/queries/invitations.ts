import { and, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../client.ts";
import { invitations, organizations, type Role } from "../schema.ts";

export async function insertInvitation(
  db: DbOrTx,
  input: { id: string; organizationId: string; email: string; role: Role; tokenHash: Uint8Array; invitedBy: string | null; expiresAt: Date },
) {
  await db.insert(invitations).values(input);
}

export async function listPendingInvitations(db: DbOrTx, organizationId: string, now: Date) {
  const rows = await db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, createdAt: invitations.createdAt })
    .from(invitations)
    .where(and(eq(invitations.organizationId, organizationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .orderBy(desc(invitations.createdAt));
  return rows.filter((r) => r.expiresAt > now);
}

export async function findInvitation(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: invitations.id,
      organizationId: invitations.organizationId,
      organizationName: organizations.name,
      email: invitations.email,
      role: invitations.role,
      tokenHash: invitations.tokenHash,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.id, id));
  return row ?? null;
}

/** Marks the invitation accepted; returns false when it was already used (single use). */
export async function markInvitationAccepted(db: DbOrTx, id: string, now: Date) {
  const rows = await db
    .update(invitations)
    .set({ acceptedAt: now })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  return rows.length === 1;
}

export async function revokeInvitation(db: DbOrTx, organizationId: string, id: string, now: Date) {
  await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.id, id), eq(invitations.organizationId, organizationId), isNull(invitations.acceptedAt)));
}
