/**
 * `npm run bench:http`: autocannon against the production server (built app, `app/start.ts`) on a
 * fresh PostgreSQL database, 50 concurrent connections: two floors of the same server — /healthz
 * (Express only) and a static page through React Router (/confidentialite with the same session
 * cookie: root loader, session lookup, document render) — then the results page and the answer
 * autosave at saturation (each connection sends its next request as soon as the last one answers),
 * then the autosave again at a human pace (each of the 50 users saves once a second). Prints
 * `BENCH http-<name> req/s=… p50=… p95=… p99=… ratio=…` and the targets. Every save is a real
 * successful save: each request takes a (diagnostic, question) slot nobody else holds at that moment
 * and sends the version its previous save returned, as the page's script does.
 * Needs BENCH_DATABASE_URL or TEST_DATABASE_URL (a server where it may create and drop a database).
 * Not a test: nothing here fails on time.
 */
import type { EventEmitter } from "node:events";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openPostgres } from "../../db/client.ts";
import { saveAnswer } from "../../db/queries/diagnostics.ts";
import { startProductionServer } from "../helpers/prod-server.ts";
import { seedStructureDiagnostic } from "../helpers/seed-diagnostic.ts";

const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const WARMUP_S = 3;
/** Targets of issue 7. */
const TARGET_SAVE_P95_MS = 50;
const TARGET_RESULTS_SHARE = 0.4;
const STRUCTURES = 50;
/** Saves per second of each user in the paced measure. */
const PACED_RATE_PER_USER = 1;

interface Measure {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  ok: number;
  failed: number;
}

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(name: string, options: autocannon.Options, duration = DURATION_S): Promise<Measure> {
  const times: number[] = [];
  let ok = 0;
  let failed = 0;
  // Without a callback autocannon returns its event emitter, which is also a promise of the result.
  const instance = autocannon({ connections: CONNECTIONS, duration, ...options }) as unknown as EventEmitter & Promise<autocannon.Result>;
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    times.push(ms);
    if (status >= 200 && status < 300) ok++;
    else failed++;
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  failed += result.errors + result.timeouts;
  return { name, rps: (ok + failed) / duration, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), ok, failed };
}

const fmt = (ms: number) => `${ms.toFixed(1)}ms`;
function line(m: Measure, floor?: Measure) {
  const ratio = floor ? ` ratio=${(m.rps / floor.rps).toFixed(3)}` : "";
  return `BENCH http-${m.name} req/s=${m.rps.toFixed(0)} p50=${fmt(m.p50)} p95=${fmt(m.p95)} p99=${fmt(m.p99)}${ratio} ok=${m.ok} failed=${m.failed}`;
}

interface SaveSlot {
  path: string;
  cookie: string;
  questionId: string;
  version: number;
}

/**
 * CONNECTIONS users, each saving one answer every 1/PACED_RATE_PER_USER s from a random phase for
 * DURATION_S s (autocannon's rate limit fires every connection at the start of each second, a burst
 * no group of real users produces). Every save is a real one, as in the saturated measure.
 */
async function pacedSaves(baseURL: string, free: SaveSlot[], body: (slot: SaveSlot) => string): Promise<Measure> {
  const times: number[] = [];
  let ok = 0;
  let failed = 0;
  const period = 1000 / PACED_RATE_PER_USER;
  const end = performance.now() + DURATION_S * 1000;
  const user = async () => {
    let next = performance.now() + Math.random() * period;
    for (;;) {
      await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
      if (performance.now() >= end) return;
      next += period;
      const slot = free.shift();
      if (!slot) throw new Error("plus de créneau libre");
      const start = performance.now();
      const res = await fetch(`${baseURL}${slot.path}/reponse`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: slot.cookie, accept: "application/json" },
        body: body(slot),
      });
      const text = await res.text();
      times.push(performance.now() - start);
      if (res.status === 200) {
        ok++;
        slot.version = (JSON.parse(text) as { version: number }).version;
        free.push(slot);
      } else failed++;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, user));
  times.sort((a, b) => a - b);
  return { name: "answer-save-paced", rps: (ok + failed) / DURATION_S, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), ok, failed };
}

