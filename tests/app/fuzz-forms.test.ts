/**
 * Seeded hostile form data posted to every action of app/routes.ts: huge strings, control
 * characters, arrays instead of scalars, missing fields, wrong intents, prototype-pollution keys.
 * Private routes are posted by the owner of a structure (with its real ids), public ones anonymously.
 * Every answer is 2xx, 3xx or 4xx (never 5xx), a 400 speaks French, and a refused request (4xx)
 * leaves the database exactly as it was. Seed: FUZZ_SEED or a fixed default, in the test names.
 */
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/db.ts";
import { snapshotTables } from "../helpers/db-snapshot.ts";
import { makeOrg, makeUser } from "../helpers/factories.ts";
import { staffRow } from "../helpers/staff-row.ts";
import { callRoute } from "../helpers/routes.ts";
import { flatRoutes, loadRouteModule, type FlatRoute } from "../helpers/route-config.ts";
import type { Db } from "../../db/client.ts";
import { insertDiagnostic, replaceStaffFile, saveJobs, saveProfile } from "../../db/queries/diagnostics.ts";
import { FIXTURE_PROFILE_STORED } from "../helpers/report-fixture.ts";
import { findPlanByDiagnostic, insertPlan } from "../../db/queries/plans.ts";
import { FUZZ_SEED, prng } from "../helpers/fuzz.ts";

const SEED = FUZZ_SEED;
const ITERATIONS = 10;
const PUBLIC = new Set(["routes/signup.tsx", "routes/signup-confirm.tsx", "routes/login.tsx", "routes/forgot-password.tsx", "routes/reset-password.tsx", "routes/invitation.tsx"]);


let handle: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let owner: Awaited<ReturnType<typeof makeUser>>;
const ids: Record<string, string> = {};

/** The whole database as one string (volatile tables aside). */
const snapshot = async () => JSON.stringify(await snapshotTables(db));

beforeAll(async () => {
  handle = await createTestDb();
  db = handle.db;
  owner = await makeUser(db, { name: "Propriétaire fuzz" });
  const org = await makeOrg(db, owner, "structure", { name: "Structure fuzz" });
  const diag = await insertDiagnostic(db, org.id, 2025, owner.id);
  await saveProfile(db, org.id, diag.id, 0, { ...FIXTURE_PROFILE_STORED }, owner.id);
  await saveJobs(db, org.id, diag.id, 0, [{ label: "Agent", population: "parcours", women: 2, men: 3, womenFte: 2, menFte: 3 }], owner.id);
  // A staff file, so that the pages built on it (transparency, categories of equal value) parse what they are sent.
  const person = (sex: "F" | "H") => staffRow(sex, "Agent");
  await replaceStaffFile(db, org.id, diag.id, { fileName: "personnel.csv", rows: [person("F"), person("F"), person("H"), person("H"), person("H")], jobs: [{ label: "Agent", population: "parcours", women: 2, men: 3, womenFte: 2, menFte: 3 }], expectedJobsVersion: 1 }, owner.id);
  await db.transaction((tx) =>
    insertPlan(tx, org.id, diag.id, { kind: "plan_action", periodStart: "2026-01-01", periodEnd: "2026-12-31", actions: [{ domain: "embauche", title: "Action", deadline: "2026-06-30" }] }, owner.id),
  );
  const plan = await findPlanByDiagnostic(db, org.id, diag.id);
  const assoc = await makeOrg(db, owner, "accompagnement", { name: "Association fuzz" });
  const ddets = await makeOrg(db, owner, "ddets", { name: "DDETS fuzz", departements: ["59"] });
  Object.assign(ids, { org: org.id, diag: diag.id, action: plan!.actions[0].id, assoc: assoc.id, ddets: ddets.id });
});
afterAll(async () => handle.dispose());

/** The route's URL with the owner's own identifiers (the organisation of the right kind for its pages). */
function urlOf(route: FlatRoute) {
  const orgId = /\/(clients)/.test(route.path) ? ids.assoc : /\/(suivi|campagnes)/.test(route.path) ? ids.ddets : ids.org;
  const values: Record<string, string> = { orgId, diagId: ids.diag, actionId: ids.action, domainId: "embauche", format: "csv", token: "x.y" };
  const params: Record<string, string> = {};
  for (const [, name] of route.path.matchAll(/:(\w+)/g)) params[name] = values[name];
  return { params, url: route.path.replace(/:(\w+)/g, (_, name: string) => params[name]) };
}

