import { getDb, type DbOrTx } from "../../db/client.ts";
import { insertAudit } from "../../db/queries/audit.ts";
import {
  findAccompanimentOrganization,
  findGrantByPair,
  findStructureBySiret,
  findStructureGrant,
  listOwnerContacts,
  upsertGrant,
  type GrantLevel,
} from "../../db/queries/grants.ts";
import { insertInvitation } from "../../db/queries/invitations.ts";
import { insertOrganization, siretExists } from "../../db/queries/organizations.ts";
import { hitRateLimit } from "../../db/queries/rate-limits.ts";
import { newId } from "../../db/ids.ts";
import { INVITATION_TTL_MS } from "../auth/accounts.server.ts";
import { newIdSecretToken } from "../auth/tokens.server.ts";
import { publicUrl, sendMail } from "../mail/mailer.server.ts";
import { GRANT_LEVEL_LABELS, quoted, type GrantDecision, type NewClientInput } from "./accompaniment.ts";

/**
 * Access of accompaniment organisations to structures. Every change and its audit entry are written in
 * one transaction; mails leave after the commit.
 */

const NBSP = "\u00a0";

export type Outcome = { ok: true; message: string } | { ok: false; message: string };

interface Actor {
  id: string;
  name: string;
}

/** The owner gives an association access, or changes the level of the access it already has. */
export async function grantAccess(structureId: string, actor: Actor, advisorOrgId: string, level: GrantLevel): Promise<Outcome> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const advisorOrg = await findAccompanimentOrganization(tx, advisorOrgId);
    if (!advisorOrg) return { ok: false, message: "Choisissez une association d'accompagnement dans la liste." };
    const existing = await findGrantByPair(tx, structureId, advisorOrgId);
    const details = { advisorOrgId, advisorOrgName: advisorOrg.name, level };
    if (existing?.status === "active") {
      if (existing.level === level) return { ok: true, message: `${quoted(advisorOrg.name)} a déjà cet accès (${GRANT_LEVEL_LABELS[level].toLowerCase()}).` };
      await upsertGrant(tx, { structureId, advisorOrgId, level, status: "active", decidedBy: actor.id });
      await insertAudit(tx, { organizationId: structureId, actorUserId: actor.id, action: "grant.level_changed", details: { ...details, previousLevel: existing.level } });
      return { ok: true, message: `Accès de ${quoted(advisorOrg.name)} changé${NBSP}: ${GRANT_LEVEL_LABELS[level].toLowerCase()}.` };
    }
    await upsertGrant(tx, { structureId, advisorOrgId, level, status: "active", decidedBy: actor.id });
    await insertAudit(tx, {
      organizationId: structureId,
      actorUserId: actor.id,
      action: existing?.status === "requested" ? "grant.accepted" : "grant.created",
      details,
    });
    return { ok: true, message: `${quoted(advisorOrg.name)} a maintenant accès à vos diagnostics (${GRANT_LEVEL_LABELS[level].toLowerCase()}).` };
  });
}

const GONE = `Cet accès a changé entre-temps (une autre personne propriétaire l'a peut-être modifié)${NBSP}: voici la situation à jour.`;