async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    console.error("bench:http a besoin d'un serveur PostgreSQL\u00a0: définissez BENCH_DATABASE_URL ou TEST_DATABASE_URL.");
    process.exit(2);
  }
  const name = `boussole_bench_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let server: Awaited<ReturnType<typeof startProductionServer>> | undefined;
  const handle = openPostgres(url.toString(), { max: 4 });
  try {
    server = await startProductionServer({ DATABASE_URL: url.toString(), SEED_DEMO: "false" });
    const structures = [];
    for (let i = 0; i < STRUCTURES; i++) structures.push(await seedStructureDiagnostic(handle.db));
    // The results page reads a diagnostic with every yes/partly/no question answered.
    const shown = structures[0];
    const values = ["oui", "en_partie", "non"];
    for (const [i, q] of shown.questionIds.entries()) await saveAnswer(handle.db, shown.org.id, shown.diagId, q, 0, values[i % 3], shown.owner.id);

    // Save slots: every (diagnostic, question) of the other structures, each with its stored version.
    type Slot = SaveSlot;
    const free: Slot[] = [];
    for (const s of structures.slice(1)) for (const q of s.questionIds) free.push({ path: s.path, cookie: s.owner.cookie, questionId: q, version: 0 });
    const body = (slot: Slot) =>
      new URLSearchParams({ questionId: slot.questionId, [`v.${slot.questionId}`]: String(slot.version), [`q.${slot.questionId}`]: slot.version % 2 ? "non" : "oui" }).toString();
    const saveOptions = (): autocannon.Options => ({
      url: server!.baseURL,
      requests: [
        {
          method: "POST",
          setupRequest: (req: any, context: any) => {
            const slot = free.shift();
            if (!slot) throw new Error("plus de créneau libre");
            context.slot = slot;
            return {
              ...req,
              path: `${slot.path}/reponse`,
              headers: { "content-type": "application/x-www-form-urlencoded", cookie: slot.cookie, accept: "application/json" },
              body: body(slot),
            };
          },
          onResponse: (status: number, text: string, context: any) => {
            const slot: Slot | undefined = context.slot;
            context.slot = undefined;
            if (!slot || status !== 200) return;
            slot.version = (JSON.parse(text) as { version: number }).version;
            free.push(slot);
          },
        },
      ],
    });

    const resultsOptions: autocannon.Options = { url: `${server.baseURL}${shown.path}/resultats`, headers: { cookie: shown.owner.cookie } };
    const bareOptions: autocannon.Options = { url: `${server.baseURL}/healthz` };
    const pageOptions: autocannon.Options = { url: `${server.baseURL}/confidentialite`, headers: { cookie: shown.owner.cookie } };
    const check = await fetch(resultsOptions.url as string, { headers: { cookie: shown.owner.cookie } });
    if (check.status !== 200) throw new Error(`page de résultats\u00a0: statut ${check.status}`);
    const resultsBytes = (await check.arrayBuffer()).byteLength;

    console.log(`Node ${process.version}, ${CONNECTIONS} connexions, ${DURATION_S} s par mesure (après ${WARMUP_S} s de chauffe), PostgreSQL ${url.host}`);
    await measure("warmup", bareOptions, WARMUP_S);
    await measure("warmup", pageOptions, WARMUP_S);
    await measure("warmup", resultsOptions, WARMUP_S);
    await measure("warmup", saveOptions(), WARMUP_S);
    const bare = await measure("bare", bareOptions);
    const page = await measure("bare-page", pageOptions);
    const results = await measure("results", resultsOptions);
    const save = await measure("answer-save", saveOptions());
    // The same 50 users at a human pace: each saves one answer a second (the page debounces typing,
    // so a real user saves far less often), users out of step with each other as real ones are.
    // Latency here is what a user waits at that load.
    const savePaced = await pacedSaves(server.baseURL, free, body);
    console.log(line(bare));
    console.log(line(page, bare));
    console.log(`${line(results, bare)} ratio-page=${(results.rps / page.rps).toFixed(3)} bytes=${resultsBytes}`);
    console.log(`${line(save, bare)} ratio-page=${(save.rps / page.rps).toFixed(3)}`);
    console.log(`${line(savePaced)} (${CONNECTIONS} utilisateurs à ${PACED_RATE_PER_USER} enregistrement/s chacun)`);
    const [{ saved }] = await handle.db.execute<{ saved: number }>(
      // Saves landed: sum of the answer versions of the save structures.
      sql`select coalesce(sum(version), 0)::int as saved from diagnostic_answers where diagnostic_id <> ${shown.diagId}`,
    );
    console.log(`Enregistrements en base (somme des versions)\u00a0: ${saved}`);
    console.log(
      `Objectifs\u00a0: answer-save p95 < ${TARGET_SAVE_P95_MS} ms (mesuré ${fmt(save.p95)} à saturation, ${save.p95 < TARGET_SAVE_P95_MS ? "atteint" : "non atteint"}\u00a0; ` +
        `${fmt(savePaced.p95)} au rythme humain, ${savePaced.p95 < TARGET_SAVE_P95_MS ? "atteint" : "non atteint"})\u00a0; ` +
        `résultats ≥ ${TARGET_RESULTS_SHARE * 100} % du débit de la route nue (mesuré ${((results.rps / bare.rps) * 100).toFixed(1)} % de /healthz, ${results.rps / bare.rps >= TARGET_RESULTS_SHARE ? "atteint" : "non atteint"}\u00a0; ` +
        `${((results.rps / page.rps) * 100).toFixed(1)} % de la page statique, ${results.rps / page.rps >= TARGET_RESULTS_SHARE ? "atteint" : "non atteint"}).`,
    );
  } finally {
    await server?.stop();
    await handle.close();
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

await main();
