import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/db.ts";
import { makeOrg, makeUser } from "../helpers/factories.ts";
import { callRoute, get, post } from "../helpers/routes.ts";
import { flatRoutes, loadRouteModule } from "../helpers/route-config.ts";
import type { Db } from "../../db/client.ts";
import { insertDiagnostic } from "../../db/queries/diagnostics.ts";

let handle: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let memberOfA: Awaited<ReturnType<typeof makeUser>>;
let orgB: { id: string };
let diagnosticOfB: { id: string };
beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  memberOfA = await makeUser(db);
  await makeOrg(db, memberOfA, "structure", { name: "Structure A" });
  const ownerB = await makeUser(db);
  orgB = await makeOrg(db, ownerB, "structure", { name: "Structure B" });
  diagnosticOfB = await insertDiagnostic(db, orgB.id, 2025, ownerB.id);
});

/** Real identifiers of structure B's objects for each route parameter. */
function paramsFor(path: string): Record<string, string> {
  const values: Record<string, string> = { orgId: orgB.id, diagId: diagnosticOfB.id, domainId: "embauche", format: "csv" };
  const params: Record<string, string> = {};
  for (const [, name] of path.matchAll(/:(\w+)/g)) params[name] = values[name] ?? "inconnu";
  return params;
}
afterAll(async () => handle.dispose());

const orgRoutes = flatRoutes().filter((r) => r.path.includes(":orgId"));

describe("a member of structure A gets 404 on every URL of structure B", () => {
  it("covers the organisation routes of the route config", () => {
    expect(orgRoutes.length).toBeGreaterThan(0);
  });
  it.each(orgRoutes)("$path", async ({ path, file }) => {
    const mod = await loadRouteModule(file);
    const params = paramsFor(path);
    const url = path.replace(/:(\w+)/g, (_, name: string) => params[name]);
    if (mod.loader) {
      const res = await callRoute(mod.loader, get(url, memberOfA.cookie), params);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.data)).not.toContain("Structure B");
    }
    if (mod.action) {
      for (const intent of ["invite", "role", "remove", "leave", "revoke", "save"]) {
        const res = await callRoute(mod.action, post(url, { intent, email: "x@exemple.fr", role: "owner", userId: memberOfA.id }, memberOfA.cookie), params);
        expect(res.status).toBe(404);
      }
    }
  });
});
