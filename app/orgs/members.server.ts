import { getDb } from "../../db/client.ts";
import { insertAudit } from "../../db/queries/audit.ts";
import { revokeInvitation } from "../../db/queries/invitations.ts";
import { countOwners, deleteMembership, findMembershipRole, updateMembershipRole } from "../../db/queries/organizations.ts";
import type { Role } from "../../db/schema.ts";

export const LAST_OWNER_MESSAGE =
  "Il faut au moins une personne propriétaire : nommez d'abord quelqu'un d'autre propriétaire.";

type Outcome = { ok: true } | { ok: false; message: string };

/**
 * Changes a member's role, in one transaction that re-counts owners so two owners demoting each other
 * at the same time cannot leave the organisation without one.
 */
export async function changeMemberRole(organizationId: string, actorId: string, userId: string, role: Role): Promise<Outcome> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await findMembershipRole(tx, organizationId, userId);
    if (!current) return { ok: false, message: "Cette personne n'est plus membre de l'espace." };
    if (current === "owner" && role !== "owner" && (await countOwners(tx, organizationId)) <= 1)
      return { ok: false, message: LAST_OWNER_MESSAGE };
    await updateMembershipRole(tx, organizationId, userId, role);
    await insertAudit(tx, { organizationId, actorUserId: actorId, action: "member.role_changed", details: { userId, role } });
    return { ok: true };
  });
}

/** Removes a member (or the actor leaving); refuses to remove the last owner. */
export async function removeMember(organizationId: string, actorId: string, userId: string): Promise<Outcome> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await findMembershipRole(tx, organizationId, userId);
    if (!current) return { ok: false, message: "Cette personne n'est plus membre de l'espace." };
    if (current === "owner" && (await countOwners(tx, organizationId)) <= 1) return { ok: false, message: LAST_OWNER_MESSAGE };
    await deleteMembership(tx, organizationId, userId);
    await insertAudit(tx, {
      organizationId,
      actorUserId: actorId,
      action: actorId === userId ? "member.left" : "member.removed",
      details: { userId },
    });
    return { ok: true };
  });
}

export async function cancelInvitation(organizationId: string, actorId: string, invitationId: string) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await revokeInvitation(tx, organizationId, invitationId, new Date());
    await insertAudit(tx, { organizationId, actorUserId: actorId, action: "invitation.revoked", details: { invitationId } });
  });
}
