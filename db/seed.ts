import { eq } from "drizzle-orm";
import type { Db } from "./client.ts";
import { insertOrganization, upsertMembership } from "./queries/organizations.ts";
import { insertUser } from "./queries/users.ts";
import { users } from "./schema.ts";
import { demoStructures, insertSeedStructures } from "./seed-ddets.ts";

/** The demo password of every demo account (printed at start-up; never use it in production). */
export const DEMO_PASSWORD = "boussole-demo-2026";

export const DEMO_ACCOUNTS = [
  { email: "direction@aci-demo.fr", name: "Nadia Benali", description: "directrice de l'ACI Les Jardins du Beffroi (propriétaire)" },
  { email: "cip@aci-demo.fr", name: "Julien Caron", description: "CIP de l'ACI (contributeur)" },
  { email: "ca@aci-demo.fr", name: "Martine Lefebvre", description: "présidente du conseil d'administration de l'ACI (lecture seule)" },
  { email: "conseil@accompagnement-demo.fr", name: "Sophie Delattre", description: "consultante d'une association d'accompagnement" },
  { email: "agent@ddets-demo.fr", name: "Karim Haddad", description: "agent de la DDETS (Nord et Pas-de-Calais)" },
] as const;

export interface DemoInfo {
  password: string;
  accounts: ReadonlyArray<{ email: string; description: string }>;
}

/**
 * Seeds the demo (one ACI with three members, one accompaniment association, one DDETS for 59 and 62
 * and fourteen member-less structures of the Nord and the Pas-de-Calais with diagnostics)
 * when the database has no user. Returns the demo logins when the demo accounts exist.
 */
export async function seedDemoIfEmpty(db: Db, deps: { hashPassword: (p: string) => Promise<string> }): Promise<DemoInfo | null> {
  const anyUser = await db.select({ id: users.id }).from(users).limit(1);
  if (anyUser.length === 0) await seedDemo(db, deps);
  const [demo] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_ACCOUNTS[0].email));
  return demo ? { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS } : null;
}

export async function seedDemo(db: Db, deps: { hashPassword: (p: string) => Promise<string> }) {
  const passwordHash = await deps.hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const ids: Record<string, string> = {};
    for (const account of DEMO_ACCOUNTS) ids[account.email] = (await insertUser(tx, { email: account.email, name: account.name, passwordHash })).id;
    const aci = await insertOrganization(
      tx,
      { kind: "structure", name: "Les Jardins du Beffroi", siret: "73282932000074", structureType: "ACI", departement: "59", commune: "Douai" },
      ids["direction@aci-demo.fr"],
    );
    await upsertMembership(tx, aci.id, ids["cip@aci-demo.fr"], "editor");
    await upsertMembership(tx, aci.id, ids["ca@aci-demo.fr"], "viewer");
    await insertOrganization(tx, { kind: "accompagnement", name: "Égalité Conseil Nord (démo)" }, ids["conseil@accompagnement-demo.fr"]);
    await insertOrganization(tx, { kind: "ddets", name: "DDETS Nord – Pas-de-Calais (démo)", departements: ["59", "62"] }, ids["agent@ddets-demo.fr"]);
    // Structures of the Nord and the Pas-de-Calais with diagnostics, so that the DDETS demo has figures to show.
    await insertSeedStructures(tx, demoStructures(), 2026);
  });
}
