import { getDb } from "../../db/client.ts";
import { insertAudit } from "../../db/queries/audit.ts";
import { deleteDiagnosticCascade, deleteStructureCascade, deleteUserCascade, listMembershipsForDeletion } from "../../db/queries/data-rights.ts";
import { findUserById } from "../../db/queries/users.ts";
import type { DbOrTx } from "../../db/client.ts";
import { verifyPassword } from "../auth/password.server.ts";

/**
 * Deletions (GDPR right to erasure): a diagnostic, a whole structure, one's own account. Each runs in
 * one transaction and leaves an audit entry without personal data (no name, email or SIRET: the
 * action, the organisation id, the year and the counts of what went).
 */

const NBSP = "\u00a0";

/** Typed confirmation: the same text once spaces, case and apostrophes are set aside. */
export function confirmationMatches(typed: string, expected: string): boolean {
  const norm = (s: string) =>
    s
      .normalize("NFC")
      .replace(/[\u2019\u2018`´]/g, "'")
      .replace(/[\s\u00a0\u202f]+/g, " ")
      .trim()
      .toLocaleLowerCase("fr-FR");
  return norm(typed) !== "" && norm(typed) === norm(expected);
}

export const MESSAGES = {
  yearMismatch: (year: number) => `Pour confirmer, saisissez l'année du diagnostic${NBSP}: ${year}.`,
  nameMismatch: (name: string) => `Pour confirmer, saisissez le nom exact de la structure${NBSP}: «${NBSP}${name}${NBSP}».`,
  diagnosticGone: "Ce diagnostic n'existe plus (il a peut-être déjà été supprimé).",
  wrongPassword: "Le mot de passe est incorrect.",
  soleOwner: (names: string[]) =>
    `Vous êtes la seule personne propriétaire de ${names.map((n) => `«${NBSP}${n}${NBSP}»`).join(", ")}, qui compte d'autres membres. ` +
    `Nommez d'abord une autre personne propriétaire (rubrique «${NBSP}Membres${NBSP}»), ou supprimez la structure (rubrique «${NBSP}Données de la structure${NBSP}»), puis supprimez votre compte.`,
  confirmStructures: "Cochez la case pour confirmer la suppression des structures dont vous êtes le seul membre.",
} as const;

/** Deletes diagnostic `diagnosticId` of structure `organizationId` and writes the audit entry; null when it is not there. */
export async function deleteDiagnostic(organizationId: string, actorUserId: string, diagnosticId: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const deleted = await deleteDiagnosticCascade(tx, organizationId, diagnosticId);
    if (!deleted) return null;
    await insertAudit(tx, { organizationId, actorUserId, action: "diagnostic.deleted", details: { ...deleted } });
    return deleted;
  });
}

async function deleteStructureIn(tx: DbOrTx, organizationId: string, actorUserId: string | null, reason: "owner" | "account_deleted") {
  const counts = await deleteStructureCascade(tx, organizationId);
  if (!counts) return null;
  await insertAudit(tx, { organizationId, actorUserId, action: "organization.deleted", details: { reason, ...counts } });
  return counts;
}

/** Deletes structure `organizationId` and everything of it; the members keep their accounts. */
export async function deleteStructure(organizationId: string, actorUserId: string) {
  const db = await getDb();
  return db.transaction((tx) => deleteStructureIn(tx, organizationId, actorUserId, "owner"));
}

/**
 * What deleting the account of `userId` would do: refused while they are the only owner of an
 * organisation that has other members; the structures of which they are the only member go with the
 * account (after a confirmation); of the others they simply leave. An accompaniment or DDETS
 * organisation is never deleted with an account (an administrator adds its next member).
 */
export async function accountDeletionPlan(db: DbOrTx, userId: string) {
  const orgs = await listMembershipsForDeletion(db, userId);
  return {
    blocking: orgs.filter((o) => o.role === "owner" && o.owners === 1 && o.members > 1).map((o) => ({ id: o.id, name: o.name })),
    deletedWithAccount: orgs.filter((o) => o.members === 1 && o.kind === "structure").map((o) => ({ id: o.id, name: o.name })),
    left: orgs.filter((o) => !(o.members === 1 && o.kind === "structure")).map((o) => ({ id: o.id, name: o.name })),
  };
}

export type AccountDeletionResult = { ok: true } | { ok: false; field: "password" | "confirmStructures" | "form"; message: string };

/**
 * Deletes the account of `userId` after checking the password, in one transaction: the structures of
 * which they are the only member (when `confirmStructures`), their memberships and sessions; their
 * name leaves every « last edited by » and the audit entries become anonymous.
 */
export async function deleteAccount(userId: string, password: string, confirmStructures: boolean): Promise<AccountDeletionResult> {
  const db = await getDb();
  const user = await findUserById(db, userId);
  if (!user || !(await verifyPassword(user.passwordHash, password))) return { ok: false, field: "password", message: MESSAGES.wrongPassword };
  return db.transaction(async (tx) => {
    const plan = await accountDeletionPlan(tx, userId);
    if (plan.blocking.length > 0) return { ok: false, field: "form", message: MESSAGES.soleOwner(plan.blocking.map((o) => o.name)) } as const;
    if (plan.deletedWithAccount.length > 0 && !confirmStructures) return { ok: false, field: "confirmStructures", message: MESSAGES.confirmStructures } as const;
    for (const org of plan.deletedWithAccount) await deleteStructureIn(tx, org.id, null, "account_deleted");
    for (const org of plan.left) await insertAudit(tx, { organizationId: org.id, actorUserId: null, action: "member.account_deleted" });
    await deleteUserCascade(tx, userId);
    return { ok: true } as const;
  });
}