/** The owner changes the level of, revokes, accepts or refuses one grant of the structure. */
export async function decideOnGrant(structureId: string, actor: Actor, decision: GrantDecision): Promise<Outcome> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const grant = await findStructureGrant(tx, structureId, decision.grantId);
    if (!grant) return { ok: false, message: GONE };
    const name = quoted(grant.advisorName);
    const base = { advisorOrgId: grant.advisorOrgId, advisorOrgName: grant.advisorName };
    const write = async (status: "active" | "revoked" | "refused", level: GrantLevel, action: string, details: Record<string, unknown>) => {
      await upsertGrant(tx, { structureId, advisorOrgId: grant.advisorOrgId, level, status, decidedBy: actor.id });
      await insertAudit(tx, { organizationId: structureId, actorUserId: actor.id, action, details });
    };
    switch (decision.intent) {
      case "level":
        if (grant.status !== "active") return { ok: false, message: GONE };
        if (grant.level === decision.level) return { ok: true, message: `${name} a déjà cet accès.` };
        await write("active", decision.level, "grant.level_changed", { ...base, level: decision.level, previousLevel: grant.level });
        return { ok: true, message: `Accès de ${name} changé${NBSP}: ${GRANT_LEVEL_LABELS[decision.level].toLowerCase()}.` };
      case "revoke":
        if (grant.status !== "active") return { ok: false, message: GONE };
        await write("revoked", grant.level, "grant.revoked", { ...base, level: grant.level });
        return { ok: true, message: `Accès de ${name} retiré. L'association ne voit plus vos diagnostics, dès maintenant.` };
      case "accept":
        if (grant.status !== "requested") return { ok: false, message: GONE };
        await write("active", decision.level, "grant.accepted", { ...base, level: decision.level });
        return { ok: true, message: `Demande de ${name} acceptée (${GRANT_LEVEL_LABELS[decision.level].toLowerCase()}).` };
      case "refuse":
        if (grant.status !== "requested") return { ok: false, message: GONE };
        await write("refused", grant.level, "grant.refused", base);
        return { ok: true, message: `Demande de ${name} refusée.` };
    }
  });
}

/** Access requests an association may send per day (each may mail a structure's owners). */
export const ACCESS_REQUESTS_PER_DAY = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An association asks for access to the structure of this SIRET. The answer is the same whether a
 * structure matches or not; when one does (and has no active or pending grant for the association), the
 * grant becomes « requested » and its owners get a mail. False when over the daily limit.
 */
export async function requestAccessBySiret(
  request: Request,
  advisor: { orgId: string; orgName: string },
  actor: Actor,
  input: { siret: string; level: GrantLevel },
): Promise<boolean> {
  const db = await getDb();
  if ((await hitRateLimit(db, `accessRequestPerOrg:${advisor.orgId}`, DAY_MS, new Date())) > ACCESS_REQUESTS_PER_DAY) return false;
  const notify = await db.transaction(async (tx) => {
    await insertAudit(tx, { organizationId: advisor.orgId, actorUserId: actor.id, action: "access_request.sent", details: { siret: input.siret, level: input.level } });
    const structure = await findStructureBySiret(tx, input.siret);
    if (!structure) return null;
    const existing = await findGrantByPair(tx, structure.id, advisor.orgId);
    if (existing?.status === "active" || existing?.status === "requested") return null;
    await upsertGrant(tx, { structureId: structure.id, advisorOrgId: advisor.orgId, level: input.level, status: "requested", requestedBy: actor.id, decidedBy: null });
    await insertAudit(tx, {
      organizationId: structure.id,
      actorUserId: actor.id,
      action: "grant.requested",
      details: { advisorOrgId: advisor.orgId, advisorOrgName: advisor.orgName, level: input.level },
    });
    return { structure, owners: await listOwnerContacts(tx, structure.id) };
  });
  if (notify) {
    const link = `${publicUrl(request)}/o/${notify.structure.id}/accompagnement`;
    for (const owner of notify.owners) {
      await sendMail({
        to: owner.email,
        subject: `Demande d'accès de ${quoted(advisor.orgName)} à ${quoted(notify.structure.name)}`,
        text: `Bonjour ${owner.name},

${actor.name}, de l'association d'accompagnement ${quoted(advisor.orgName)}, demande à accéder aux diagnostics de ${quoted(notify.structure.name)} sur Boussole Égalité (${GRANT_LEVEL_LABELS[input.level].toLowerCase()}).

Rien ne change tant que vous n'avez pas répondu. Pour accepter (en choisissant le niveau d'accès) ou refuser, ouvrez la rubrique ${quoted("Accompagnement")} de votre espace${NBSP}:
${link}

Vous pourrez retirer cet accès à tout moment.

L'équipe Boussole Égalité`,
      });
    }
  }
  return true;
}

