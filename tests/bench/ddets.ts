/**
 * The DDETS dashboard on 20,000 structures over three reference years (diagnostics with profiles,
 * jobs and summaries, some action plans), seeded into a throwaway PostgreSQL database when
 * TEST_DATABASE_URL or DATABASE_URL is set (created and dropped here), else into an in-memory PGlite.
 * Times what the dashboard's loader does (stale-summary check, counts, the year's rows, one page of
 * structures, campaign counts, aggregation with suppression) for a DDETS of the Nord and the
 * Pas-de-Calais, against a floor: a bare count(*) over the same structures.
 */
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { migrate, openPglite, openPostgres, type Db, type DbHandle } from "../../db/client.ts";
import { newId } from "../../db/ids.ts";
import { actionPlans, diagnostics, memberships, organizations, planActions, users } from "../../db/schema.ts";
import { makeDiagnosticDocuments, makePlanActionIds, planActionData, seedSiret } from "../../db/seed-ddets.ts";
import { seededRandom } from "../../db/seeded-random.ts";
import { DIAGNOSTIC_SUMMARY_VERSION, summarizeDiagnostic } from "../../diagnostics/ddets-summary.ts";
import { buildDdetsDashboard, summaryBandKeys } from "../../diagnostics/ddets.ts";
import { STRUCTURE_TYPES, type StructureType } from "../../diagnostics/types.ts";
import { loadDdetsData } from "../../app/ddets/dashboard.server.ts";
import { bandCounts, diagnosticCounts, planChoiceCounts, registrationCounts } from "../../db/queries/ddets.ts";
import { bench, formatBench, formatMs, timeMedian, type BenchResult } from "./measure.ts";

export const DDETS_BENCH_STRUCTURES = 20_000;
const YEARS = [2023, 2024, 2025] as const;
/** Share of structures with a diagnostic of each year, and of those finished / with a plan. */
const STARTED_SHARE: Record<(typeof YEARS)[number], number> = { 2023: 0.45, 2024: 0.6, 2025: 0.75 };
const FINISHED_SHARE = 0.7;
const PLAN_SHARE = 0.35;
/** Départements of the structures: the DDETS follows the first two. */
const DEPARTEMENTS: readonly [string, number][] = [
  ["59", 0.4],
  ["62", 0.25],
  ["80", 0.12],
  ["60", 0.12],
  ["02", 0.11],
];
const TYPE_WEIGHTS: Record<StructureType, number> = { ACI: 0.45, EI: 0.15, ETTI: 0.05, AI: 0.1, EA: 0.1, ESAT: 0.08, GEIQ: 0.05, autre: 0.02 };
const BATCH = 1000;
/** Target: the dashboard under 200 ms on PostgreSQL. */
export const TARGET_DDETS_MS = 200;

function weighted<T>(rng: () => number, items: readonly [T, number][]): T {
  let r = rng();
  for (const [item, w] of items) {
    if (r < w) return item;
    r -= w;
  }
  return items[items.length - 1][0];
}

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/** A pool of distinct documents and their summaries, reused round-robin (scoring 45,000 answer sets would only slow the seeding down). */
function documentPool(rng: () => number, size: number) {
  return Array.from({ length: size }, (_, i) => {
    const type = STRUCTURE_TYPES[i % STRUCTURE_TYPES.length];
    const fiftyPlus = i % 5 === 0;
    const docs = makeDiagnosticDocuments(rng, type, fiftyPlus, rng());
    const summary = summarizeDiagnostic({ profile: docs.profile, departement: "59", jobs: docs.jobs, answers: docs.answers, index: { source: docs.indexSource, data: docs.indexData }, staffIndexInput: null });
    return { docs, summary, bands: summaryBandKeys(summary) };
  });
}

