import { hashPassword } from "../../app/auth/password.server.ts";
import { createSession } from "../../app/auth/session.server.ts";
import type { Db } from "../../db/client.ts";
import { upsertGrant } from "../../db/queries/grants.ts";
import { insertOrganization, upsertMembership } from "../../db/queries/organizations.ts";
import { insertUser } from "../../db/queries/users.ts";
import type { OrgKind, Role } from "../../db/schema-enums.ts";

export const TEST_PASSWORD = "une phrase de passe solide";
let hashed: Promise<string> | null = null;
let counter = 0;

/** A user with TEST_PASSWORD and a signed-in session cookie. */
export async function makeUser(db: Db, overrides: { email?: string; name?: string } = {}) {
  counter += 1;
  hashed ??= hashPassword(TEST_PASSWORD);
  const email = overrides.email ?? `personne${counter}-${Math.floor(Math.random() * 1e9)}@exemple.fr`;
  const { id } = await insertUser(db, { email, name: overrides.name ?? `Personne ${counter}`, passwordHash: await hashed });
  const session = await createSession(db, id);
  return { id, email, name: overrides.name ?? `Personne ${counter}`, cookie: `boussole_session=${session.token}`, sessionId: session.sessionId };
}

/** A valid SIRET (Luhn) different for each call. */
export function makeSiret(): string {
  for (;;) {
    const base = String(Math.floor(Math.random() * 1e13)).padStart(13, "0");
    for (let d = 0; d < 10; d++) {
      const candidate = base + d;
      let sum = 0;
      for (let i = 0; i < 14; i++) {
        let x = Number(candidate[13 - i]);
        if (i % 2 === 1) {
          x *= 2;
          if (x > 9) x -= 9;
        }
        sum += x;
      }
      if (sum % 10 === 0) return candidate;
    }
  }
}

/** An organisation of `kind` with `owner` as owner and optional other members. */
export async function makeOrg(
  db: Db,
  owner: { id: string } | null,
  kind: OrgKind = "structure",
  extra: { departement?: string; departements?: string[]; name?: string; structureType?: string } = {},
  members: Array<{ id: string; role: Role }> = [],
) {
  counter += 1;
  const { id } = await insertOrganization(
    db,
    {
      kind,
      name: extra.name ?? `Organisation ${counter}`,
      siret: kind === "structure" ? makeSiret() : null,
      structureType: kind === "structure" ? (extra.structureType ?? "ACI") : null,
      departement: kind === "structure" ? (extra.departement ?? "59") : null,
      commune: kind === "structure" ? "Lille" : null,
      departements: extra.departements,
    },
    owner?.id,
  );
  for (const m of members) await upsertMembership(db, id, m.id, m.role);
  return { id };
}

/**
 * A structure with its three roles (owner, editor, viewer) and a user of another structure: the
 * cast of every permission test.
 */
export async function makeStructureTeam(db: Db) {
  const owner = await makeUser(db, { name: "Nadia Benali" });
  const editor = await makeUser(db, { name: "Julien Caron" });
  const viewer = await makeUser(db, { name: "Martine Lefebvre" });
  const outsider = await makeUser(db, { name: "Autre Structure" });
  const org = await makeOrg(db, owner, "structure", { name: "ACI des Jardins", departement: "59" }, [
    { id: editor.id, role: "editor" },
    { id: viewer.id, role: "viewer" },
  ]);
  await makeOrg(db, outsider, "structure", { name: "Structure voisine" });
  return { owner, editor, viewer, outsider, org };
}

/** Two advisors of `team`'s structure: one through a read grant, one through an edit grant (both active). */
export async function makeGrantedAdvisors(db: Db, team: Awaited<ReturnType<typeof makeStructureTeam>>) {
  const reader = await makeUser(db, { name: "Conseillère lecture" });
  const editorAdvisor = await makeUser(db, { name: "Conseiller édition" });
  const readOrg = await makeOrg(db, reader, "accompagnement", { name: "Association lecture" });
  const editOrg = await makeOrg(db, editorAdvisor, "accompagnement", { name: "Association édition" });
  await upsertGrant(db, { structureId: team.org.id, advisorOrgId: readOrg.id, level: "read", status: "active", decidedBy: team.owner.id });
  await upsertGrant(db, { structureId: team.org.id, advisorOrgId: editOrg.id, level: "edit", status: "active", decidedBy: team.owner.id });
  return { reader, editorAdvisor };
}

/** A valid sign-up form (structure sign-up, without invitation) for a fresh email and SIRET. */
export function makeSignupForm(overrides: Record<string, string> = {}) {
  const form = {
    name: "Claire Dumont",
    email: `claire.${Math.floor(Math.random() * 1e9)}@exemple.fr`,
    password: "jardins partagés du beffroi",
    structureName: "Chantier Vert",
    siret: makeSiret(),
    structureType: "ACI",
    departement: "62",
    commune: "Arras",
  };
  return { ...form, ...overrides } as typeof form & Record<string, string>;
}
