import { parseArgs } from "node:util";
import { getDb } from "../../db/client.ts";
import { insertAudit } from "../../db/queries/audit.ts";
import { findOrganizationByName, insertOrganization, upsertMembership } from "../../db/queries/organizations.ts";
import { findUserByEmail } from "../../db/queries/users.ts";
import { seedDemoIfEmpty } from "../../db/seed.ts";
import { hashPassword } from "../auth/password.server.ts";
import { ORG_KINDS, ROLES, type OrgKind, type Role } from "../../db/schema-enums.ts";
import { isDepartementCode } from "../../diagnostics/departements.ts";
import { EmailSchema } from "../auth/schemas.ts";
import type { CliIo } from "./io.ts";

/** Platform administration: create accompaniment and DDETS organisations, add members. */
export const adminCommands: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  async "create-org"(args, io) {
    const { values } = parseArgs({
      args,
      options: { kind: { type: "string" }, name: { type: "string" }, departements: { type: "string" } },
    });
    const kind = values.kind as OrgKind | undefined;
    if (!kind || !ORG_KINDS.includes(kind) || kind === "structure") {
      io.stderr("Indiquez --kind accompagnement ou --kind ddets (les structures se créent à l'inscription).\n");
      return 2;
    }
    const name = values.name?.trim();
    if (!name) {
      io.stderr("Indiquez le nom de l'organisation avec --name « … ».\n");
      return 2;
    }
    const departements = (values.departements ?? "").split(",").map((d) => d.trim()).filter(Boolean);
    if (kind === "ddets" && departements.length === 0) {
      io.stderr("Une DDETS couvre au moins un département : --departements 59,62.\n");
      return 2;
    }
    const unknown = departements.filter((d) => !isDepartementCode(d));
    if (unknown.length) {
      io.stderr(`Département inconnu : ${unknown.join(", ")}.\n`);
      return 2;
    }
    const db = await getDb();
    const org = await db.transaction(async (tx) => {
      const created = await insertOrganization(tx, { kind, name, departements: kind === "ddets" ? departements : [] });
      await insertAudit(tx, { organizationId: created.id, actorUserId: null, action: "organization.created", details: { kind, via: "cli" } });
      return created;
    });
    io.stdout(`${JSON.stringify({ id: org.id, kind, name, departements: kind === "ddets" ? departements : [] })}\n`);
    return 0;
  },

  async "add-member"(args, io) {
    const { values } = parseArgs({ args, options: { org: { type: "string" }, email: { type: "string" }, role: { type: "string" } } });
    const role = (values.role ?? "editor") as Role;
    if (!ROLES.includes(role)) {
      io.stderr("Le rôle doit être owner, editor ou viewer.\n");
      return 2;
    }
    const email = EmailSchema.safeParse(values.email ?? "");
    if (!email.success) {
      io.stderr(`Adresse électronique non valide : ${values.email ?? "(vide)"}.\n`);
      return 2;
    }
    if (!values.org) {
      io.stderr("Indiquez l'organisation avec --org (identifiant ou nom exact).\n");
      return 2;
    }
    const db = await getDb();
    const user = await findUserByEmail(db, email.data);
    if (!user) {
      io.stderr(`Aucun compte pour ${email.data} : la personne doit d'abord créer son compte, ou être invitée depuis l'espace.\n`);
      return 1;
    }
    const byName = await findOrganizationByName(db, values.org);
    const orgId = byName.length === 1 ? byName[0].id : values.org;
    if (byName.length > 1) {
      io.stderr("Plusieurs organisations portent ce nom : utilisez l'identifiant.\n");
      return 2;
    }
    try {
      await db.transaction(async (tx) => {
        await upsertMembership(tx, orgId, user.id, role);
        await insertAudit(tx, { organizationId: orgId, actorUserId: null, action: "member.added", details: { userId: user.id, role, via: "cli" } });
      });
    } catch {
      io.stderr(`Organisation introuvable : ${values.org}.\n`);
      return 1;
    }
    io.stdout(`${JSON.stringify({ org: orgId, email: email.data, role })}\n`);
    return 0;
  },

  /** `npm run db:seed`: the demo accounts, only when the database has no user yet. */
  async "seed-demo"(_args, io) {
    const demo = await seedDemoIfEmpty(await getDb(), { hashPassword });
    if (!demo) {
      io.stderr("La base contient déjà des comptes : la démonstration n'est ajoutée qu'à une base vide.\n");
      return 1;
    }
    io.stdout(`Démonstration prête. Mot de passe de tous les comptes : ${demo.password}\n`);
    for (const account of demo.accounts) io.stdout(`  ${account.email}  ${account.description}\n`);
    return 0;
  },
};