/** Seeds the structures, diagnostics and plans with multi-row inserts; returns the DDETS organisation's id and the counts. */
export async function seedDdetsBench(db: Db) {
  const rng = seededRandom(2026);
  const pool = documentPool(rng, 300);
  const types = Object.entries(TYPE_WEIGHTS) as [StructureType, number][];
  const orgRows: (typeof organizations.$inferInsert)[] = [];
  const diagRows: (typeof diagnostics.$inferInsert)[] = [];
  const planRows: (typeof actionPlans.$inferInsert)[] = [];
  const actionRows: (typeof planActions.$inferInsert)[] = [];
  for (let i = 0; i < DDETS_BENCH_STRUCTURES; i++) {
    const id = newId();
    orgRows.push({
      id,
      kind: "structure",
      name: `Structure ${String(i).padStart(5, "0")}`,
      siret: seedSiret(10_000 + i),
      structureType: weighted(rng, types),
      departement: weighted(rng, DEPARTEMENTS),
      commune: "Commune",
      createdAt: new Date(Date.UTC(2023 + Math.floor(rng() * 3), Math.floor(rng() * 12), 1 + Math.floor(rng() * 27))),
    });
    for (const year of YEARS) {
      if (rng() >= STARTED_SHARE[year]) continue;
      const { docs, summary, bands } = pool[Math.floor(rng() * pool.length)];
      const finished = rng() < FINISHED_SHARE;
      const at = new Date(Date.UTC(year + 1, Math.floor(rng() * 6), 1 + Math.floor(rng() * 27)));
      const diagnosticId = newId();
      diagRows.push({
        id: diagnosticId,
        organizationId: id,
        year,
        status: finished ? "termine" : "brouillon",
        profile: docs.profile as unknown as Record<string, unknown>,
        profileVersion: 1,
        jobs: docs.jobs,
        jobsVersion: 1,
        indexSource: docs.indexSource,
        indexData: docs.indexData,
        indexSkipReason: docs.indexSkipReason,
        indexVersion: 1,
        updatedAt: at,
        finishedAt: finished ? at : null,
        // As the dashboard leaves it after its first visit: every finished diagnostic summarised.
        summary: finished ? (summary as unknown as Record<string, unknown>) : null,
        summaryOf: finished ? at : null,
        summaryVersion: finished ? DIAGNOSTIC_SUMMARY_VERSION : null,
        summaryBands: finished ? bands : null,
      });
      if (rng() < PLAN_SHARE) {
        const planId = newId();
        planRows.push({ id: planId, organizationId: id, diagnosticId, kind: "plan_action", periodStart: `${year + 1}-01-01`, periodEnd: `${year + 3}-12-31` });
        makePlanActionIds(rng).forEach((catalogueId, position) => actionRows.push({ id: newId(), planId, position, data: planActionData(catalogueId, year) }));
      }
    }
  }
  await inBatches(orgRows, (b) => db.insert(organizations).values(b));
  await inBatches(diagRows, (b) => db.insert(diagnostics).values(b));
  await inBatches(planRows, (b) => db.insert(actionPlans).values(b));
  await inBatches(actionRows, (b) => db.insert(planActions).values(b));
  const ddetsId = newId();
  const userId = newId();
  await db.insert(organizations).values({ id: ddetsId, kind: "ddets", name: "DDETS du Nord et du Pas-de-Calais", departements: ["59", "62"] });
  await db.insert(users).values({ id: userId, email: "agent@bench.fr", name: "Agent", passwordHash: "x" });
  await db.insert(memberships).values({ organizationId: ddetsId, userId, role: "owner" });
  // As autovacuum leaves a table after a bulk load: statistics and visibility map up to date.
  await db.execute(sql`vacuum analyze`);
  return { ddetsId, diagnostics: diagRows.length, plans: planRows.length, actions: actionRows.length };
}