/** Field names that forms build from a list (Conform's « categories[0].name »), which the source does not spell out. */
const LIST_FIELDS: Record<string, string[]> = {
  "routes/diagnostic-pay-categories.tsx": [
    "categories[0].key", "categories[0].name", "categories[0].criteria", "categories[1].key", "categories[1].name",
    "jobs[0].job", "jobs[0].category", "jobs[1].job", "jobs[1].category", "__intent__",
  ],
};

/** Field names the route's source mentions (name="…", get("…"), schema keys are in the form modules), and common ones. */
function fieldNames(route: FlatRoute): string[] {
  const source = fs.readFileSync(fileURLToPath(new URL(`../../app/${route.file}`, import.meta.url)), "utf8");
  const found = new Set<string>(["intent", "version", "email", "password", "name", "label", "title", "body", "value", "year", "target", "redirectTo"]);
  for (const m of source.matchAll(/(?:name=|get\(|getAll\()"([\w.[\]-]+)"/g)) found.add(m[1]);
  for (const m of source.matchAll(/value="([\w-]+)"/g)) found.add(`intent:${m[1]}`);
  for (const name of LIST_FIELDS[route.file] ?? []) found.add(name);
  return [...found];
}

const HOSTILE_STRINGS = [
  "",
  " ",
  "x".repeat(200_000),
  "é".repeat(50_000),
  "\u0000\u0001\u0002\u001b[31m",
  "\r\n\r\n--boundary--",
  "\u202eevil\u202c",
  "\ud800",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "=cmd|' /C calc'!A0",
  "__proto__",
  "constructor",
  "-1",
  "-0",
  "1e309",
  "NaN",
  "Infinity",
  "9007199254740993",
  "0x10",
  "2026-02-30",
  "99999-01-01",
  "null",
  "[]",
  "{}",
  '{"__proto__":{"polluted":true}}',
  "00000000-0000-0000-0000-000000000000",
];

function hostileForm(random: () => number, names: string[]): FormData {
  const form = new FormData();
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const intents = names.filter((n) => n.startsWith("intent:")).map((n) => n.slice(7));
  const fields = names.filter((n) => !n.startsWith("intent:"));
  // A plausible intent most of the time, a wrong one otherwise.
  if (random() < 0.8) form.append("intent", intents.length && random() < 0.7 ? pick(intents) : pick(HOSTILE_STRINGS).slice(0, 40));
  for (const name of fields) {
    const roll = random();
    if (roll < 0.25) continue; // missing field
    const copies = roll < 0.4 ? 2 + Math.floor(random() * 3) : 1; // an array instead of a scalar
    for (let c = 0; c < copies; c++) form.append(name, pick(HOSTILE_STRINGS));
  }
  for (const key of ["__proto__", "constructor", "prototype", "__proto__[polluted]", "constructor.prototype.polluted"]) if (random() < 0.3) form.append(key, "true");
  if (random() < 0.2) form.append("file", new File([new Uint8Array(Math.floor(random() * 5000)).map(() => Math.floor(random() * 256))], pick(["a.csv", "a.xlsx", "", "../../etc/passwd"])));
  return form;
}

const FRENCH = /\b(le|la|les|du|de|des|un|une|est|pas|indiquez|choisissez|vérifiez|demande|incorrecte|saisissez|ce|cette|votre|vos|introuvable|refusée?)\b/i;
const ENGLISH = /\b(Invalid input|Expected|Required|received|must be|Unexpected|undefined|TypeError|Error:)\b/;

/** Every message string a response holds (the whole text for a plain response). */
function texts(data: unknown): string[] {
  if (typeof data === "string") return [data];
  const out: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === "string" && /error|message|formErrors/i.test(key)) out.push(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, /error|message/i.test(key) ? key : k);
  };
  walk(data, "");
  return out;
}

const actionRoutes = flatRoutes().filter((r) => r.file !== "routes/logout.tsx");

