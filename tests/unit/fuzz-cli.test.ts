/**
 * Hostile input to the engine commands of the CLI (`index`, `mixity`, `import`): deeply nested JSON,
 * huge JSON, invalid UTF-8, random bytes, seeded random JSON-like text. Each gets French lines on
 * stderr and a non-zero exit, never a stack trace. A few cases spawn the real CLI (the process
 * boundary: exit code, stderr); the seeded ones run in-process. Seed: FUZZ_SEED or a fixed default.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { CLI_MAX_JSON_BYTES, engineCommands } from "../../app/cli/engine.ts";
import type { CliIo } from "../../app/cli/io.ts";
import { FUZZ_SEED, prng } from "../helpers/fuzz.ts";

const SEED = FUZZ_SEED;
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fuzz-cli-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));


function file(name: string, content: string | Uint8Array): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

function spawnCli(args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "app/cli.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
    // Keep the database out of it: the engine commands must never need one.
    env: { ...process.env, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" },
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const FRENCH = /\b(le|la|les|du|de|des|un|une|fichier|document|ligne|colonne|est|n'est|pas|indiquez|vérifiez|entrée|invalide|attendu|attend)\b/i;
const STACK = /\n\s+at |Error:|TypeError|RangeError|SyntaxError|node:internal|\.ts:\d+/;

function expectCleanRefusal(run: { code: number | null; stdout: string; stderr: string }, label: string) {
  expect(run.code, `${label}: exit code`).not.toBe(0);
  expect(run.code, `${label}: exit code`).not.toBeNull();
  const out = run.stderr.trim() || run.stdout.trim();
  expect(out, `${label}: a message`).not.toBe("");
  expect(out, `${label}: French`).toMatch(FRENCH);
  expect(run.stderr + run.stdout, `${label}: no stack trace`).not.toMatch(STACK);
}

const deepArrays = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
const deepObjects = (n: number) => `${'{"a":'.repeat(n)}1${"}".repeat(n)}`;

describe("the real CLI refuses hostile files in French, without a stack trace", { timeout: 60_000 }, () => {
  it("index: 100 000 nested objects", () => {
    expectCleanRefusal(spawnCli(["index", file("deep-objects.json", deepObjects(100_000))]), "index deep objects");
  });

  it("mixity: 100 000 nested arrays under « jobs »", () => {
    expectCleanRefusal(spawnCli(["mixity", file("deep-jobs.json", `{"jobs": ${deepArrays(100_000)}}`)]), "mixity deep arrays");
  });

  it("mixity: a JSON document over the 10 Mo limit", () => {
    const job = '{"label":"Agent","women":1,"men":1},';
    const huge = `{"jobs":[${job.repeat(Math.ceil((CLI_MAX_JSON_BYTES + 1024) / job.length))}{"label":"x","women":0,"men":1}]}`;
    const run = spawnCli(["mixity", file("huge.json", huge)]);
    expectCleanRefusal(run, "mixity huge");
    expect(run.stderr).toMatch(/Mo/);
  });

  it("index: invalid UTF-8", () => {
    const bytes = new Uint8Array([...Buffer.from('{"sizeBand": "50-250", "x": "'), 0xc3, 0x28, 0xff, 0xfe, ...Buffer.from('"}')]);
    expectCleanRefusal(spawnCli(["index", file("bad-utf8.json", bytes)]), "index invalid UTF-8");
  });

  it("import: random bytes, a truncated UTF-8 CSV, and a JSON bomb given as a staff file", () => {
    const random = prng(SEED);
    const bytes = new Uint8Array(50_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
    expectCleanRefusal(spawnCli(["import", file("random.csv", bytes)]), `import random bytes (seed ${SEED})`);
    const csv = Buffer.from("Sexe;Emploi;Population;CSP;Âge;Temps de travail;Mois de présence;Rémunération annuelle brute\nF;Maraîchère;parcours;ouvrier;34;1;12;15 000\n");
    expectCleanRefusal(spawnCli(["import", file("cut.csv", csv.subarray(0, csv.indexOf(0xa8)))]), "import truncated UTF-8");
    expectCleanRefusal(spawnCli(["import", file("deep.csv", deepArrays(100_000))]), "import deep JSON");
  });
});

describe(`seeded hostile JSON, in-process (seed ${SEED})`, () => {
  async function run(command: string, content: Uint8Array) {
    let stdout = "";
    let stderr = "";
    const io: CliIo = {
      stdout: (s) => void (stdout += s),
      stderr: (s) => void (stderr += s),
      readFile: async () => content,
    };
    let code: number;
    try {
      code = await engineCommands[command](["entree.json"], io);
    } catch (error) {
      throw new Error(`${command} threw (seed ${SEED}): ${String(error)}`);
    }
    return { code, stdout, stderr };
  }

  it(`index and mixity answer every random JSON-like text with an exit code and French on failure (seed ${SEED})`, async () => {
    const random = prng(SEED + 1);
    const pieces = ['{', '}', '[', ']', ',', ':', '"jobs"', '"sizeBand"', '"workforce"', '"pay"', '"top10"', '"women"', '"men"', '"label"', '"__proto__"', '"constructor"', "1e309", "-0", "null", "true", '"é\\u0000"', "9007199254740993", '"50-250"', " ", "\n", '"\\ud800"'];
    for (let i = 0; i < 300; i++) {
      let text = "";
      const n = 1 + Math.floor(random() * 60);
      for (let k = 0; k < n; k++) text += pieces[Math.floor(random() * pieces.length)];
      for (const command of ["index", "mixity"]) {
        const r = await run(command, Buffer.from(text));
        expect([0, 2], `${command} case ${i} (seed ${SEED}): ${text}`).toContain(r.code);
        if (r.code !== 0) {
          expect(r.stderr, `${command} case ${i} (seed ${SEED})`).toMatch(FRENCH);
          expect(r.stderr, `${command} case ${i} (seed ${SEED})`).not.toMatch(STACK);
        }
      }
    }
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it(`random bytes to index, mixity and import never throw (seed ${SEED})`, async () => {
    const random = prng(SEED + 2);
    for (let i = 0; i < 60; i++) {
      const bytes = new Uint8Array(1 + Math.floor(random() * 4000));
      for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(random() * 256);
      for (const command of ["index", "mixity", "import"]) {
        const r = await run(command, bytes);
        expect(r.code, `${command} case ${i} (seed ${SEED})`).not.toBe(0);
        expect(r.stderr + r.stdout, `${command} case ${i} (seed ${SEED})`).toMatch(FRENCH);
        expect(r.stderr + r.stdout, `${command} case ${i} (seed ${SEED})`).not.toMatch(STACK);
      }
    }
  });
});