async function openDatabase(out: (s: string) => void): Promise<{ handle: DbHandle; label: string; dispose: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!adminUrl) {
    const handle = await openPglite();
    await migrate(handle);
    return { handle, label: "PGlite (in memory)", dispose: () => handle.close() };
  }
  const name = `bench_ddets_${process.pid}_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), { max: 5 });
  await migrate(handle);
  const [{ server_version: version }] = await admin.unsafe("show server_version");
  out(`  throwaway database ${name} on PostgreSQL ${version}`);
  return {
    handle,
    label: "PostgreSQL",
    dispose: async () => {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Seeds, measures and prints `BENCH ddets-dashboard …`; returns the result (nothing fails on time). */
export async function runDdetsBench(out: (s?: string) => void): Promise<BenchResult> {
  const { handle, label, dispose } = await openDatabase(out);
  try {
    const db = handle.db;
    const t0 = performance.now();
    const seeded = await seedDdetsBench(db);
    out(
      `DDETS dashboard on ${label}: seeded ${DDETS_BENCH_STRUCTURES.toLocaleString("en")} structures, ${seeded.diagnostics.toLocaleString("en")} diagnostics ` +
        `(${YEARS.join(", ")}), ${seeded.plans.toLocaleString("en")} plans with ${seeded.actions.toLocaleString("en")} actions in ${formatMs(performance.now() - t0)} ms`,
    );
    const ddets = { id: seeded.ddetsId, scope: ["59", "62"] };
    const query = { departement: null, structureType: null, year: null, page: 1 };
    const concurrent = handle.driver === "postgres";
    const first = await loadDdetsData(db, ddets, query, { concurrent });
    out(
      `  check: ${JSON.stringify(first.dashboard.keyFigures.registered)} registered in scope, year ${first.dashboard.filters.year}, ` +
        `${first.structures.total.toLocaleString("en")} structures listed over ${first.structures.pageCount} pages`,
    );
    const floor = async () => await db.select({ n: sql<number>`count(*)::int` }).from(organizations).where(sql`${organizations.kind} = 'structure' and ${organizations.departement} in ('59', '62')`);
    const result = await bench("ddets-dashboard", () => loadDdetsData(db, ddets, query, { concurrent }), floor, { warmup: 3, runs: 11 });
    out(formatBench(result));
    const filtered = await timeMedian(() => loadDdetsData(db, ddets, { ...query, departement: "62", structureType: "ACI" }, { concurrent }), { warmup: 1, runs: 5 });
    const parts = { warmup: 1, runs: 7 };
    const year = first.dashboard.filters.year;
    const tCounts = await timeMedian(() => Promise.all([registrationCounts(db, ddets.id), diagnosticCounts(db, ddets.id)]), parts);
    const tBands = await timeMedian(() => Promise.all([bandCounts(db, ddets.id, year), planChoiceCounts(db, ddets.id, year)]), parts);
    const [registrations, diagnosticsCounts, bands, planChoices] = await Promise.all([
      registrationCounts(db, ddets.id),
      diagnosticCounts(db, ddets.id),
      bandCounts(db, ddets.id, year),
      planChoiceCounts(db, ddets.id, year),
    ]);
    const input = { scope: ddets.scope, filters: { departement: null, structureType: null, year }, registrations, diagnostics: diagnosticsCounts, bands, planChoices };
    const tBuild = await timeMedian(() => buildDdetsDashboard(input), parts);
    out(
      `  breakdown (median ms, each query alone outside the shared snapshot): uptake counts ${formatMs(tCounts)}, band and plan counts of ${year} ${formatMs(tBands)} (${bands.length.toLocaleString("en")} + ${planChoices.length.toLocaleString("en")} grouped rows), ` +
        `aggregation + suppression ${formatMs(tBuild)}; filtered on 62 × ACI: ${formatMs(filtered)}`,
    );
    if (label === "PostgreSQL") {
      out(`  target: under ${TARGET_DDETS_MS} ms on PostgreSQL: ${formatMs(result.medianMs)} ms → ${result.medianMs < TARGET_DDETS_MS ? "met / atteint" : "MISSED / manqué"}`);
    } else {
      out(`  target: under ${TARGET_DDETS_MS} ms applies to PostgreSQL (set TEST_DATABASE_URL or DATABASE_URL); PGlite measured for information.`);
    }
    return result;
  } finally {
    await dispose();
  }
}