/** True for PostgreSQL's unique violation (two people creating the same SIRET at once). */
function isUniqueViolation(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    if ((e as { code?: unknown }).code === "23505") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export const SIRET_TAKEN_MESSAGE = `Cette structure a déjà un espace sur Boussole Égalité${NBSP}: demandez-lui l'accès avec ${quoted("Demander l'accès")} sur la page de vos structures accompagnées.`;

type CreateOutcome = { ok: true; structureId: string } | { ok: false; fieldErrors: Record<string, string[]> };

async function createInTransaction(tx: DbOrTx, advisor: { orgId: string; orgName: string }, actor: Actor, input: NewClientInput, invitation: { id: string; tokenHash: Uint8Array }) {
  const structure = await insertOrganization(tx, {
    kind: "structure",
    name: input.structureName,
    siret: input.siret,
    structureType: input.structureType,
    departement: input.departement,
    commune: input.commune,
  });
  await insertInvitation(tx, {
    id: invitation.id,
    organizationId: structure.id,
    email: input.directorEmail,
    role: "owner",
    tokenHash: invitation.tokenHash,
    invitedBy: actor.id,
    expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
  });
  await upsertGrant(tx, { structureId: structure.id, advisorOrgId: advisor.orgId, level: "edit", status: "active", requestedBy: actor.id, decidedBy: actor.id });
  const via = { via: "accompagnement", advisorOrgId: advisor.orgId, advisorOrgName: advisor.orgName };
  await insertAudit(tx, { organizationId: structure.id, actorUserId: actor.id, action: "organization.created", details: via });
  await insertAudit(tx, { organizationId: structure.id, actorUserId: actor.id, action: "invitation.sent", details: { role: "owner", ...via } });
  await insertAudit(tx, { organizationId: structure.id, actorUserId: actor.id, action: "grant.onboarding", details: { ...via, level: "edit" } });
  await insertAudit(tx, { organizationId: advisor.orgId, actorUserId: actor.id, action: "client.created", details: { structureId: structure.id, structureName: input.structureName } });
  return structure;
}

/**
 * Workshop onboarding: creates a structure's space without members, invites its director as owner
 * and gives the association an active edit grant, in one transaction; then mails the invitation.
 */
export async function createClientSpace(request: Request, advisor: { orgId: string; orgName: string }, actor: Actor, input: NewClientInput): Promise<CreateOutcome> {
  const db = await getDb();
  const taken = { ok: false as const, fieldErrors: { siret: [SIRET_TAKEN_MESSAGE] } };
  if (await siretExists(db, input.siret)) return taken;
  const id = newId();
  const { token, secretHash } = newIdSecretToken(id);
  let structure: { id: string };
  try {
    structure = await db.transaction((tx) => createInTransaction(tx, advisor, actor, input, { id, tokenHash: secretHash }));
  } catch (error) {
    if (isUniqueViolation(error)) return taken;
    throw error;
  }
  const link = `${publicUrl(request)}/invitation/${encodeURIComponent(token)}`;
  await sendMail({
    to: input.directorEmail,
    subject: `L'espace de ${quoted(input.structureName)} sur Boussole Égalité vous attend`,
    text: `Bonjour,

${actor.name}, de l'association d'accompagnement ${quoted(advisor.orgName)}, a créé l'espace de ${quoted(input.structureName)} sur Boussole Égalité, l'outil d'autodiagnostic de l'égalité professionnelle des structures inclusives. Vous en êtes la personne propriétaire${NBSP}: vous inviterez votre équipe et déciderez qui y a accès.

Pour accepter, ouvrez ce lien (valable 14 jours)${NBSP}: créez votre compte ou connectez-vous avec cette adresse.
${link}

${quoted(advisor.orgName)} a accès à vos diagnostics en lecture et modification, pour les remplir avec vous. Vous pourrez changer ce niveau d'accès ou le retirer à tout moment, dans la rubrique ${quoted("Accompagnement")} de votre espace.

L'équipe Boussole Égalité`,
  });
  return { ok: true, structureId: structure.id };
}
