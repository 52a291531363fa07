import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type DbHandle } from "../../db/client.ts";
import { findDiagnostic } from "../../db/queries/diagnostics.ts";
import { TEST_PASSWORD } from "../helpers/factories.ts";
import { postAnswer, signIn, startProductionServer, type ProductionServer } from "../helpers/prod-server.ts";
import { seedStructureDiagnostic } from "../helpers/seed-diagnostic.ts";

/**
 * Two production servers on different ports against one PostgreSQL database, as behind a load
 * balancer: sessions, rate limits and the stale-version guarantee hold across them. Both start at
 * the same moment on an empty database, so their migrations also have to take turns.
 */
const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) console.warn("two-instances ignoré : il faut un serveur PostgreSQL (TEST_DATABASE_URL).");

describe.skipIf(!adminUrl)("two app instances on one PostgreSQL", () => {
  const name = `boussole_two_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  let admin: postgres.Sql;
  let handle: DbHandle;
  let a: ProductionServer;
  let b: ProductionServer;
  let seeded: Awaited<ReturnType<typeof seedStructureDiagnostic>>;

  beforeAll(async () => {
    admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    [a, b] = await Promise.all([startProductionServer({ DATABASE_URL: url.toString() }), startProductionServer({ DATABASE_URL: url.toString() })]);
    handle = openPostgres(url.toString(), { max: 2 });
    seeded = await seedStructureDiagnostic(handle.db);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await handle?.close();
    await admin?.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin?.end();
  });

  it("a session opened on one instance works on the other", async () => {
    const { status, cookie } = await signIn(a.baseURL, seeded.owner.email, TEST_PASSWORD);
    expect(status).toBe(302);
    const onB = await fetch(`${b.baseURL}${seeded.path}/resultats`, { headers: { Cookie: cookie! }, redirect: "manual" });
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain("ACI des Jardins");
    // Signing out on B ends it on A too.
    const out = await fetch(`${b.baseURL}/deconnexion`, { method: "POST", body: new URLSearchParams(), headers: { Cookie: cookie! }, redirect: "manual" });
    expect(out.status).toBe(302);
    await out.arrayBuffer();
    const onA = await fetch(`${a.baseURL}${seeded.path}/resultats`, { headers: { Cookie: cookie! }, redirect: "manual" });
    expect(onA.status).toBe(302);
    expect(onA.headers.get("location")).toContain("/connexion");
  });

  it("the sign-in rate limit is counted across both instances", async () => {
    const email = "limite-partagee@exemple.fr";
    const statuses: number[] = [];
    // Five wrong attempts per email are allowed in the window: alternate the instances.
    for (let i = 0; i < 6; i++) statuses.push((await signIn(i % 2 === 0 ? a.baseURL : b.baseURL, email, "pas le bon mot de passe")).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    const onA = await fetch(`${a.baseURL}/connexion`, { method: "POST", body: new URLSearchParams({ email, password: "pas le bon mot de passe" }) });
    expect(onA.status).toBe(429);
    expect(await onA.text()).toContain("Trop de tentatives de connexion");
  });

  it("two concurrent saves of the same answer version through A and B: one saved, one conflict", async () => {
    const { owner, org, diagId, path, questionIds } = seeded;
    const q = questionIds[1];
    const [onA, onB] = await Promise.all([postAnswer(a.baseURL, path, owner.cookie, q, 0, "oui"), postAnswer(b.baseURL, path, owner.cookie, q, 0, "non")]);
    const outcomes = [
      { status: onA.status, body: await onA.json() },
      { status: onB.status, body: await onB.json() },
    ].sort((x, y) => x.status - y.status);
    expect(outcomes.map((o) => o.status)).toEqual([200, 409]);
    expect(outcomes[0].body).toMatchObject({ status: "saved", version: 1 });
    expect(outcomes[1].body).toMatchObject({ status: "conflict", version: 1 });
    const stored = (await findDiagnostic(handle.db, org.id, diagId))!.answers.filter((x) => x.questionId === q);
    expect(stored).toHaveLength(1);
    expect(stored[0].version).toBe(1);
    const winner = onA.status === 200 ? "oui" : "non";
    expect(stored[0].value).toBe(winner);
    expect(outcomes[1].body.theirValue).toBe(winner);
  });
});