describe(`hostile forms on every action (seed ${SEED})`, () => {
  it("has actions to post to", async () => {
    let n = 0;
    for (const r of actionRoutes) if ((await loadRouteModule(r.file)).action) n++;
    expect(n).toBeGreaterThanOrEqual(15);
  });

  it.each(actionRoutes)(`$path (seed ${SEED})`, async (route) => {
    const mod = await loadRouteModule(route.file);
    if (!mod.action) return;
    const random = prng(SEED ^ [...route.path].reduce((h, c) => Math.imul(h, 31) + c.charCodeAt(0), 7));
    const names = fieldNames(route);
    const { url, params } = urlOf(route);
    const problems: string[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const before = await snapshot();
      const headers: Record<string, string> = { "x-client-ip": `10.66.${i}.${Math.floor(random() * 250)}` };
      if (!PUBLIC.has(route.file)) headers.Cookie = owner.cookie;
      const request = new Request(`http://localhost${url}`, { method: "POST", body: hostileForm(random, names), headers });
      const res = await callRoute(mod.action, request, params);
      const label = `${url} case ${i} (seed ${SEED}): ${res.status}`;
      if (res.status >= 500 || res.status < 200) problems.push(label);
      if (res.status === 400) {
        const messages = texts(res.data);
        if (!messages.some((m) => FRENCH.test(m))) problems.push(`${label} without a French message: ${JSON.stringify(res.data).slice(0, 300)}`);
        for (const m of messages) if (ENGLISH.test(m)) problems.push(`${label} English message: ${m.slice(0, 200)}`);
      }
      if (res.status >= 400 && res.status < 500 && (await snapshot()) !== before) problems.push(`${label} changed the database`);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(problems).toEqual([]);
  }, 120_000);
});

const HOSTILE_PARAMS = ["\u0000", "%00", "x".repeat(5000), "../../etc/passwd", "' OR '1'='1", "\ud800", "00000000-0000-0000-0000-000000000000", "é"];

describe("hostile URL parameters on every loader and action", () => {
  it.each(flatRoutes().filter((r) => r.path.includes(":")))("$path never answers 5xx", async (route) => {
    const mod = await loadRouteModule(route.file);
    const problems: string[] = [];
    for (const [i, hostile] of HOSTILE_PARAMS.entries()) {
      const own = urlOf(route);
      for (const name of Object.keys(own.params)) {
        const params = { ...own.params, [name]: hostile };
        const url = route.path.replace(/:(\w+)/g, (_, n: string) => encodeURIComponent(params[n].replace(/[\ud800-\udfff]/g, "\ufffd")));
        const headers = { Cookie: owner.cookie, "x-client-ip": `10.67.${i}.1` };
        if (mod.loader) {
          const res = await callRoute(mod.loader, new Request(`http://localhost${url}`, { headers }), params);
          if (res.status >= 500) problems.push(`GET ${route.path} ${name}=${JSON.stringify(hostile.slice(0, 20))}: ${res.status}`);
        }
        if (mod.action) {
          const body = new FormData();
          body.append("intent", "save");
          const res = await callRoute(mod.action, new Request(`http://localhost${url}`, { method: "POST", body, headers }), params);
          if (res.status >= 500) problems.push(`POST ${route.path} ${name}=${JSON.stringify(hostile.slice(0, 20))}: ${res.status}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("files over 10 MB on the upload steps", () => {
  it.each(["emplois", "index"])("/o/:orgId/d/:diagId/%s: 413 in French, nothing stored", async (step) => {
    const route = flatRoutes().find((r) => r.path === `/o/:orgId/d/:diagId/${step}`)!;
    const mod = await loadRouteModule(route.file);
    const { url, params } = urlOf(route);
    const before = await snapshot();
    for (const chunked of [false, true]) {
      const form = new FormData();
      form.append("intent", "fichier");
      form.append("version", "0");
      form.append("file", new File([new Uint8Array(10 * 1024 * 1024 + 300 * 1024).fill(0x41)], "personnel.csv", { type: "text/csv" }));
      const encoded = new Request("http://localhost/", { method: "POST", body: form });
      // Once with its Content-Length, once as a stream without one (as a chunked upload arrives).
      const body = chunked ? encoded.body : await encoded.arrayBuffer();
      const headers = { Cookie: owner.cookie, "x-client-ip": "10.68.0.1", "Content-Type": encoded.headers.get("content-type")! };
      const request = new Request(`http://localhost${url}`, { method: "POST", body, headers, duplex: "half" } as RequestInit);
      if (chunked) expect(request.headers.get("content-length")).toBeNull();
      const res = await callRoute(mod.action!, request, params);
      expect(res.status, `chunked=${chunked}`).toBe(413);
      if (step === "emplois") expect(JSON.stringify(res.data)).toMatch(/10\u00a0Mo/);
      expect(JSON.stringify(res.data)).toMatch(/volumineux|pèse/);
    }
    expect(await snapshot()).toBe(before);
  });
});
